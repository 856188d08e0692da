import { FORMAT_TAGS, type FormatType, plainTextOf } from "@switchboard/flow";
import type { Edit } from "./caret-insert";

/*
 * What the message editor's toolbar does to the stored markup (packages/flow/src/format.ts): wrap
 * the selection in a tag, or unwrap it when it is already wrapped. Pure: returns the new value and
 * the selection to restore (inserting text at the caret is caret-insert.ts).
 */

export type ToolbarFormat = Exclude<FormatType, "text_link">;

/** The opening and closing tag of a format (a link needs its address). */
export function tagsOf(format: FormatType, url = ""): [string, string] {
  if (format === "text_link")
    return [`<a href="${url.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}">`, "</a>"];
  const tag = FORMAT_TAGS[format];
  return [`<${tag}>`, `</${tag}>`];
}

/**
 * Applies a format to `[start, end)`: when the selection is already wrapped in that format's tags
 * (just outside it, or as its own first and last characters) the tags go; otherwise they are added
 * around it. An empty selection gets an empty pair with the caret inside, ready to type.
 */
export function toggleFormat(
  value: string,
  start: number,
  end: number,
  format: FormatType,
  url?: string,
): Edit {
  const from = Math.max(0, Math.min(start, end, value.length));
  const to = Math.min(value.length, Math.max(start, end));
  const [open, close] = tagsOf(format, url);
  const closeOnly = format === "text_link" ? "</a>" : close;
  const openRe = format === "text_link" ? /<a href="[^"<>]*">$/ : null;

  // Tags just outside the selection: <b>[sel]</b>
  const before = value.slice(0, from);
  const outsideOpen = openRe ? (openRe.exec(before)?.[0] ?? null) : before.endsWith(open) ? open : null;
  if (outsideOpen && value.startsWith(closeOnly, to) && from !== to) {
    const value2 =
      value.slice(0, from - outsideOpen.length) + value.slice(from, to) + value.slice(to + closeOnly.length);
    return { value: value2, start: from - outsideOpen.length, end: to - outsideOpen.length };
  }
  // Tags as the selection's own ends: [<b>sel</b>]
  const selected = value.slice(from, to);
  const insideOpen = openRe
    ? (/^<a href="[^"<>]*">/.exec(selected)?.[0] ?? null)
    : selected.startsWith(open)
      ? open
      : null;
  if (insideOpen && selected.endsWith(closeOnly) && selected.length >= insideOpen.length + closeOnly.length) {
    const inner = selected.slice(insideOpen.length, selected.length - closeOnly.length);
    return { value: value.slice(0, from) + inner + value.slice(to), start: from, end: from + inner.length };
  }
  const next = value.slice(0, from) + open + selected + close + value.slice(to);
  return { value: next, start: from + open.length, end: from + open.length + selected.length };
}

/**
 * The length Telegram will count for this text before variables are filled in: UTF-16 code units
 * (an emoji like 😀 is 2) of the text without its tags; templates count as written.
 */
export const telegramLength = (markup: string) => plainTextOf(markup).length;

/** Keyboard shortcuts of the message editor, as in most editors. */
export const FORMAT_SHORTCUTS: Record<string, ToolbarFormat> = { b: "bold", i: "italic", u: "underline" };
