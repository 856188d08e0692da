"use client";

import { PERIOD_PRESETS, type PeriodChoice, periodOf } from "./overlay-model";

const fieldClass =
  "w-full rounded-md border-0 bg-white py-1 pl-2 text-xs text-zinc-800 ring-1 ring-zinc-200 focus:ring-2 focus:ring-brand-500";

/**
 * The overlay's period: a preset (the last N days) or "Custom range…", which shows two day fields
 * starting from the days the preset covered, so switching keeps what the marketer was looking at.
 */
export function PeriodPicker({
  period,
  onChange,
  selectClass,
}: {
  period: PeriodChoice;
  onChange: (period: PeriodChoice) => void;
  selectClass: string;
}) {
  const choose = (value: string) => {
    if (value !== "custom") return onChange({ kind: "last", days: Number(value) });
    onChange({ kind: "range", ...periodOf(period, new Date()) });
  };
  return (
    <>
      <label className="text-[11px] text-zinc-500">
        Period
        <select
          className={selectClass}
          value={period.kind === "last" ? period.days : "custom"}
          onChange={(e) => choose(e.target.value)}
          data-testid="analytics-period"
        >
          {PERIOD_PRESETS.map((p) => (
            <option key={p.days} value={p.days}>
              {p.label}
            </option>
          ))}
          <option value="custom">Custom range…</option>
        </select>
      </label>
      {period.kind === "range" && (
        <div className="col-span-2 grid grid-cols-2 gap-2">
          <DayField
            label="From (UTC)"
            value={period.from}
            max={period.to}
            onChange={(from) => onChange({ ...period, from })}
            testId="analytics-from"
          />
          <DayField
            label="To (UTC)"
            value={period.to}
            min={period.from}
            onChange={(to) => onChange({ ...period, to })}
            testId="analytics-to"
          />
        </div>
      )}
    </>
  );
}

/** One UTC day of a picked range; `min`/`max` keep the two days in order in the browser's picker. */
function DayField({
  label,
  value,
  min,
  max,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  min?: string;
  max?: string;
  onChange: (day: string) => void;
  testId: string;
}) {
  return (
    <label className="text-[11px] text-zinc-500">
      {label}
      <input
        type="date"
        className={fieldClass}
        value={value}
        min={min || undefined}
        max={max || undefined}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </label>
  );
}
