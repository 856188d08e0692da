"use client";

import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ChevronDownIcon, SearchIcon } from "@/components/ui/icons";
import { Popover } from "@/components/ui/popover";
import { useClickOutside } from "@/components/ui/use-click-outside";
import { cn } from "@/lib/cn";
import { allTimeZones, searchTimeZones, zoneLabel } from "./time-zones";

/** A searchable select of the IANA time zones (type "berlin", "new york"…; arrows and Enter work). */
export function TimeZoneSelect({
  id,
  value,
  onChange,
  disabled,
  invalid,
}: {
  id?: string;
  value: string;
  onChange: (zone: string) => void;
  disabled?: boolean;
  invalid?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const list = useRef<HTMLDivElement>(null);
  const zones = useMemo(() => {
    const all = allTimeZones();
    return all.includes(value) || !value ? all : [value, ...all];
  }, [value]);
  const hits = useMemo(() => searchTimeZones(zones, query), [zones, query]);
  const close = useCallback(() => setOpen(false), []);
  const box = useClickOutside<HTMLDivElement>(open, close);

  // On opening and on every search only: the arrow keys move the active option in between.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!open) return;
    setActive(Math.max(0, hits.indexOf(value)));
  }, [open, query]);
  useEffect(() => {
    list.current?.children[active]?.scrollIntoView({ block: "nearest" });
  }, [active]);

  function pick(zone: string) {
    onChange(zone);
    setOpen(false);
    setQuery("");
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === "ArrowDown") setActive((a) => Math.min(hits.length - 1, a + 1));
    else if (e.key === "ArrowUp") setActive((a) => Math.max(0, a - 1));
    else if (e.key === "Enter" && hits[active]) pick(hits[active]!);
    else if (e.key === "Escape") setOpen(false);
    else return;
    e.preventDefault();
  }

  return (
    <div ref={box} className="relative">
      <button
        id={id}
        type="button"
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
        aria-haspopup="listbox"
        aria-expanded={open}
        data-testid="timezone-select"
        data-value={value}
        className={cn(
          "flex h-9 w-full items-center justify-between gap-2 rounded-lg bg-white px-3 text-left text-sm text-zinc-900 shadow-sm ring-1 ring-inset focus:ring-2 focus:outline-none disabled:bg-zinc-50 disabled:text-zinc-500",
          invalid ? "ring-red-400 focus:ring-red-500" : "ring-zinc-300 focus:ring-brand-500",
        )}
      >
        <span className="truncate">{value ? zoneLabel(value) : "Choose a time zone"}</span>
        <ChevronDownIcon size={14} className="shrink-0 text-zinc-400" />
      </button>
      {open && (
        <Popover className="left-0 w-full min-w-72 p-2">
          <div className="relative">
            <SearchIcon size={14} className="absolute top-1/2 left-2.5 -translate-y-1/2 text-zinc-400" />
            <input
              autoFocus
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={onKeyDown}
              placeholder="Search: Berlin, New York, UTC…"
              aria-label="Search time zones"
              data-testid="timezone-search"
              className="h-8 w-full rounded-md bg-zinc-100 pr-2 pl-8 text-sm placeholder:text-zinc-400 focus:bg-white focus:ring-2 focus:ring-brand-500 focus:outline-none"
            />
          </div>
          <div ref={list} role="listbox" className="scrollbar-thin mt-2 max-h-64 overflow-y-auto">
            {hits.length === 0 && (
              <p className="px-2 py-3 text-center text-xs text-zinc-500">No time zone matches.</p>
            )}
            {hits.map((zone, i) => (
              <div
                key={zone}
                role="option"
                tabIndex={-1}
                aria-selected={zone === value}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(zone)}
                onMouseEnter={() => setActive(i)}
                data-testid="timezone-option"
                data-value={zone}
                className={cn(
                  "cursor-pointer truncate rounded-md px-2 py-1.5 text-sm",
                  i === active ? "bg-brand-50 text-brand-800" : "text-zinc-700",
                  zone === value && "font-medium",
                )}
              >
                {zoneLabel(zone)}
              </div>
            ))}
          </div>
        </Popover>
      )}
    </div>
  );
}
