"use client";

/*
 * The fallback for the system clipboard: the last copied steps, kept in memory and in the tab's
 * session storage (so pasting into another flow after a reload still works), for when the browser
 * doesn't hand the page the clipboard.
 */

const KEY = "switchboard.copied-steps";
let memory: string | null = null;

export function rememberCopied(text: string) {
  memory = text;
  try {
    sessionStorage.setItem(KEY, text);
  } catch {
    // storage full or disabled: memory still has it
  }
}

export function recallCopied(): string | null {
  if (memory !== null) return memory;
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Whether a key press or clipboard event happened in a text field (which keeps its own keys). */
export function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el?.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el?.tagName ?? ""));
}

/** Whether the person has selected some text on the page (Ctrl+C then copies that, not steps). */
export function hasTextSelection(): boolean {
  const selection = typeof window === "undefined" ? null : window.getSelection();
  return Boolean(selection && !selection.isCollapsed && selection.toString().trim());
}
