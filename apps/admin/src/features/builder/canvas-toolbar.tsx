"use client";

import { Panel } from "@xyflow/react";
import { KeyboardIcon, RedoIcon, SearchIcon, UndoIcon } from "@/components/ui/icons";
import { useBuilder } from "./builder-context";
import { ToolbarGroup, ToolbarIconButton } from "./toolbar-icon-button";

/** Undo, redo, find a step, shortcuts and auto-arrange, over the canvas' top-left corner. */
export function CanvasToolbar() {
  const { history, draft, arrange, arranging, stepSearch, shortcutSheet } = useBuilder();
  return (
    <Panel position="top-left" className="flex gap-1.5">
      <ToolbarGroup>
        <ToolbarIconButton
          label="Undo"
          shortcut="Ctrl+Z"
          onClick={history.undo}
          disabled={!history.canUndo}
          data-testid="undo"
        >
          <UndoIcon size={14} />
        </ToolbarIconButton>
        <ToolbarIconButton
          label="Redo"
          shortcut="Ctrl+Shift+Z"
          onClick={history.redo}
          disabled={!history.canRedo}
          data-testid="redo"
        >
          <RedoIcon size={14} />
        </ToolbarIconButton>
      </ToolbarGroup>
      <ToolbarGroup>
        <ToolbarIconButton
          label="Find a step"
          shortcut="Ctrl+K"
          onClick={() => stepSearch.setOpen(true)}
          data-testid="open-step-search"
        >
          <SearchIcon size={14} />
        </ToolbarIconButton>
        <ToolbarIconButton
          label="Keyboard shortcuts"
          shortcut="?"
          onClick={() => shortcutSheet.setOpen(true)}
          data-testid="open-shortcuts"
        >
          <KeyboardIcon size={14} />
        </ToolbarIconButton>
      </ToolbarGroup>
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
