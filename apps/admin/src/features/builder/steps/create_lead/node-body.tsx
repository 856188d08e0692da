"use client";

import { clip } from "../../node-parts";
import type { NodeBodyProps } from "../types";
import { ownerLabel, stageLabel } from "./create-lead";

export function CreateLeadNodeBody({ step, environment }: NodeBodyProps<"create_lead">) {
  const { title, stageId, owner } = step.config;
  return (
    <div className="space-y-1">
      <p
        className={
          title.trim() ? "truncate text-xs font-medium text-zinc-700" : "text-xs text-zinc-400 italic"
        }
        title={title}
        data-testid="node-lead-title"
      >
        {title.trim() ? clip(title, 80) : "No title yet"}
      </p>
      <p
        className="flex items-center gap-1 truncate text-[11px] text-fuchsia-700"
        data-testid="node-lead-stage"
      >
        <span className="rounded bg-fuchsia-50 px-1 ring-1 ring-fuchsia-200">
          {stageLabel(environment.stages, stageId)}
        </span>
        <span className="truncate text-zinc-400">· {ownerLabel(environment.members, owner)}</span>
      </p>
    </div>
  );
}
