"use client";

import type { NodeBodyProps } from "../types";

/** The split at a glance ("A/B test, 2 branches"); each branch's handle shows its label and share. */
export function RandomSplitNodeBody({ step }: NodeBodyProps<"random_split">) {
  const n = step.config.branches.length;
  return (
    <p className="text-xs text-zinc-500">
      {n < 2 ? "Add at least two branches" : `Random split into ${n} branches, sticky per conversation`}
    </p>
  );
}
