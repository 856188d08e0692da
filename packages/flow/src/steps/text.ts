import { z } from "zod";
import { messageTextSchema } from "./common";

export const textConfigSchema = z.object({
  text: messageTextSchema,
});
export type TextConfig = z.infer<typeof textConfigSchema>;
