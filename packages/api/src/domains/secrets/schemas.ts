import { MAX_SECRET_VALUE_LENGTH } from "@switchboard/core";
import { z } from "zod";

// ---- inputs ----

/** Checked in full by the core (letters, digits, "_"; starts with a letter or "_"). */
const name = z.string().max(100);

export const setSecretInput = z.object({
  name,
  value: z
    .string()
    .max(MAX_SECRET_VALUE_LENGTH, `A secret can have at most ${MAX_SECRET_VALUE_LENGTH} characters.`),
});
export type SetSecretInput = z.infer<typeof setSecretInput>;

export const secretNameInput = z.object({ name });

// ---- outputs (never a value) ----

export const secretSummarySchema = z.object({
  name: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const listSecretsOutput = z.array(secretSummarySchema);
export const removeSecretOutput = z.void();
