"use client";

import { DURATION_UNITS, type ScheduleConfig } from "@switchboard/flow";
import { useState } from "react";
import { Input, Select } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { SegmentedControl } from "../../fields/segmented-control";
import { toggleDay, withRepeatKind } from "./schedule-display";

type Repeat = ScheduleConfig["repeat"];

const KIND_OPTIONS = [
  { value: "once", label: "Once" },
  { value: "interval", label: "Every…" },
  { value: "weekly", label: "Weekly" },
] as const;
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** How often the schedule runs: once, every N minutes/hours/days, or on weekdays at a time. */
export function RepeatFields({
  repeat,
  startAt,
  daysError,
  onChange,
}: {
  repeat: Repeat;
  startAt: string;
  daysError?: string;
  onChange: (repeat: Repeat) => void;
}) {
  return (
    <div className="space-y-2">
      <SegmentedControl
        value={repeat.kind}
        options={KIND_OPTIONS}
        onChange={(kind) => onChange(withRepeatKind(repeat, kind, startAt))}
        testId="schedule-repeat"
        optionTestIdPrefix="schedule-repeat-"
      />
      {repeat.kind === "interval" && <IntervalFields repeat={repeat} onChange={onChange} />}
      {repeat.kind === "weekly" && (
        <div className="space-y-2">
          <div className="grid grid-cols-7 gap-1" data-testid="schedule-days">
            {DAYS.map((name, i) => {
              const on = repeat.days.includes(i + 1);
              return (
                <button
                  key={name}
                  type="button"
                  aria-pressed={on}
                  onClick={() => onChange({ ...repeat, days: toggleDay(repeat.days, i + 1) })}
                  className={cn(
                    "rounded-md py-1.5 text-xs font-medium ring-1 transition",
                    on
                      ? "bg-indigo-600 text-white ring-indigo-600"
                      : "bg-white text-zinc-600 ring-zinc-300 hover:bg-zinc-50",
                  )}
                >
                  {name}
                </button>
              );
            })}
          </div>
          {daysError && <p className="text-xs text-red-600">{daysError}</p>}
          <div className="flex items-center gap-2 text-xs text-zinc-600">
            at
            <Input
              type="time"
              aria-label="Time"
              data-testid="schedule-time"
              value={repeat.time}
              required
              onChange={(e) => e.target.value && onChange({ ...repeat, time: e.target.value.slice(0, 5) })}
              className="w-32"
            />
          </div>
        </div>
      )}
    </div>
  );
}

function IntervalFields({
  repeat,
  onChange,
}: {
  repeat: Extract<Repeat, { kind: "interval" }>;
  onChange: (repeat: Repeat) => void;
}) {
  const [text, setText] = useState(String(repeat.every));
  const parsed = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  const invalid = !(parsed >= 1 && parsed <= 10_000);
  return (
    <div>
      <div className="flex items-center gap-2 text-xs text-zinc-600">
        every
        <Input
          aria-label="Every"
          data-testid="schedule-every"
          inputMode="numeric"
          value={invalid || parsed === repeat.every ? text : String(repeat.every)}
          invalid={invalid}
          onChange={(e) => {
            setText(e.target.value);
            const n = Number(e.target.value.trim());
            if (/^\d+$/.test(e.target.value.trim()) && n >= 1 && n <= 10_000)
              onChange({ ...repeat, every: n });
          }}
          className="w-20"
        />
        <Select
          aria-label="Unit"
          data-testid="schedule-unit"
          value={repeat.unit}
          onChange={(e) => onChange({ ...repeat, unit: e.target.value as (typeof DURATION_UNITS)[number] })}
          className="flex-1"
        >
          {DURATION_UNITS.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </Select>
      </div>
      {invalid && <p className="mt-1 text-xs text-red-600">Enter a whole number from 1 to 10,000.</p>}
    </div>
  );
}
