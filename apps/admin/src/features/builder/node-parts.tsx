"use client";

import { type FormattedText, previewFormatted, sliceFormatted } from "@switchboard/flow";
import { Handle, Position } from "@xyflow/react";
import { type ReactNode, useMemo } from "react";
import { TelegramText } from "@/components/chat/telegram-text";
import { cn } from "@/lib/cn";

/* Pieces of a canvas node shared by the node frame and the step types' node bodies. */

export function clip(text: string, max = 220) {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A preview of the step's message, formatted as Telegram will show it (templates as written). */
export function NodeText({ text }: { text: string }) {
  const shown = useMemo(() => clipFormatted(previewFormatted(text), 220), [text]);
  return shown.text.trim() ? (
    <p
      className="line-clamp-3 text-xs leading-relaxed whitespace-pre-wrap text-zinc-600 break-anywhere"
      data-testid="node-text"
    >
      <TelegramText text={shown.text} entities={shown.entities} />
    </p>
  ) : (
    <p className="text-xs text-zinc-400 italic">No text yet</p>
  );
}

/** The first `max` code units (never half an emoji), with "…" when cut. */
function clipFormatted(f: FormattedText, max: number): FormattedText {
  if (f.text.length <= max) return f;
  const code = f.text.charCodeAt(max - 1);
  const cut = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  const part = sliceFormatted(f, 0, cut);
  return { text: `${part.text}…`, entities: part.entities };
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
