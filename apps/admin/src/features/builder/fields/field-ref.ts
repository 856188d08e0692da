import {
  BUILTIN_CONTACT_FIELDS,
  BUILTIN_FIELD_LABELS,
  type BuiltinContactField,
  type CustomFieldDefinition,
  type FieldRef,
} from "@switchboard/flow";

/* Contact fields in a <select>: the value is "contact:<key>" or "custom:<key>". */

export const encodeFieldRef = (ref: FieldRef) => `${ref.kind}:${ref.key}`;

export function decodeFieldRef(value: string): FieldRef | null {
  const [kind, key] = value.split(":", 2);
  if (!key) return null;
  if (kind === "contact")
    return (BUILTIN_CONTACT_FIELDS as readonly string[]).includes(key)
      ? { kind, key: key as BuiltinContactField }
      : null;
  return kind === "custom" ? { kind, key } : null;
}

export interface FieldOption {
  value: string;
  label: string;
  /** A custom field the workspace doesn't have (any more). */
  missing?: boolean;
}

export interface FieldOptionGroup {
  label: string;
  options: FieldOption[];
}

/**
 * The built-in fields, then the workspace's custom fields. A custom field that `current` names but the
 * workspace doesn't have stays choosable (marked missing) so the select shows what the step says.
 */
export function fieldOptionGroups(
  customFields: readonly CustomFieldDefinition[] | null,
  current?: FieldRef,
): FieldOptionGroup[] {
  const builtin: FieldOptionGroup = {
    label: "Contact",
    options: BUILTIN_CONTACT_FIELDS.map((key) => ({
      value: encodeFieldRef({ kind: "contact", key }),
      label: BUILTIN_FIELD_LABELS[key],
    })),
  };
  const custom: FieldOption[] = (customFields ?? []).map((f) => ({
    value: encodeFieldRef({ kind: "custom", key: f.key }),
    label: f.label,
  }));
  if (current?.kind === "custom" && !custom.some((o) => o.value === encodeFieldRef(current)))
    custom.push({
      value: encodeFieldRef(current),
      label: customFields ? `${current.key} (missing)` : current.key,
      missing: !!customFields,
    });
  return custom.length ? [builtin, { label: "Custom fields", options: custom }] : [builtin];
}

/** The workspace's definition of a custom field, if it is one and known. */
export const customDefinition = (
  customFields: readonly CustomFieldDefinition[] | null,
  ref: FieldRef,
): CustomFieldDefinition | undefined =>
  ref.kind === "custom" ? customFields?.find((f) => f.key === ref.key) : undefined;

/** "Phone", "Company size", or the key of a field the workspace doesn't know. */
export function fieldRefLabel(customFields: readonly CustomFieldDefinition[] | null, ref: FieldRef): string {
  if (ref.kind === "contact") return BUILTIN_FIELD_LABELS[ref.key];
  return customDefinition(customFields, ref)?.label ?? ref.key;
}
