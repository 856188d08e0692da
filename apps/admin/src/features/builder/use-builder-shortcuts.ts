"use client";

import { useEffect } from "react";

/**
 * Ctrl/Cmd+S saves now; Ctrl/Cmd+Z undoes and Shift+Ctrl/Cmd+Z (or Ctrl+Y) redoes, outside text
 * fields (they keep their own undo).
 */
export function useBuilderShortcuts({
  save,
  undo,
  redo,
}: {
  save: () => Promise<void>;
  undo: () => void;
  redo: () => void;
}) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.metaKey || e.ctrlKey)) return;
      const key = e.key.toLowerCase();
      if (key === "s") {
        e.preventDefault();
        save().catch(() => undefined);
        return;
      }
      const target = e.target as HTMLElement | null;
      const editing =
        target?.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target?.tagName ?? "");
      if (editing) return; // the field's own undo
      if (key === "z" && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if ((key === "z" && e.shiftKey) || key === "y") {
        e.preventDefault();
        redo();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save, undo, redo]);
}
