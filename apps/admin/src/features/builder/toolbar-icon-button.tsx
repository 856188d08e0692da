"use client";

import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * An icon button of the canvas toolbar. The label is what screen readers say; the tooltip adds the
 * shortcut ("Undo (Ctrl+Z)") since the icon alone doesn't tell it. Buttons sit side by side in a
 * ToolbarGroup, which draws the frame; every one but the first draws the divider on its left.
 */
export function ToolbarIconButton({
  label,
  shortcut,
  onClick,
  disabled,
  pressed,
  children,
  "data-testid": testId,
}: {
  label: string;
  /** Shown in the tooltip after the label, as the shortcut sheet writes it. */
  shortcut?: string;
  onClick: () => void;
  disabled?: boolean;
  /** For toggles: on (highlighted, aria-pressed) or off; leave it out for plain actions. */
  pressed?: boolean;
  /** The icon, 14 px. */
  children: ReactNode;
  "data-testid"?: string;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-pressed={pressed}
      className={cn(
        "border-zinc-200 px-2 py-1.5 not-first:border-l hover:bg-zinc-50 hover:text-zinc-900 disabled:text-zinc-300 disabled:hover:bg-white",
        pressed ? "bg-zinc-100 text-zinc-900" : "text-zinc-600",
      )}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-label={label}
      data-testid={testId}
    >
      {children}
    </button>
  );
}

/** Toolbar buttons that belong together (undo and redo), in one white frame. */
export function ToolbarGroup({ children }: { children: ReactNode }) {
  return (
    <div className="flex overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-zinc-200">{children}</div>
  );
}
