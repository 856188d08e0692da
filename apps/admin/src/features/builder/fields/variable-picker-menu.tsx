"use client";

import { useCallback, useMemo, useState } from "react";
import { useClickOutside } from "@/components/ui/use-click-outside";
import { useBuilderEnvironment } from "../environment-context";
import { filterGroups, pickerGroups, templateToken } from "./variable-picker";
import { useVariableSources } from "./variable-sources";

/**
 * The `{ }` button of a template field: a searchable list of the variables the step can use (this
 * flow's upstream variables, contact, bot variables, deep link); a choice calls `onPick(path, fallback)`.
 * The fallback (what to show when the value is missing) is optional: `{{name | "there"}}`.
 */
export function VariablePickerMenu({
  variables,
  onPick,
  placement = "above",
}: {
  /** `vars.*` written upstream of the edited step. */
  variables: string[];
  onPick: (path: string, fallback?: string) => void;
  placement?: "above" | "below";
}) {
  const environment = useBuilderEnvironment();
  const sources = useVariableSources();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [fallback, setFallback] = useState("");
  const close = useCallback(() => setOpen(false), []);
  const ref = useClickOutside<HTMLDivElement>(open, close);
  const groups = useMemo(
    () =>
      pickerGroups({
        upstreamVariables: variables,
        sources,
        customFields: environment.customFields,
        botVariables: environment.botVariables?.variables ?? null,
      }),
    [variables, sources, environment.customFields, environment.botVariables],
  );
  const shown = useMemo(() => filterGroups(groups, query), [groups, query]);
  const first = shown.find((g) => g.items.length > 0)?.items[0];

  function pick(path: string) {
    onPick(path, fallback);
    setOpen(false);
    setQuery("");
    setFallback("");
  }

  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        className="rounded-md bg-zinc-100 px-1.5 py-0.5 font-mono text-[11px] text-zinc-600 hover:bg-zinc-200"
        title="Insert a variable"
        aria-label="Insert a variable"
        aria-expanded={open}
        data-testid="variable-picker"
      >
        {"{ }"}
      </button>
      {open && (
        <div
          className={`absolute left-0 z-30 w-72 rounded-lg bg-white text-xs shadow-lg ring-1 ring-zinc-200 ${
            placement === "above" ? "bottom-full mb-1" : "top-full mt-1"
          }`}
        >
          <input
            autoFocus
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && first) {
                e.preventDefault();
                pick(first.path);
              }
            }}
            placeholder="Search variables…"
            aria-label="Search variables"
            className="w-full rounded-t-lg border-b border-zinc-100 px-3 py-2 text-xs outline-none"
          />
          <label className="flex items-center gap-2 border-b border-zinc-100 px-3 py-1.5 text-[11px] text-zinc-500">
            <span className="shrink-0">If empty, show</span>
            <input
              value={fallback}
              onChange={(e) => setFallback(e.target.value)}
              placeholder='e.g. "there"'
              aria-label="Fallback when the variable is empty"
              data-testid="variable-fallback"
              maxLength={200}
              className="min-w-0 flex-1 rounded border border-zinc-200 px-1.5 py-0.5 text-xs outline-none focus:border-brand-400"
            />
          </label>
          <div className="max-h-64 overflow-y-auto py-1">
            {shown.length === 0 && <p className="px-3 py-2 text-zinc-400">No variable matches.</p>}
            {shown.map((g) => (
              <div key={g.id} data-testid={`variable-group-${g.id}`}>
                <p className="px-3 pt-2 pb-0.5 text-[10px] font-semibold tracking-wide text-zinc-400 uppercase">
                  {g.label}
                </p>
                {g.items.length === 0 && g.empty && <p className="px-3 py-1 text-zinc-400">{g.empty}</p>}
                {g.items.map((item) => (
                  <button
                    key={item.path}
                    type="button"
                    onClick={() => pick(item.path)}
                    className="flex w-full items-baseline justify-between gap-2 px-3 py-1 text-left hover:bg-brand-50"
                  >
                    <span className="truncate font-mono text-zinc-700">
                      {templateToken(item.path, fallback)}
                    </span>
                    <span className="shrink-0 truncate text-[10px] text-zinc-400">{item.hint}</span>
                  </button>
                ))}
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
