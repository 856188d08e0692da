import { z } from "zod";
import { messageTextSchema, variableNameSchema } from "./common";

export const VALIDATION_KINDS = ["any", "text", "number", "email", "phone", "date", "regex"] as const;

export const validationSchema = z.object({
  kind: z.enum(VALIDATION_KINDS).default("any"),
  /** Only for kind "regex": a JavaScript regular expression source, matched against the whole answer. */
  pattern: z.string().max(500).optional(),
  /** For "text": length bounds; for "number": value bounds. */
  min: z.number().optional(),
  max: z.number().optional(),
});
export type Validation = z.infer<typeof validationSchema>;

export const freeInputConfigSchema = z.object({
  text: messageTextSchema,
  /** The answer is stored as `vars.<variable>`. */
  variable: variableNameSchema,
  validation: validationSchema.default({ kind: "any" }),
  retryText: messageTextSchema.default("That doesn't look right. Please try again."),
});
export type FreeInputConfig = z.infer<typeof freeInputConfigSchema>;
