/*
 * The reply box's canned-reply trigger: `:` and a shortcut's first letters right before the caret
 * (at the start of the text or after a space), replaced by the reply's text when one is picked.
 * Pure, so the rules are unit-tested; the hook and the popup only feed it the box's text and caret.
 */

/** What a canned shortcut may contain (the server's rule): letters of any script, digits, `_`, `-`. */
const SHORTCUT_CHARS = /^[\p{L}\p{N}_-]+$/u;
const MAX_SHORTCUT = 32;

export interface CannedToken {
  /** Index of the `:`. */
  start: number;
  /** Index just after the token (the caret). */
  end: number;
  /** What follows the `:`, lowercased: `canned.list`'s search. */
  query: string;
}

/**
 * The `:shortcut` the caret is at the end of, or null. The `:` must start the text or follow
 * whitespace (so "10:30" and "https://" don't open suggestions), and at least one letter must follow
 * it (a lone ":" is punctuation).
 */
export function findCannedToken(text: string, caret: number): CannedToken | null {
  if (caret < 2 || caret > text.length) return null;
  const before = text.slice(0, caret);
  const colon = before.lastIndexOf(":");
  if (colon < 0) return null;
  const query = before.slice(colon + 1);
  if (!query || query.length > MAX_SHORTCUT || !SHORTCUT_CHARS.test(query)) return null;
  if (colon > 0 && !/\s/.test(before[colon - 1] ?? "")) return null;
  return { start: colon, end: caret, query: query.toLowerCase() };
}

/** The text with the token replaced by the reply's text, and where the caret goes (after it). */
export function applyCanned(
  text: string,
  token: Pick<CannedToken, "start" | "end">,
  replyText: string,
): { text: string; caret: number } {
  const next = text.slice(0, token.start) + replyText + text.slice(token.end);
  return { text: next, caret: token.start + replyText.length };
}

/** The replies that fit the token: `list` may still be the answer to an earlier, shorter query. */
export function matchingCanned<T extends { shortcut: string }>(list: readonly T[], query: string): T[] {
  return list.filter((r) => r.shortcut.toLowerCase().startsWith(query));
}

export type CannedKeyAction = "dismiss" | "up" | "down" | "insert" | "wait" | null;

/**
 * What a key does while the popup is open: Esc closes it, ↑/↓ move, Enter or Tab insert the
 * highlighted reply. While the replies are still loading, Enter and Tab wait (do nothing), so the bare
 * `:token` is never sent to the user by a quick Enter. null: the reply box handles the key as usual.
 */
export function cannedKeyAction(
  key: string,
  shift: boolean,
  popup: { loading: boolean; count: number },
): CannedKeyAction {
  if (key === "Escape") return "dismiss";
  const pick = (key === "Enter" && !shift) || key === "Tab";
  if (popup.count === 0) return pick && popup.loading ? "wait" : null;
  if (key === "ArrowDown") return "down";
  if (key === "ArrowUp") return "up";
  return pick ? "insert" : null;
}

/** The highlighted suggestion after an arrow key, wrapping around; 0 for an empty list. */
export function moveHighlight(index: number, delta: 1 | -1, count: number): number {
  if (count <= 0) return 0;
  return (((index + delta) % count) + count) % count;
}
