"use client";

import { describeDuration } from "../../fields/duration";
import { NodeText } from "../../node-parts";
import type { NodeBodyProps } from "../types";

export function LoginNodeBody({ step }: NodeBodyProps<"login">) {
  const { text, buttonLabel, timeout } = step.config;
  return (
    <>
      <NodeText text={text} />
      <div className="mt-1.5 flex items-center gap-1.5">
        <span
          className="min-w-0 truncate rounded-md bg-amber-50 px-2 py-0.5 text-[11px] font-medium text-amber-800 ring-1 ring-amber-200"
          title={buttonLabel}
        >
          {buttonLabel.trim() || "(no label)"}
        </span>
        <span className="shrink-0 text-[11px] text-zinc-400">for {describeDuration(timeout)}</span>
      </div>
    </>
  );
}
