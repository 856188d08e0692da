/*
 * Inserting into a text field at the caret, as the variable picker, the emoji picker and the format
 * toolbar do. Pure: the hook that reads the selection and puts the caret back is use-caret-insert.ts.
 */

/** A field's value after an edit and the selection to restore. */
export interface Edit {
  value: string;
  /** The selection after the edit. */
  start: number;
  end: number;
}

/**
 * Puts `text` in place of the selection `[start, end)` (the caret when they are equal); the caret
 * goes after it. An unknown selection (no element yet) appends; positions are clamped to the value
 * and may come in either order. Returns null when the result would be longer than `maxLength`:
 * inserting part of it would cut a `{{token}}` or an emoji in half.
 */
export function spliceAtCaret(
  value: string,
  start: number | null | undefined,
  end: number | null | undefined,
  text: string,
  maxLength = Number.POSITIVE_INFINITY,
): Edit | null {
  const a = clamp(start ?? value.length, value.length);
  const b = clamp(end ?? a, value.length);
  const from = Math.min(a, b);
  const to = Math.max(a, b);
  const next = value.slice(0, from) + text + value.slice(to);
  if (next.length > maxLength) return null;
  const caret = from + text.length;
  return { value: next, start: caret, end: caret };
}

const clamp = (n: number, max: number) => Math.min(Math.max(0, n), max);
