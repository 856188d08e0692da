"use client";

import { useEffect, useRef } from "react";
import { type ShortcutAction, shortcutFor } from "./shortcuts";

/** The focus is somewhere the keys type text. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  const type = (target as HTMLInputElement).type;
  return !["checkbox", "radio", "button", "submit", "reset", "file", "range", "color"].includes(type);
}

/** A modal (confirm, return to bot, shortcut help) owns the keyboard while it is open. */
const dialogOpen = () => !!document.querySelector('[role="dialog"]');

/** The inbox's single-key shortcuts (see `shortcuts.ts`); never while typing or in a dialog. */
export function useInboxShortcuts(onAction: (action: ShortcutAction) => void) {
  const handler = useRef(onAction);
  handler.current = onAction;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const action = shortcutFor({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        typing: isTyping(e.target),
        dialogOpen: dialogOpen(),
      });
      if (!action) return;
      // Enter on a focused button or link is that control's click, not "open".
      if (action.type === "open" && e.key === "Enter" && e.target instanceof HTMLElement) {
        if (e.target.closest("button, a")) return;
      }
      e.preventDefault();
      handler.current(action);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
