"use client";

import type { NodeBodyProps } from "../types";
import { operationSummary } from "./set-values";

export function SetValuesNodeBody({ step }: NodeBodyProps<"set_values">) {
  const { operations } = step.config;
  if (operations.length === 0) return <p className="text-xs text-zinc-400 italic">Nothing to set yet</p>;
  return (
    <ul className="space-y-0.5">
      {operations.slice(0, 5).map((op, i) => (
        <li key={i} className="truncate font-mono text-[11px] text-zinc-600" title={operationSummary(op)}>
          {operationSummary(op)}
        </li>
      ))}
      {operations.length > 5 && <li className="text-[11px] text-zinc-400">+{operations.length - 5} more</li>}
    </ul>
  );
}
