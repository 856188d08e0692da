import type { WebhookExtraField } from "@switchboard/flow";

/* The extra-field rows and the node preview of a Send-webhook step. */

/** A new row: the first unused "field_N" name, so a fresh row never duplicates a key. */
export function addExtraRow(rows: readonly WebhookExtraField[]): WebhookExtraField[] {
  const keys = new Set(rows.map((r) => r.key));
  let n = rows.length + 1;
  while (keys.has(`field_${n}`)) n += 1;
  return [...rows, { key: `field_${n}`, value: "" }];
}

export function updateExtraRow(
  rows: readonly WebhookExtraField[],
  index: number,
  patch: Partial<WebhookExtraField>,
): WebhookExtraField[] {
  return rows.map((row, i) => (i === index ? { ...row, ...patch } : row));
}

export const removeExtraRow = (rows: readonly WebhookExtraField[], index: number): WebhookExtraField[] =>
  rows.filter((_, i) => i !== index);

/** Keys listed more than once (the compiler refuses them too). */
export function duplicateKeys(rows: readonly WebhookExtraField[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const r of rows) (seen.has(r.key) ? dup : seen).add(r.key);
  return dup;
}

/** What the node shows of the URL: its host and path, or the template as written. */
export function urlPreview(url: string): string {
  const trimmed = url.trim();
  if (!trimmed || trimmed === "https://" || trimmed === "http://") return "";
  if (trimmed.includes("{{")) return trimmed;
  try {
    const u = new URL(trimmed);
    return `${u.host}${u.pathname === "/" ? "" : u.pathname}`;
  } catch {
    return trimmed;
  }
}
