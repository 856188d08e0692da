"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { HistoryIcon, XIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";
import { useRollback } from "../use-rollback";
import { ChangeList } from "./change-list";
import { DiffCanvas, type DiffFocus } from "./diff-canvas";
import { diffGraph } from "./diff-graph";
import { type DiffSource, useVersionDiff } from "./use-version-diff";

export interface DiffVersion {
  version: number;
  note: string | null;
  live: boolean;
}

const sourceLabel = (s: DiffSource, versions: DiffVersion[]) => {
  if (s === "draft") return "Current draft";
  const v = versions.find((x) => x.version === s);
  return `v${s}${v?.live ? " (live)" : ""}${v?.note ? ` — ${v.note}` : ""}`;
};

/**
 * Two versions side by side before a rollback: the older one on the left with what was removed, the
 * newer one (or the draft) on the right with what was added, changed steps on both, and the list of
 * changes; a change centres its step. "Roll back" uses the versions menu's rollback.
 */
export function VersionDiffDialog({
  versions,
  initial,
  onClose,
}: {
  versions: DiffVersion[];
  initial: number;
  onClose: () => void;
}) {
  const [left, setLeft] = useState<DiffSource>(initial);
  const [right, setRight] = useState<DiffSource>("draft");
  const [focus, setFocus] = useState<DiffFocus | null>(null);
  const { before, after, diff, error } = useVersionDiff(left, right);
  const { rollback, busy } = useRollback();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => root.current?.focus(), []);
  useEffect(() => {
    // The builder's canvas and shortcuts (Delete, Ctrl+Z…) listen on the document and the window: while the
    // diff is open, keys stop in the capture phase, before they reach them (wherever the focus is).
    // Escape goes on, to close this view (or a confirmation above it).
    const guard = (e: KeyboardEvent) => {
      if (e.key !== "Escape") e.stopPropagation();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    window.addEventListener("keydown", guard, true);
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", guard, true);
      window.removeEventListener("keydown", onKey);
    };
  }, [onClose]);

  const graphs = useMemo(
    () =>
      before && after && diff
        ? { before: diffGraph(before, "before", diff), after: diffGraph(after, "after", diff) }
        : null,
    [before, after, diff],
  );
  const options: DiffSource[] = ["draft", ...versions.map((v) => v.version)];

  async function rollBack() {
    if (typeof left !== "number") return;
    if (await rollback(left)) onClose();
  }

  return (
    <div
      className="animate-fade-in fixed inset-0 z-40 flex bg-zinc-900/40 p-4"
      role="dialog"
      aria-modal="true"
      aria-label="Compare versions"
      data-testid="version-diff"
      ref={root}
      tabIndex={-1}
    >
      <div className="flex min-h-0 flex-1 flex-col overflow-hidden rounded-2xl bg-white shadow-2xl">
        <header className="flex items-center gap-3 border-b border-zinc-200 px-4 py-3">
          <HistoryIcon size={16} className="text-zinc-400" />
          <h2 className="text-sm font-semibold text-zinc-900">Compare versions</h2>
          <SourceSelect
            testId="diff-left"
            value={left}
            options={options}
            versions={versions}
            onChange={setLeft}
          />
          <span className="text-zinc-400">→</span>
          <SourceSelect
            testId="diff-right"
            value={right}
            options={options}
            versions={versions}
            onChange={setRight}
          />
          <div className="ml-auto flex items-center gap-2">
            {typeof left === "number" && (
              <Button
                size="sm"
                variant="primary"
                loading={busy === left}
                onClick={rollBack}
                data-testid="diff-rollback"
              >
                Roll back to v{left}
              </Button>
            )}
            <button
              type="button"
              onClick={onClose}
              className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100"
              aria-label="Close"
              data-testid="diff-close"
            >
              <XIcon size={16} />
            </button>
          </div>
        </header>
        {error ? (
          <p className="p-6 text-sm text-red-600">{errorMessage(error)}</p>
        ) : !graphs || !diff || !before || !after ? (
          <div className="flex flex-1 items-center justify-center">
            <Spinner />
          </div>
        ) : (
          <div className="flex min-h-0 flex-1 gap-3 p-3">
            <DiffCanvas
              label={sourceLabel(left, versions)}
              testId="diff-canvas-before"
              nodes={graphs.before.nodes}
              edges={graphs.before.edges}
              focus={focus}
            />
            <DiffCanvas
              label={sourceLabel(right, versions)}
              testId="diff-canvas-after"
              nodes={graphs.after.nodes}
              edges={graphs.after.edges}
              focus={focus}
            />
            <aside className="w-72 shrink-0 overflow-y-auto rounded-xl ring-1 ring-zinc-200">
              <ChangeList
                diff={diff}
                before={before}
                after={after}
                onShow={(stepId) => setFocus({ stepId, nonce: Date.now() })}
              />
            </aside>
          </div>
        )}
      </div>
    </div>
  );
}

function SourceSelect({
  testId,
  value,
  options,
  versions,
  onChange,
}: {
  testId: string;
  value: DiffSource;
  options: DiffSource[];
  versions: DiffVersion[];
  onChange: (s: DiffSource) => void;
}) {
  return (
    <select
      data-testid={testId}
      value={String(value)}
      onChange={(e) => onChange(e.target.value === "draft" ? "draft" : Number(e.target.value))}
      className="max-w-56 truncate rounded-md border-0 py-1 pr-7 pl-2 text-xs ring-1 ring-zinc-300"
    >
      {options.map((o) => (
        <option key={String(o)} value={String(o)}>
          {sourceLabel(o, versions)}
        </option>
      ))}
    </select>
  );
}
