import { z } from "zod";
import { idSchema, messageTextSchema, variableNameSchema } from "./common";

export const buttonSchema = z.discriminatedUnion("kind", [
  z.object({ id: idSchema, kind: z.literal("goto"), label: z.string().max(128) }),
  z.object({ id: idSchema, kind: z.literal("url"), label: z.string().max(128), url: z.string().max(2048) }),
]);
export type Button = z.infer<typeof buttonSchema>;

export const buttonsConfigSchema = z.object({
  text: messageTextSchema,
  /** inline: buttons under the message; reply: buttons replace the user's keyboard. */
  keyboard: z.enum(["inline", "reply"]).default("inline"),
  buttons: z.array(buttonSchema).max(100),
  /** Buttons per row. */
  columns: z.number().int().min(1).max(8).default(1),
  /** Optional variable that receives the chosen button's label. */
  saveAs: variableNameSchema.optional(),
  /** Sent when the user types something that is neither a button nor an alias. Empty = ignore silently. */
  retryText: messageTextSchema.default("Please choose one of the options."),
});
export type ButtonsConfig = z.infer<typeof buttonsConfigSchema>;
