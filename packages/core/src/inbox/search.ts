import { invalid } from "../errors";

/** A LIKE pattern that matches `text` literally anywhere: `%`, `_` and `\` in it are no wildcards. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, "\\$&")}%`;

/** The longest search text the inbox accepts (a search scans the workspace's rows). */
export const MAX_SEARCH_LENGTH = 100;

/** A search text as typed: trimmed; null when blank. */
export function searchText(raw: string | undefined | null): string | null {
  const text = raw?.trim() ?? "";
  if (!text) return null;
  if (text.length > MAX_SEARCH_LENGTH) throw invalid(`Search for at most ${MAX_SEARCH_LENGTH} characters.`);
  return text;
}

/**
 * The digits of a search that looks like (part of) a phone number ("+49 151", "(0151) 12"), so it
 * finds a stored "+4915112…" whatever spaces or brackets were typed; null otherwise.
 */
export function phoneDigits(text: string): string | null {
  if (!/^\+?[\d\s().-]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, "");
  return digits.length >= 3 ? digits : null;
}
