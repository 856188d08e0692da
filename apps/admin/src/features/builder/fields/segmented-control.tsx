"use client";

import { cn } from "@/lib/cn";

export interface SegmentedOption<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

/** A row of mutually exclusive options; each option's test id is `${optionTestIdPrefix}${value}`. */
export function SegmentedControl<T extends string>({
  value,
  options,
  onChange,
  testId,
  optionTestIdPrefix,
}: {
  value: T;
  options: readonly SegmentedOption<T>[];
  onChange: (value: T) => void;
  testId?: string;
  optionTestIdPrefix?: string;
}) {
  return (
    <div
      className="grid gap-1 rounded-lg bg-zinc-100 p-1"
      style={{ gridTemplateColumns: `repeat(${options.length}, minmax(0, 1fr))` }}
      role="radiogroup"
      data-testid={testId}
    >
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={value === o.value}
          title={o.hint}
          data-testid={optionTestIdPrefix === undefined ? undefined : `${optionTestIdPrefix}${o.value}`}
          onClick={() => onChange(o.value)}
          className={cn(
            "rounded-md px-2 py-1.5 text-xs font-medium transition",
            value === o.value ? "bg-white text-zinc-900 shadow-sm" : "text-zinc-500 hover:text-zinc-800",
          )}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
