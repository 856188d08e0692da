"use client";

import { useBuilderEnvironment } from "../../environment-context";
import { splitCountsOfStep } from "../../workspace-environment";
import type { NodeBodyProps } from "../types";
import { splitTallyLine } from "./random-split";

/**
 * The split at a glance ("Random split into 2 branches") and, once conversations went through, how
 * they divided; each branch's handle shows its label and intended share.
 */
export function RandomSplitNodeBody({ step }: NodeBodyProps<"random_split">) {
  const environment = useBuilderEnvironment();
  const n = step.config.branches.length;
  const tally = splitTallyLine(step.config.branches, splitCountsOfStep(environment, step.id));
  return (
    <>
      <p className="text-xs text-zinc-500">
        {n < 2 ? "Add at least two branches" : `Random split into ${n} branches, sticky per conversation`}
      </p>
      {tally && (
        <p
          className="mt-1 text-[11px] font-medium text-zinc-700"
          data-testid="split-tally"
          title="Conversations per branch so far"
        >
          {tally}
        </p>
      )}
    </>
  );
}
