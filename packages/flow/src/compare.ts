/*
 * How the product compares a contact's or a conversation's value with what a marketer typed: used by
 * audience filters and Condition steps, so "equals", "greater" and friends mean the same in both.
 */

/** "42", " 3,5 " -> numbers; anything else (including "") -> null. */
export const asNumber = (s: string): number | null => {
  const n = Number(s.trim().replace(",", "."));
  return s.trim() !== "" && Number.isFinite(n) ? n : null;
};

export type TextComparison =
  | "equals"
  | "not_equals"
  | "contains"
  | "not_contains"
  | "starts_with"
  | "is_set"
  | "is_empty"
  | "greater"
  | "less";

/** Text compares ignoring case and surrounding spaces; greater/less compare numbers when both are. */
export function compareValues(value: string, op: TextComparison, expected: string): boolean {
  const a = value.trim().toLowerCase();
  const b = expected.trim().toLowerCase();
  switch (op) {
    case "equals":
      return a === b;
    case "not_equals":
      return a !== b;
    case "contains":
      return b !== "" && a.includes(b);
    case "not_contains":
      return !(b !== "" && a.includes(b));
    case "starts_with":
      return b !== "" && a.startsWith(b);
    case "is_set":
      return a !== "";
    case "is_empty":
      return a === "";
    case "greater":
    case "less": {
      // Numbers compare as numbers; otherwise as text (ISO dates 2026-01-31 order right that way).
      const x = asNumber(value);
      const y = asNumber(expected);
      if (x !== null && y !== null) return op === "greater" ? x > y : x < y;
      if (a === "" || b === "") return false;
      return op === "greater" ? a > b : a < b;
    }
  }
}
