"use client";

import type { CustomFieldDefinition, FieldRef } from "@switchboard/flow";
import { Select } from "@/components/ui/field";
import { decodeFieldRef, encodeFieldRef, fieldOptionGroups } from "./field-ref";

/** Picks a contact field: the built-in ones and the workspace's custom fields, grouped. */
export function FieldRefSelect({
  value,
  customFields,
  onChange,
  invalid,
  id,
  className,
  ...rest
}: {
  value: FieldRef;
  customFields: readonly CustomFieldDefinition[] | null;
  onChange: (ref: FieldRef) => void;
  invalid?: boolean;
  id?: string;
  className?: string;
  "aria-label"?: string;
  "data-testid"?: string;
}) {
  const groups = fieldOptionGroups(customFields, value);
  return (
    <Select
      id={id}
      value={encodeFieldRef(value)}
      invalid={invalid}
      className={className}
      onChange={(e) => {
        const ref = decodeFieldRef(e.target.value);
        if (ref) onChange(ref);
      }}
      {...rest}
    >
      {groups.map((g) => (
        <optgroup key={g.label} label={g.label}>
          {g.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </optgroup>
      ))}
    </Select>
  );
}
