"use client";

import { NodeText } from "../../node-parts";
import type { NodeBodyProps } from "../types";

export function FreeInputNodeBody({ step }: NodeBodyProps<"free_input">) {
  return (
    <>
      <NodeText text={step.config.text} />
      <p className="mt-1.5 truncate font-mono text-[11px] text-emerald-700">
        → {`{{vars.${step.config.variable}}}`}
        {step.config.validation.kind !== "any" && (
          <span className="ml-1 font-sans text-zinc-400">({step.config.validation.kind})</span>
        )}
      </p>
    </>
  );
}
