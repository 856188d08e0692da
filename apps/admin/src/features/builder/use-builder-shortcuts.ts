"use client";

import { useEffect, useRef } from "react";
import { inTextField } from "./clipboard-store";
import { behindDialog, modalDialogOpen } from "./dialog-guard";
import { type ShortcutId, shortcutFor } from "./shortcuts";

export type ShortcutHandlers = Partial<Record<ShortcutId, () => void>>;

/**
 * The builder's keyboard shortcuts, matched against the one list in shortcuts.ts (which the
 * shortcut sheet shows). Outside text fields only, but for the few that say `inFields` (save,
 * search): fields keep their own undo, copy and paste. None while a dialog is open: the canvas is
 * behind it.
 */
export function useBuilderShortcuts(handlers: ShortcutHandlers) {
  // The latest handlers, without re-adding the listener on every render.
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || behindDialog(e.target, modalDialogOpen())) return;
      const shortcut = shortcutFor(e, inTextField(e.target));
      const handler = shortcut && latest.current[shortcut.id];
      if (!shortcut || !handler) return;
      if (!shortcut.keepDefault) e.preventDefault();
      handler();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
