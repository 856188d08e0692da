import type { Problem } from "@switchboard/flow";

/* Checks the editors run as the user types, before the compiler sees the draft. */

const VARIABLE_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function variableNameError(name: string, required: boolean): string | undefined {
  if (!name) return required ? "A variable name is required." : undefined;
  if (name.length > 64) return "Use at most 64 characters.";
  if (!VARIABLE_RE.test(name)) return "Start with a letter; use only letters, digits and _ (no spaces).";
  return undefined;
}

/** The message of the first problem about `path` (or something inside it). */
export function problemAt(
  problems: Problem[],
  path: string,
  severity: Problem["severity"] = "error",
): string | undefined {
  return problems.find((p) => p.severity === severity && (p.path === path || p.path?.startsWith(`${path}.`)))
    ?.message;
}

export function urlError(url: string): string | undefined {
  if (!url.trim()) return "Enter the link this button opens.";
  try {
    const u = new URL(url);
    if (!["http:", "https:", "tg:"].includes(u.protocol)) return "Use an http(s):// or tg:// link.";
    return undefined;
  } catch {
    return "Enter a full link, e.g. https://example.com";
  }
}
