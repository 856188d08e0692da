"use client";

import { delayLabel } from "@switchboard/flow";
import type { NodeBodyProps } from "../types";

export function DelayNodeBody({ step }: NodeBodyProps<"delay">) {
  return (
    <div className="flex items-center gap-1.5 text-xs text-zinc-700" data-testid="node-delay">
      <span className="rounded-md bg-slate-50 px-2 py-0.5 font-medium ring-1 ring-slate-200">
        Wait {delayLabel(step.config)}
      </span>
      {step.config.allowAliases && <span className="text-[11px] text-zinc-400">aliases interrupt</span>}
    </div>
  );
}
