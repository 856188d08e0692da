"use client";

import { Input } from "@/components/ui/field";

/** A number field whose empty (or unreadable) value is `undefined`. */
export function NumberInput({
  value,
  onChange,
  ...rest
}: {
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  id?: string;
  placeholder?: string;
  invalid?: boolean;
  "data-testid"?: string;
}) {
  return (
    <Input
      type="number"
      inputMode="decimal"
      value={value ?? ""}
      onChange={(e) => {
        const raw = e.target.value;
        const n = Number(raw);
        onChange(raw === "" || !Number.isFinite(n) ? undefined : n);
      }}
      {...rest}
    />
  );
}
