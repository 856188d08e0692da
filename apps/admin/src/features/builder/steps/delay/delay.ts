/** The amount field's value: a whole number of at least 1 (what the user typed, made valid). */
export function parseAmount(raw: string): number {
  const n = Math.floor(Number(raw));
  return Number.isFinite(n) && n >= 1 ? n : 1;
}
