import type { Duration } from "@switchboard/flow";

export const MAX_DURATION_AMOUNT = 100_000;

/** A typed amount as the model takes it (a whole number 1–100,000), or an error to show. */
export function parseAmount(raw: string): { amount: number } | { error: string } {
  const text = raw.trim();
  if (!/^\d+$/.test(text)) return { error: "Enter a whole number." };
  const amount = Number(text);
  if (amount < 1) return { error: "At least 1." };
  if (amount > MAX_DURATION_AMOUNT) return { error: `At most ${MAX_DURATION_AMOUNT.toLocaleString("en")}.` };
  return { amount };
}

/** "1 minute", "15 minutes", "2 days". */
export function describeDuration(d: Duration): string {
  return `${d.amount.toLocaleString("en")} ${d.amount === 1 ? d.unit.replace(/s$/, "") : d.unit}`;
}
