import { z } from "zod";
import { contactDetailsSchema } from "../inbox/schemas";

// ---- inputs ----

/*
 * Shapes only; the core checks the values as an Update-contact step does and says what is wrong
 * (first name 1–128 characters; last name and city up to 128; language 2–35; email; phone; custom
 * fields by their type and options; tags 1–64 characters).
 */
const value = z.string().max(1000);

export const updateContactInput = z.object({
  id: z.string().uuid(),
  /** Can't be cleared. */
  firstName: value.optional(),
  /** `null` or "" clears it. */
  lastName: value.nullish(),
  email: value.nullish(),
  /** Normalised ("+49 151 1234567" → "+491511234567"); a number another contact has merges the two. */
  phone: value.nullish(),
  city: value.nullish(),
  language: value.nullish(),
  /** Custom fields by key; `null` or "" removes the value. */
  fields: z
    .record(z.string().max(100), value.nullable())
    .refine((f) => Object.keys(f).length <= 100, "At most 100 fields at once.")
    .optional(),
  addTags: z.array(z.string().max(100)).max(50).optional(),
  removeTags: z.array(z.string().max(100)).max(50).optional(),
});
export type UpdateContactInput = z.infer<typeof updateContactInput>;

// ---- outputs ----

export const updateContactOutput = z.object({
  /** The contact after the edit: after a merge, the surviving contact (its id may differ). */
  contact: contactDetailsSchema,
  /** The phone belonged to another contact, and the two are now one. */
  merged: z.boolean(),
});
export type UpdateContactOutput = z.infer<typeof updateContactOutput>;
