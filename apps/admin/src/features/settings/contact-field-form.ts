/*
 * The contact field form's rules, as the API checks them (customFieldDefinitionSchema of
 * @switchboard/flow), so mistakes show next to the field before anything is sent.
 */

export type FieldType = "text" | "number" | "date" | "choice";

export const FIELD_TYPES: { value: FieldType; label: string; hint: string }[] = [
  { value: "text", label: "Text", hint: "Any answer up to 500 characters." },
  { value: "number", label: "Number", hint: "A number, like 42 or 3.5." },
  { value: "date", label: "Date", hint: "A date, stored as YYYY-MM-DD." },
  { value: "choice", label: "Choice", hint: "One of your options, offered as buttons." },
];

export interface FieldForm {
  key: string;
  label: string;
  type: FieldType;
  /** One option per line. */
  options: string;
}

export type FieldFormErrors = Partial<Record<"key" | "label" | "type" | "options" | "form", string>>;

export const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Options from the textarea: one per line, trimmed, blank lines and repeats dropped. */
export function parseOptions(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const option = line.trim();
    if (option && !seen.has(option)) {
      seen.add(option);
      out.push(option);
    }
  }
  return out;
}

/** A key made from a label: "Favourite colour" → "favourite_colour". */
export function keyFromLabel(label: string): string {
  const key = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+/, "")
    .replace(/_+$/, "");
  return key.slice(0, 40).replace(/_+$/, "");
}

const chars = (s: string) => Array.from(s).length;

export function validateFieldForm(form: FieldForm, mode: "create" | "edit"): FieldFormErrors {
  const errors: FieldFormErrors = {};
  if (mode === "create") {
    const key = form.key.trim();
    if (!key) errors.key = "Give the field a key.";
    else if (key.length > 40) errors.key = "A key has at most 40 characters.";
    else if (!KEY_PATTERN.test(key))
      errors.key = "Use lowercase letters, digits and _, starting with a letter (e.g. favourite_colour).";
  }
  const label = form.label.trim();
  if (!label) errors.label = "Give the field a label.";
  else if (chars(label) > 80) errors.label = "A label has at most 80 characters.";
  if (form.type === "choice") {
    const options = parseOptions(form.options);
    if (options.length === 0) errors.options = "A choice field needs at least one option.";
    else if (options.length > 50) errors.options = "At most 50 options.";
    else {
      const long = options.find((o) => chars(o) > 64);
      if (long) errors.options = `“${long.slice(0, 20)}…” is longer than 64 characters.`;
    }
  }
  return errors;
}

/** What the API is sent: options only for a choice field. */
export function fieldInput(form: FieldForm) {
  return {
    label: form.label.trim(),
    type: form.type,
    options: form.type === "choice" ? parseOptions(form.options) : [],
  };
}

/** Which form field an API error is about (from its path, or its words). */
export function errorField(path: string | null, message: string, code: string | null): keyof FieldFormErrors {
  const head = path?.split(".")[0];
  if (head === "key" || head === "label" || head === "type" || head === "options") return head;
  if (code === "CONFLICT" || /\bkey\b/i.test(message)) return "key";
  if (/option/i.test(message)) return "options";
  if (/label/i.test(message)) return "label";
  return "form";
}
