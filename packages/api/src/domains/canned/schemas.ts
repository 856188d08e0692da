import { MAX_CANNED_SHORTCUT_LENGTH, MAX_CANNED_TEXT_LENGTH } from "@switchboard/core";
import { z } from "zod";

// ---- inputs ----

/** Checked in full by the core (letters, digits, `_`, `-`; a leading ":" is dropped; lowercased). */
const shortcut = z.string().max(MAX_CANNED_SHORTCUT_LENGTH + 10);
/** Trimmed by the core; 1–4,096 characters. */
const text = z
  .string()
  .max(
    MAX_CANNED_TEXT_LENGTH,
    `A canned reply can have at most ${MAX_CANNED_TEXT_LENGTH.toLocaleString("en-US")} characters.`,
  );

export const listCannedInput = z
  .object({
    /** What follows ":" in the reply box: replies whose shortcut starts with it. */
    search: z
      .string()
      .max(MAX_CANNED_SHORTCUT_LENGTH + 1)
      .optional(),
  })
  .default({});
export type ListCannedInput = z.infer<typeof listCannedInput>;

export const createCannedInput = z.object({ shortcut, text });
export type CreateCannedInput = z.infer<typeof createCannedInput>;

/** Omitted: unchanged. */
export const updateCannedInput = z.object({
  id: z.string().uuid(),
  shortcut: shortcut.optional(),
  text: text.optional(),
});
export type UpdateCannedInput = z.infer<typeof updateCannedInput>;

export const cannedIdInput = z.object({ id: z.string().uuid() });

// ---- outputs ----

export const cannedReplySchema = z.object({
  id: z.string(),
  /** Lowercase; typed as ":" + shortcut. */
  shortcut: z.string(),
  text: z.string(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type CannedReplyOutput = z.infer<typeof cannedReplySchema>;

export const listCannedOutput = z.array(cannedReplySchema);
export const removeCannedOutput = z.void();
