"use client";

import { buttonHandle } from "@switchboard/flow";
import { LinkIcon } from "@/components/ui/icons";
import { NodeText, OutputRow } from "../../node-parts";
import type { NodeBodyProps } from "../types";

export function ButtonsNodeBody({ step }: NodeBodyProps<"buttons">) {
  return <NodeText text={step.config.text} />;
}

/** One row per button: "go to" buttons have a handle to connect; link buttons open their URL. */
export function ButtonsNodeOutputs({ step, connected }: NodeBodyProps<"buttons">) {
  if (step.config.buttons.length === 0)
    return <p className="px-3 py-1 text-xs text-zinc-400 italic">No buttons yet</p>;
  return step.config.buttons.map((b) =>
    b.kind === "goto" ? (
      <OutputRow
        key={b.id}
        handle={buttonHandle(b.id)}
        label={b.label || "(no label)"}
        connected={connected.has(buttonHandle(b.id))}
        required
      />
    ) : (
      <div key={b.id} className="flex items-center justify-end gap-1.5 py-1 pr-4 pl-3 text-xs text-zinc-500">
        <LinkIcon size={11} className="shrink-0 text-zinc-400" />
        <span className="min-w-0 truncate" title={b.url}>
          {b.label || "(no label)"}
        </span>
      </div>
    ),
  );
}
