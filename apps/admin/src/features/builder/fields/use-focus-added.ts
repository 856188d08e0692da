"use client";

import { useCallback, useRef } from "react";

export interface FocusAdded {
  /** Call with the id of the item the user is adding, before adding it. */
  markAdded: (id: string) => void;
  /** A ref for an item's main input: focuses it (text selected, so typing replaces the placeholder
   * label) when it is the item just added. */
  focusIfAdded: (id: string) => (el: HTMLInputElement | HTMLTextAreaElement | null) => void;
}

/**
 * Lists edited in the side panel (buttons, branches, rows): the item the user just added gets the
 * focus, so what they type lands in it (and a space doesn't press "Add" again). Items that appear
 * otherwise (an undo) don't take the focus.
 */
export function useFocusAdded(): FocusAdded {
  const pending = useRef<string | null>(null);
  const markAdded = useCallback((id: string) => {
    pending.current = id;
  }, []);
  const focusIfAdded = useCallback(
    (id: string) => (el: HTMLInputElement | HTMLTextAreaElement | null) => {
      if (!el || pending.current !== id) return;
      pending.current = null;
      el.focus();
      el.select();
    },
    [],
  );
  return { markAdded, focusIfAdded };
}

/** Enter (not while composing text with an IME) in an item's input: add the next item. */
export function isAddNextKey(e: { key: string; nativeEvent: { isComposing?: boolean }; shiftKey: boolean }) {
  return e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing;
}

/**
 * For lists that only grow at the end and whose rows have no ids: after an add, focus the first
 * field of the list's last item.
 */
export function useFocusLastItem<T extends HTMLElement>() {
  const listRef = useRef<T>(null);
  const focusLastItem = useCallback(() => {
    // After React has rendered the new item.
    requestAnimationFrame(() => {
      const field = listRef.current?.lastElementChild?.querySelector<HTMLElement>(
        "input:not([type=hidden]), textarea, select",
      );
      field?.focus();
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.select();
    });
  }, []);
  return { listRef, focusLastItem };
}
