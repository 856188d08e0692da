import { z } from "zod";

/**
 * The fields of a contact that steps can ask for, filter on and write: the built-in columns, and the
 * workspace's own custom fields (defined in Settings, stored as `fields.KEY` on the contact).
 */
export const BUILTIN_CONTACT_FIELDS = [
  "first_name",
  "last_name",
  "email",
  "phone",
  "city",
  "language",
] as const;
export type BuiltinContactField = (typeof BUILTIN_CONTACT_FIELDS)[number];

export const BUILTIN_FIELD_LABELS: Record<BuiltinContactField, string> = {
  first_name: "First name",
  last_name: "Last name",
  email: "Email",
  phone: "Phone",
  city: "City",
  language: "Language",
};

export const CUSTOM_FIELD_TYPES = ["text", "number", "date", "choice"] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** A custom field's key as written in `{{fields.KEY}}`. */
export const customFieldKeySchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, "field keys use lowercase letters, digits and '_', starting with a letter");

/** A workspace's definition of a custom field (Settings → Contact fields). */
export const customFieldDefinitionSchema = z.object({
  key: customFieldKeySchema,
  label: z.string().trim().min(1).max(80),
  type: z.enum(CUSTOM_FIELD_TYPES),
  /** The choices of a `choice` field, shown as buttons. */
  options: z.array(z.string().trim().min(1).max(64)).max(50).default([]),
});
export type CustomFieldDefinition = z.infer<typeof customFieldDefinitionSchema>;

/** Which field a step or a rule is about. */
export const fieldRefSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("contact"), key: z.enum(BUILTIN_CONTACT_FIELDS) }),
  z.object({ kind: z.literal("custom"), key: customFieldKeySchema }),
]);
export type FieldRef = z.infer<typeof fieldRefSchema>;

/** What the engine knows about the contact: audience rules and Update-contact read it. */
export interface ContactFacts {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  city: string;
  language: string;
  tags: string[];
  fields: Record<string, string>;
  /** Linked to a workspace member by a Login step. */
  loggedIn: boolean;
}

export const emptyContactFacts = (): ContactFacts => ({
  firstName: "",
  lastName: "",
  email: "",
  phone: "",
  city: "",
  language: "",
  tags: [],
  fields: {},
  loggedIn: false,
});

const BUILTIN_FACT: Record<BuiltinContactField, keyof ContactFacts> = {
  first_name: "firstName",
  last_name: "lastName",
  email: "email",
  phone: "phone",
  city: "city",
  language: "language",
};

/** The value of a field on a contact ("" when unset). */
export function fieldValue(contact: ContactFacts, ref: FieldRef): string {
  if (ref.kind === "custom") return contact.fields[ref.key] ?? "";
  return contact[BUILTIN_FACT[ref.key]] as string;
}

/** A copy of `contact` with one field set. */
export function withFieldValue(contact: ContactFacts, ref: FieldRef, value: string): ContactFacts {
  if (ref.kind === "custom") return { ...contact, fields: { ...contact.fields, [ref.key]: value } };
  return { ...contact, [BUILTIN_FACT[ref.key]]: value };
}

export const sameTag = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Tags after adding and removing some, compared case-insensitively; the first spelling is kept. */
export function applyTags(
  tags: readonly string[],
  add: readonly string[],
  remove: readonly string[],
): string[] {
  const out = tags.filter((t) => !remove.some((r) => sameTag(r, t)));
  for (const t of add) if (!out.some((o) => sameTag(o, t))) out.push(t.trim());
  return out;
}

export const fieldLabel = (ref: FieldRef, definitions?: Record<string, CustomFieldDefinition>) =>
  ref.kind === "contact" ? BUILTIN_FIELD_LABELS[ref.key] : (definitions?.[ref.key]?.label ?? ref.key);

/**
 * One spelling per phone number, so that merging by phone finds the same person however they gave
 * it: "+" and the digits (E.164). A number typed with a leading "00" is international too. A typed
 * number that starts with a single "0" is a local number whose country we can't know: its digits are
 * kept without "+". Telegram always shares numbers in international form (sometimes without "+").
 */
export function normalizePhone(raw: string, from: "typed" | "telegram" = "typed"): string | null {
  const trimmed = raw.trim();
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, "");
  let international = from === "telegram" || trimmed.startsWith("+");
  if (!international && digits.startsWith("00")) {
    digits = digits.slice(2);
    international = true;
  }
  if (digits.length < 7 || digits.length > 15) return null;
  if (!international && digits.startsWith("0")) return digits;
  return `+${digits}`;
}
