/*
 * The canned-reply form's checks before saving (the server checks the same and has the last word):
 * a shortcut of letters, digits, `_` or `-` (a leading `:` dropped), a text of 1–4,096 characters.
 */

export const MAX_CANNED_TEXT = 4096;

export function normalizeShortcut(input: string): string {
  return input.trim().replace(/^:+/, "").toLowerCase();
}

export function cannedProblem(shortcut: string, text: string): string | null {
  const s = normalizeShortcut(shortcut);
  if (!s) return "Give it a shortcut, e.g. thanks.";
  if (s.length > 32) return "A shortcut has at most 32 characters.";
  if (!/^[\p{L}\p{N}_-]+$/u.test(s)) return "A shortcut is letters, digits, _ or - (no spaces).";
  if (!text.trim()) return "Write the reply's text.";
  if (text.trim().length > MAX_CANNED_TEXT) return "The text can have at most 4,096 characters.";
  return null;
}
