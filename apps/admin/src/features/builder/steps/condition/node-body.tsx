"use client";

import type { NodeBodyProps } from "../types";
import { branchSummary } from "./condition";

/** One line per branch: what it checks (the handles come from the step's outputs). */
export function ConditionNodeBody({ step }: NodeBodyProps<"condition">) {
  const { branches } = step.config;
  if (branches.length === 0) return <p className="text-xs text-zinc-400 italic">No branches yet</p>;
  return (
    <ol className="space-y-0.5">
      {branches.map((b, i) => (
        <li key={b.id} className="truncate text-[11px] text-zinc-600" title={branchSummary(b)}>
          <span className="font-medium text-zinc-800">{b.name || `Branch ${i + 1}`}:</span>{" "}
          <span className="font-mono">{branchSummary(b)}</span>
        </li>
      ))}
    </ol>
  );
}
