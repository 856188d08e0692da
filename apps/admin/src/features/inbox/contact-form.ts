/*
 * The contact panel's edit form: the values it starts with, and the `contacts.update` input with only
 * what changed (an emptied field clears the value). Pure, unit-tested.
 */

export const CONTACT_FIELDS = [
  { key: "firstName", label: "First name" },
  { key: "lastName", label: "Last name" },
  { key: "phone", label: "Phone" },
  { key: "email", label: "Email" },
  { key: "city", label: "City" },
  { key: "language", label: "Language" },
] as const;

export type BaseKey = (typeof CONTACT_FIELDS)[number]["key"];

export interface ContactDraft {
  base: Record<BaseKey, string>;
  /** Custom fields by key. */
  fields: Record<string, string>;
}

export interface ContactSource {
  firstName: string;
  lastName: string | null;
  phone: string | null;
  email: string | null;
  city: string | null;
  language: string | null;
}

export function draftOf(
  contact: ContactSource,
  custom: { key: string; value: string | null }[],
): ContactDraft {
  return {
    base: {
      firstName: contact.firstName,
      lastName: contact.lastName ?? "",
      phone: contact.phone ?? "",
      email: contact.email ?? "",
      city: contact.city ?? "",
      language: contact.language ?? "",
    },
    fields: Object.fromEntries(custom.map((f) => [f.key, f.value ?? ""])),
  };
}

export interface ContactUpdate {
  firstName?: string;
  lastName?: string | null;
  phone?: string | null;
  email?: string | null;
  city?: string | null;
  language?: string | null;
  fields?: Record<string, string | null>;
}

/** Only the changed values; "" becomes null (clears it). Null when nothing changed. */
export function changesOf(before: ContactDraft, after: ContactDraft): ContactUpdate | null {
  const update: ContactUpdate = {};
  for (const { key } of CONTACT_FIELDS) {
    const next = after.base[key].trim();
    if (next === before.base[key].trim()) continue;
    if (key === "firstName") update.firstName = next;
    else update[key] = next || null;
  }
  const fields: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(after.fields)) {
    const next = value.trim();
    if (next !== (before.fields[key] ?? "").trim()) fields[key] = next || null;
  }
  if (Object.keys(fields).length) update.fields = fields;
  return Object.keys(update).length ? update : null;
}

/** A tag as typed: trimmed, a leading # dropped; null when nothing is left or it is already there. */
export function newTag(input: string, existing: string[]): string | null {
  const tag = input.trim().replace(/^#+/, "").trim();
  if (!tag || tag.length > 64) return null;
  return existing.some((t) => t.toLowerCase() === tag.toLowerCase()) ? null : tag;
}
