"use client";

import { useRef } from "react";
import { type Edit, spliceAtCaret } from "./caret-insert";

/**
 * Edits a controlled input or textarea at its caret (a picked variable, an emoji, a format tag) and
 * gives it the focus back with the edit's selection: the picker or toolbar button that was clicked
 * took the focus, and the user wants to keep typing where they were.
 */
export function useCaretInsert<E extends HTMLInputElement | HTMLTextAreaElement>({
  value,
  onChange,
  maxLength = Number.POSITIVE_INFINITY,
}: {
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
}) {
  const ref = useRef<E>(null);

  /** The element's selection; before it mounts, the end of the value. */
  const selection = (): [start: number, end: number] => {
    const el = ref.current;
    return [el?.selectionStart ?? value.length, el?.selectionEnd ?? value.length];
  };

  /** Applies an edit computed from `value` and `selection()`; one that would not fit does nothing. */
  function apply(edit: Edit | null) {
    if (!edit || edit.value.length > maxLength) return;
    onChange(edit.value);
    const el = ref.current;
    // After the re-render: the new value replaces the element's text, which would move the caret to its end.
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(edit.start, edit.end);
    });
  }

  /** Puts `text` in place of the selection. */
  const insert = (text: string) => apply(spliceAtCaret(value, ...selection(), text, maxLength));

  return { ref, selection, apply, insert };
}
