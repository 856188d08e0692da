"use client";

import { stepRegistry } from "@switchboard/flow";
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { cn } from "@/lib/cn";
import { builderStepUI } from "../steps";
import type { DiffNode, NodeStatus } from "./diff-graph";

const STATUS_STYLE: Record<NodeStatus, { ring: string; badge: string; label: string }> = {
  added: {
    ring: "ring-2 ring-emerald-500 bg-emerald-50/60",
    badge: "bg-emerald-100 text-emerald-700",
    label: "Added",
  },
  removed: { ring: "ring-2 ring-red-500 bg-red-50/60", badge: "bg-red-100 text-red-700", label: "Removed" },
  changed: {
    ring: "ring-2 ring-amber-500 bg-amber-50/60",
    badge: "bg-amber-100 text-amber-800",
    label: "Changed",
  },
  same: { ring: "ring-1 ring-zinc-200 bg-white opacity-70", badge: "", label: "" },
};

/** A step's message, if it has one, as the node's one-line preview. */
function preview(config: unknown): string {
  const text = (config as { text?: unknown }).text;
  return typeof text === "string" ? text : "";
}

/** A step on the diff view's read-only canvas: its type, title and message, framed in its diff colour. */
export function DiffStepNode({ data }: NodeProps<DiffNode>) {
  const { step, status, entry } = data;
  const ui = builderStepUI(step.type);
  const Icon = ui.icon;
  const style = STATUS_STYLE[status];
  const focused = data.focused === true;
  return (
    <div
      data-testid={`diff-node-${step.id}`}
      data-status={status}
      className={cn(
        "w-60 rounded-xl px-3 py-2 shadow-sm transition",
        style.ring,
        focused && "outline-4 outline-offset-2 outline-brand-400",
      )}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} className="!opacity-0" />
      <div className="flex items-center gap-2">
        <span className={cn("flex size-6 shrink-0 items-center justify-center rounded-md ring-1", ui.tile)}>
          <Icon size={13} />
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate text-xs font-semibold text-zinc-900">
            {step.title || stepRegistry[step.type].label}
          </span>
          <span className="block text-[10px] text-zinc-500">
            {stepRegistry[step.type].label}
            {entry && " · start"}
          </span>
        </span>
        {style.label && (
          <span className={cn("rounded px-1.5 py-px text-[10px] font-semibold", style.badge)}>
            {style.label}
          </span>
        )}
      </div>
      {preview(step.config) && (
        <p className="mt-1.5 line-clamp-2 text-[11px] leading-snug text-zinc-600">{preview(step.config)}</p>
      )}
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="!opacity-0" />
    </div>
  );
}
