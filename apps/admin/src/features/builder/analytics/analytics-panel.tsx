"use client";

import { XIcon } from "@/components/ui/icons";
import { errorMessage } from "@/lib/errors";
import { DROP_OFF_HINT } from "./overlay-model";
import { PeriodPicker } from "./period-picker";
import { SplitComparison } from "./split-comparison";
import type { StepAnalyticsView } from "./use-step-analytics";

const selectClass =
  "w-full rounded-md border-0 bg-white py-1 pr-7 pl-2 text-xs text-zinc-800 ring-1 ring-zinc-200 focus:ring-2 focus:ring-brand-500";

/** Under the toggle while the overlay shows: which version and period, what the marks mean, the splits. */
export function AnalyticsPanel({
  view,
  notInVersion,
  titleOf,
}: {
  view: StepAnalyticsView;
  notInVersion: number;
  titleOf: (stepId: string) => string;
}) {
  const { analytics } = view;
  return (
    <div
      className="mt-1.5 w-72 rounded-xl bg-white/95 shadow-lg ring-1 ring-zinc-200 backdrop-blur"
      data-testid="analytics-panel"
    >
      <div className="flex items-center justify-between px-3 pt-2.5">
        <p className="text-sm font-semibold text-zinc-900">Step analytics</p>
        <button
          type="button"
          onClick={() => view.setOpen(false)}
          className="rounded p-0.5 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
          aria-label="Hide analytics"
        >
          <XIcon size={14} />
        </button>
      </div>
      <div className="grid grid-cols-2 gap-2 px-3 pt-2">
        <label className="text-[11px] text-zinc-500">
          Version
          <select
            className={selectClass}
            value={view.version ?? ""}
            onChange={(e) => view.setVersion(e.target.value ? Number(e.target.value) : undefined)}
            data-testid="analytics-version"
          >
            <option value="">Live version</option>
            {view.versions.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version}
                {v.live ? " (live)" : ""}
              </option>
            ))}
          </select>
        </label>
        <PeriodPicker period={view.period} onChange={view.setPeriod} selectClass={selectClass} />
      </div>
      <div className="px-3 py-2 text-[11px] leading-snug text-zinc-500" data-testid="analytics-summary">
        {view.periodProblem ? (
          <span className="text-red-600" data-testid="analytics-period-problem">
            {view.periodProblem}
          </span>
        ) : view.error ? (
          <span className="text-red-600">{errorMessage(view.error)}</span>
        ) : view.loading || !analytics ? (
          "Counting…"
        ) : analytics.version === null ? (
          "Publish the flow to see how conversations go through it."
        ) : (
          <>
            Version {analytics.version},{" "}
            {analytics.from === analytics.to ? analytics.from : `${analytics.from} – ${analytics.to}`} (UTC).
            Above each step: how many conversations reached it and how many stopped there; at each output: how
            many went on through it. Each conversation counts once a day, however often it comes back.{" "}
            <span className="font-medium text-red-600">Red</span>: {DROP_OFF_HINT}
            {notInVersion > 0 && ` ${notInVersion} step(s) added since this version have no figures.`}
          </>
        )}
      </div>
      {analytics && <SplitComparison splits={analytics.splits} titleOf={titleOf} />}
    </div>
  );
}
