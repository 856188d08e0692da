"use client";

import { DURATION_UNITS, type Duration } from "@switchboard/flow";
import { useState } from "react";
import { Input, Select } from "@/components/ui/field";
import { parseAmount } from "./duration";

/** An amount and a unit (minutes, hours, days); only valid amounts reach `onChange`. */
export function DurationInput({
  value,
  onChange,
  id,
  testId,
}: {
  value: Duration;
  onChange: (value: Duration) => void;
  id?: string;
  testId?: string;
}) {
  const [text, setText] = useState(String(value.amount));
  const [error, setError] = useState<string | null>(null);
  // Follow outside changes (undo) unless the field holds an unfinished edit.
  const shown = error || Number(text) === value.amount ? text : String(value.amount);

  return (
    <div>
      <div className="flex gap-2">
        <Input
          id={id}
          data-testid={testId ? `${testId}-amount` : undefined}
          inputMode="numeric"
          value={shown}
          invalid={!!error}
          onChange={(e) => {
            setText(e.target.value);
            const parsed = parseAmount(e.target.value);
            if ("error" in parsed) setError(parsed.error);
            else {
              setError(null);
              onChange({ ...value, amount: parsed.amount });
            }
          }}
          className="w-24"
        />
        <Select
          aria-label="Unit"
          data-testid={testId ? `${testId}-unit` : undefined}
          value={value.unit}
          onChange={(e) => onChange({ ...value, unit: e.target.value as Duration["unit"] })}
          className="flex-1"
        >
          {DURATION_UNITS.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </Select>
      </div>
      {error && <p className="mt-1 text-xs text-red-600">{error}</p>}
    </div>
  );
}
