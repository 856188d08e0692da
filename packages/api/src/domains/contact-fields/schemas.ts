import { contactFieldType } from "@switchboard/db";
import { z } from "zod";

// ---- inputs ----

/*
 * Checked in full by the core (customFieldDefinitionSchema of @switchboard/flow: key format, label
 * and option lengths, a choice field's options); here only the shape.
 */
const definition = {
  label: z.string().max(200),
  type: z.enum(contactFieldType.enumValues),
  /** The choices of a `choice` field (ignored for the other types). */
  options: z.array(z.string().max(200)).max(100).optional(),
};

export const createContactFieldInput = z.object({
  /** `{{fields.KEY}}`: lowercase letters, digits and `_`, starting with a letter, at most 40. Can't change later. */
  key: z.string().max(100),
  ...definition,
});
export type CreateContactFieldInput = z.infer<typeof createContactFieldInput>;

/** Label, type and options; the key stays (flows and stored values refer to it). */
export const updateContactFieldInput = z.object({ id: z.string().uuid(), ...definition });
export type UpdateContactFieldInput = z.infer<typeof updateContactFieldInput>;

export const contactFieldIdInput = z.object({ id: z.string().uuid() });

// ---- outputs ----

export const contactFieldSchema = z.object({
  id: z.string(),
  key: z.string(),
  label: z.string(),
  type: z.enum(contactFieldType.enumValues),
  options: z.array(z.string()),
  position: z.number(),
  createdAt: z.date(),
});
export type ContactFieldOutput = z.infer<typeof contactFieldSchema>;

export const listContactFieldsOutput = z.array(contactFieldSchema);
export const removeContactFieldOutput = z.void();
