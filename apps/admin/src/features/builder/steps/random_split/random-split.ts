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
