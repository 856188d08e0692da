"use client";

import { Panel } from "@xyflow/react";
import { KeyboardIcon, RedoIcon, SearchIcon, UndoIcon } from "@/components/ui/icons";
import { useBuilder } from "./builder-context";

/** Undo, redo, find a step, shortcuts and auto-arrange, over the canvas' top-left corner. */
export function CanvasToolbar() {
  const { history, draft, arrange, arranging, stepSearch, shortcutSheet } = useBuilder();
  return (
    <Panel position="top-left" className="flex gap-1.5">
      <div className="flex overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-zinc-200">
        <button
          type="button"
          onClick={history.undo}
          disabled={!history.canUndo}
          className="px-2 py-1.5 text-zinc-600 hover:bg-zinc-50 hover:text-zinc-900 disabled:text-zinc-300 disabled:hover:bg-white"
          title="Undo (Ctrl+Z)"
          aria-label="Undo"
          data-testid="undo"
        >
          <UndoIcon size={14} />
        </button>
        <button
          type="button"
          onClick={history.redo}
          disabled={!history.canRedo}
          className="border-l border-zinc-200 px-2 py-1.5 text-zinc-600 hover:bg-zinc-50 hover:text-zinc-900 disabled:text-zinc-300 disabled:hover:bg-white"
          title="Redo (Ctrl+Shift+Z)"
          aria-label="Redo"
          data-testid="redo"
        >
          <RedoIcon size={14} />
        </button>
      </div>
      <div className="flex overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-zinc-200">
        <button
          type="button"
          onClick={() => stepSearch.setOpen(true)}
          className="px-2 py-1.5 text-zinc-600 hover:bg-zinc-50 hover:text-zinc-900"
          title="Find a step (Ctrl+K)"
          aria-label="Find a step"
          data-testid="open-step-search"
        >
          <SearchIcon size={14} />
        </button>
        <button
          type="button"
          onClick={() => shortcutSheet.setOpen(true)}
          className="border-l border-zinc-200 px-2 py-1.5 text-zinc-600 hover:bg-zinc-50 hover:text-zinc-900"
          title="Keyboard shortcuts (?)"
          aria-label="Keyboard shortcuts"
          data-testid="open-shortcuts"
        >
          <KeyboardIcon size={14} />
        </button>
      </div>
      {draft.steps.length > 1 && (
        <button
          type="button"
          onClick={() => void arrange()}
          disabled={arranging}
          aria-busy={arranging}
          className="rounded-lg bg-white px-2.5 py-1.5 text-xs font-medium text-zinc-600 shadow-sm ring-1 ring-zinc-200 hover:bg-zinc-50 hover:text-zinc-900 disabled:text-zinc-400"
          data-testid="auto-arrange"
          title="Lay the steps out from left to right"
        >
          {arranging ? "Arranging…" : "Auto-arrange"}
        </button>
      )}
    </Panel>
  );
}
