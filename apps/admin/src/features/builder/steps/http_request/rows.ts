import { SECRET_TOKEN } from "@switchboard/flow";

/* Pure helpers of the HTTP request editor's row lists (headers, query, mappings). */

export const replaceRow = <T>(rows: readonly T[], index: number, row: T): T[] =>
  rows.map((r, i) => (i === index ? row : r));

export const removeRow = <T>(rows: readonly T[], index: number): T[] => rows.filter((_, i) => i !== index);

/** The secret names a header value uses, for the hint under the headers. */
export function secretsUsed(values: readonly string[]): string[] {
  const names = new Set<string>();
  for (const v of values) for (const m of v.matchAll(SECRET_TOKEN)) if (m[1]) names.add(m[1]);
  return [...names].sort();
}

/** Secrets a header names that the workspace doesn't have (null list: not known yet, none reported). */
export function missingSecrets(used: readonly string[], known: readonly string[] | null): string[] {
  if (!known) return [];
  return used.filter((n) => !known.includes(n));
}

/** "GET api.example.com/orders" for the node: the host and path without the scheme. */
export function describeUrl(url: string): string {
  return url.trim().replace(/^https?:\/\//i, "") || "(no URL)";
}
