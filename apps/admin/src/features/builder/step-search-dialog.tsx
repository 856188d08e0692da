"use client";

import { type KeyboardEvent, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { SearchIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import { useBuilder } from "./builder-context";
import { moveHighlight, type StepMatch, searchSteps } from "./step-search";
import { builderStepUI } from "./steps";

/** Ctrl+K: find a step by title or text; Enter selects it and centres the canvas on it. */
export function StepSearchDialog() {
  const { stepSearch } = useBuilder();
  if (!stepSearch.open) return null;
  return <SearchPanel close={() => stepSearch.setOpen(false)} />;
}

function SearchPanel({ close }: { close: () => void }) {
  const { draft, selection } = useBuilder();
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const matches = useMemo(() => searchSteps(draft, deferred), [draft, deferred]);
  const [highlight, setHighlight] = useState(0);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    list.current?.querySelector(`[data-index="${highlight}"]`)?.scrollIntoView({ block: "nearest" });
  }, [highlight]);

  const jump = (match: StepMatch | undefined) => {
    if (!match) return;
    close();
    selection.showStep(match.step.id);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setHighlight((h) => moveHighlight(h, matches.length, e.key as "ArrowDown" | "ArrowUp"));
    } else if (e.key === "Enter") {
      e.preventDefault();
      jump(matches[highlight]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      close();
    }
  };

  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center p-4 pt-[12vh]">
      <div className="fixed inset-0 bg-zinc-950/30" onClick={close} aria-hidden="true" />
      <div
        role="dialog"
        aria-modal="true"
        aria-label="Find a step"
        className="animate-fade-in relative flex max-h-[60vh] w-full max-w-xl flex-col overflow-hidden rounded-xl bg-white shadow-2xl ring-1 ring-zinc-200"
        data-testid="step-search"
      >
        <div className="flex items-center gap-2 border-b border-zinc-100 px-4">
          <SearchIcon size={16} className="shrink-0 text-zinc-400" />
          <input
            autoFocus
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setHighlight(0);
            }}
            onKeyDown={onKeyDown}
            placeholder="Find a step by title or text…"
            className="h-12 flex-1 bg-transparent text-sm text-zinc-900 outline-none placeholder:text-zinc-400"
            role="combobox"
            aria-expanded="true"
            aria-controls="step-search-results"
            aria-activedescendant={matches[highlight] ? `step-search-${highlight}` : undefined}
            data-testid="step-search-input"
          />
          <kbd className="rounded bg-zinc-100 px-1.5 py-0.5 text-[10px] font-medium text-zinc-500">Esc</kbd>
        </div>
        <div
          id="step-search-results"
          ref={list}
          role="listbox"
          className="scrollbar-thin overflow-y-auto p-1.5"
        >
          {matches.length === 0 && (
            <p className="px-3 py-6 text-center text-sm text-zinc-500">No step has “{deferred}”.</p>
          )}
          {matches.map((m, i) => (
            <ResultRow
              key={m.step.id}
              match={m}
              index={i}
              active={i === highlight}
              onHover={() => setHighlight(i)}
              onPick={() => jump(m)}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

function ResultRow({
  match,
  index,
  active,
  onHover,
  onPick,
}: {
  match: StepMatch;
  index: number;
  active: boolean;
  onHover: () => void;
  onPick: () => void;
}) {
  const ui = builderStepUI(match.step.type);
  const Icon = ui.icon;
  return (
    <div
      id={`step-search-${index}`}
      role="option"
      tabIndex={-1}
      aria-selected={active}
      data-index={index}
      data-testid={`step-search-result-${match.step.id}`}
      onMouseMove={onHover}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onPick}
      className={cn(
        "flex cursor-pointer items-start gap-2.5 rounded-lg px-2.5 py-2",
        active ? "bg-brand-50 ring-1 ring-brand-200" : "hover:bg-zinc-50",
      )}
    >
      <span
        className={cn("mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-md ring-1", ui.tile)}
      >
        <Icon size={13} />
      </span>
      <span className="min-w-0 flex-1">
        <span className="block truncate text-sm font-medium text-zinc-900">{match.name}</span>
        {match.excerpt && <span className="block truncate text-xs text-zinc-500">{match.excerpt}</span>}
      </span>
    </div>
  );
}
