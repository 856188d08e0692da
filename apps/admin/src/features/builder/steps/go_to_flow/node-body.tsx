"use client";

import type { NodeBodyProps } from "../types";
import { targetLabel, targetStatus } from "./go-to-flow";

const WARNINGS = {
  missing_flow: "This flow no longer exists",
  missing_step: "Step not in the flow's live version",
  unpublished: "Not published yet",
} as const;

export function GoToFlowNodeBody({ step, environment }: NodeBodyProps<"go_to_flow">) {
  const status = targetStatus(environment.flows, step.config);
  const warning = status in WARNINGS ? WARNINGS[status as keyof typeof WARNINGS] : null;
  return (
    <div className="space-y-1">
      <p className="truncate text-xs font-medium text-indigo-700" data-testid="node-goto-target">
        → {targetLabel(environment.flows, step.config)}
      </p>
      {warning && (
        <p
          className={
            status === "unpublished" ? "text-[11px] text-amber-700" : "text-[11px] font-medium text-red-600"
          }
          data-testid="node-goto-warning"
        >
          {warning}
        </p>
      )}
    </div>
  );
}
