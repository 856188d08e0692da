import { type SplitBranch, splitPercentages } from "@switchboard/flow";

/* The Random split editor's logic: new branches, weights and the live percentages. */

export const MAX_SPLIT_BRANCHES = 10;
export const MAX_WEIGHT = 1000;

/** A new branch labelled with the first free letter (A, B, C…), weight 1. */
export function newSplitBranch(branches: readonly SplitBranch[], id: string): SplitBranch {
  const taken = new Set(branches.map((b) => b.label.toUpperCase()));
  const letter =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("").find((l) => !taken.has(l)) ?? `${branches.length + 1}`;
  return { id, label: letter, weight: 1 };
}

/** A typed weight: a whole number from 1 to 1000. */
export function parseWeight(raw: string): { weight: number } | { error: string } {
  const trimmed = raw.trim();
  if (!/^\d+$/.test(trimmed)) return { error: "A whole number, 1 or more." };
  const weight = Number(trimmed);
  if (weight < 1) return { error: "A whole number, 1 or more." };
  if (weight > MAX_WEIGHT) return { error: `At most ${MAX_WEIGHT}.` };
  return { weight };
}

/** Each branch's share in whole percent, adding up to 100. */
export const branchShares = (branches: readonly SplitBranch[]) =>
  splitPercentages(branches.map((b) => b.weight));

/** Every branch gets weight 1. */
export const evenly = (branches: readonly SplitBranch[]) => branches.map((b) => ({ ...b, weight: 1 }));

/**
 * What the node says about the split so far: each branch's conversations and share of them, in the
 * branches' order ("A 12 (40%) · B 18 (60%)"); null before anyone went through.
 */
export function splitTallyLine(
  branches: readonly SplitBranch[],
  counts: Readonly<Record<string, number>>,
): string | null {
  const total = branches.reduce((sum, b) => sum + (counts[b.id] ?? 0), 0);
  if (total === 0) return null;
  return branches
    .map((b) => {
      const n = counts[b.id] ?? 0;
      return `${b.label} ${n} (${Math.round((n / total) * 100)}%)`;
    })
    .join(" · ");
}
