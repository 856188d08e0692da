"use client";

import { Input, Select } from "@/components/ui/field";
import { LEVEL_LABEL, type LogFilters, type LogLevel, methodLabel, RANGES, type RangeKey } from "./log-view";

/** Level, kind (method), words and time range of the bot's log. */
export function LogFiltersBar({
  filters,
  methods,
  onChange,
}: {
  filters: LogFilters;
  methods: string[];
  onChange: (next: LogFilters) => void;
}) {
  const set = (patch: Partial<LogFilters>) => onChange({ ...filters, ...patch });
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="bot-log-filters">
      <Input
        type="search"
        aria-label="Search the log"
        placeholder="Search messages…"
        className="w-56"
        value={filters.search}
        onChange={(e) => set({ search: e.target.value })}
        data-testid="bot-log-search"
      />
      <Select
        aria-label="Level"
        className="w-36"
        value={filters.level}
        onChange={(e) => set({ level: e.target.value as LogLevel | "" })}
        data-testid="bot-log-level"
      >
        <option value="">Any level</option>
        {(Object.keys(LEVEL_LABEL) as LogLevel[]).map((l) => (
          <option key={l} value={l}>
            {LEVEL_LABEL[l]}
          </option>
        ))}
      </Select>
      <Select
        aria-label="Kind"
        className="w-48"
        value={filters.method}
        onChange={(e) => set({ method: e.target.value })}
        data-testid="bot-log-method"
      >
        <option value="">Any kind</option>
        {methods.map((m) => (
          <option key={m} value={m}>
            {methodLabel(m)}
          </option>
        ))}
      </Select>
      <Select
        aria-label="Time range"
        className="w-44"
        value={filters.range}
        onChange={(e) => set({ range: e.target.value as RangeKey })}
        data-testid="bot-log-range"
      >
        {(Object.keys(RANGES) as RangeKey[]).map((r) => (
          <option key={r} value={r}>
            {RANGES[r].label}
          </option>
        ))}
      </Select>
      {filters.range === "custom" && (
        <>
          <Input
            type="datetime-local"
            aria-label="From"
            className="w-52"
            value={filters.from}
            onChange={(e) => set({ from: e.target.value })}
          />
          <Input
            type="datetime-local"
            aria-label="To"
            value={filters.to}
            onChange={(e) => set({ to: e.target.value })}
          />
        </>
      )}
    </div>
  );
}
