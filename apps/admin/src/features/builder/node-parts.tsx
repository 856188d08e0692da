"use client";

import { Handle, Position } from "@xyflow/react";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/* Pieces of a canvas node shared by the node frame and the step types' node bodies. */

export function clip(text: string, max = 220) {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A preview of the step's message. */
export function NodeText({ text }: { text: string }) {
  return text.trim() ? (
    <p className="line-clamp-3 text-xs leading-relaxed whitespace-pre-wrap text-zinc-600 break-anywhere">
      {clip(text)}
    </p>
  ) : (
    <p className="text-xs text-zinc-400 italic">No text yet</p>
  );
}

/** One output of a step, with the handle to drag a connection from. */
export function OutputRow({
  handle,
  label,
  connected,
  required,
  icon,
}: {
  handle: string;
  label: string;
  connected: boolean;
  required: boolean;
  icon?: ReactNode;
}) {
  return (
    <div className="relative flex items-center justify-end gap-1.5 py-1 pr-4 pl-3 text-xs">
      {icon}
      <span
        className={cn(
          "min-w-0 truncate",
          !connected && required ? "text-red-600" : "text-zinc-600",
          label === "(no label)" && "italic text-zinc-400",
        )}
        title={label}
      >
        {label}
      </span>
      <Handle
        type="source"
        position={Position.Right}
        id={handle}
        data-testid={`handle-${handle}`}
        className={cn("sb-handle", connected && "sb-connected")}
        title={connected ? `${label}: connected` : `Drag from here to connect "${label}"`}
      />
    </div>
  );
}
