"use client";

import { percent, type StepAnalytics } from "./overlay-model";

/** Random split branches side by side: conversations and share per branch, against the share asked for. */
export function SplitComparison({
  splits,
  titleOf,
}: {
  splits: StepAnalytics["splits"];
  titleOf: (stepId: string) => string;
}) {
  if (splits.length === 0) return null;
  return (
    <div className="border-t border-zinc-100 px-3 py-2.5" data-testid="analytics-splits">
      <p className="text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">Random splits</p>
      {splits.map((split) => (
        <div key={split.stepId} className="mt-2" data-testid={`analytics-split-${split.stepId}`}>
          <p className="truncate text-xs font-medium text-zinc-800">
            {titleOf(split.stepId)}{" "}
            <span className="font-normal text-zinc-400">· {split.total} in total</span>
          </p>
          <table className="mt-1 w-full text-[11px]">
            <thead className="text-zinc-400">
              <tr>
                <th className="text-left font-normal">Branch</th>
                <th className="text-right font-normal">Conversations</th>
                <th className="text-right font-normal">Share</th>
                <th className="text-right font-normal">Planned</th>
              </tr>
            </thead>
            <tbody>
              {split.branches.map((b) => (
                <tr key={b.branchId} data-testid={`analytics-branch-${split.stepId}-${b.branchId}`}>
                  <td className="max-w-24 truncate py-0.5 text-zinc-700">{b.label || b.branchId}</td>
                  <td className="text-right font-semibold text-zinc-900 tabular-nums">{b.count}</td>
                  <td className="text-right tabular-nums">
                    <span className="inline-flex items-center gap-1">
                      <span className="h-1.5 w-10 overflow-hidden rounded-full bg-zinc-100">
                        <span className="block h-full bg-indigo-500" style={{ width: `${b.share * 100}%` }} />
                      </span>
                      {percent(b.share)}
                    </span>
                  </td>
                  <td className="text-right text-zinc-400 tabular-nums">{b.intendedPercent}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
