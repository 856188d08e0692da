import { z } from "zod";

/** Step and button ids travel inside Telegram callback data (64 bytes), so they stay short. */
export const idSchema = z
  .string()
  .min(1)
  .max(24)
  .regex(/^[A-Za-z0-9_-]+$/, "ids may contain only letters, digits, '_' and '-'");

/** A variable name as written after `vars.` in a template. */
export const variableNameSchema = z
  .string()
  .min(1, "variable name is required")
  .max(64)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "variable names start with a letter and use letters, digits and '_'");

export const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

/** Message text: templates allowed. The 4096 limit is enforced by splitting at send time. */
export const messageTextSchema = z.string().max(20_000, "text is longer than 20,000 characters");

export const aliasSchema = z.string().trim().min(1).max(64);
