import { z } from "zod";
import { type Problem, problem } from "../../compiler/problems";
import { idSchema } from "../common";
import { branchHandle, defineStep } from "../define-step";

export const splitBranchSchema = z.object({
  id: idSchema,
  label: z.string().trim().max(64).default(""),
  /** Relative weight: 1 and 3 send a quarter and three quarters of the conversations. */
  weight: z.number().int().min(1).max(1000).default(1),
});
export type SplitBranch = z.infer<typeof splitBranchSchema>;

export const randomSplitConfigSchema = z.object({
  branches: z
    .array(splitBranchSchema)
    .max(10)
    .default([])
    .refine((bs) => new Set(bs.map((b) => b.id)).size === bs.length, {
      message: "two branches share an id",
    }),
});
export type RandomSplitConfig = z.infer<typeof randomSplitConfigSchema>;

/** The branch a draw `r` in [0, 1) falls into, by cumulative weight. */
export function pickBranch(branches: readonly SplitBranch[], r: number): SplitBranch | undefined {
  const total = branches.reduce((sum, b) => sum + b.weight, 0);
  let at = r * total;
  for (const b of branches) {
    if (at < b.weight) return b;
    at -= b.weight;
  }
  return branches[branches.length - 1];
}

/** Each branch's share in whole percent (for labels); they add up to 100. */
export function splitPercentages(weights: readonly number[]): number[] {
  const valid = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const total = valid.reduce((a, b) => a + b, 0);
  if (total === 0) return weights.map(() => 0);
  const exact = valid.map((w) => (w * 100) / total);
  const out = exact.map(Math.floor);
  // Largest remainders get the leftover points, so the labels always add up to 100.
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0, left = 100 - out.reduce((a, b) => a + b, 0); left > 0; k++, left--)
    out[order[k % order.length]![1]]! += 1;
  return out;
}

function checkSplit(stepId: string, config: RandomSplitConfig): Problem[] {
  const out: Problem[] = [];
  if (config.branches.length < 2)
    out.push(
      problem("INVALID_SPLIT", "A Random split needs at least two branches.", {
        stepId,
        path: "config.branches",
      }),
    );
  const labels = new Set<string>();
  config.branches.forEach((b, i) => {
    const path = `config.branches.${i}.label`;
    if (!b.label) out.push(problem("INVALID_SPLIT", `Branch ${i + 1} has no label.`, { stepId, path }));
    else if (labels.has(b.label.toLowerCase()))
      out.push(problem("DUPLICATE_BRANCH_NAME", `Two branches are called "${b.label}".`, { stepId, path }));
    labels.add(b.label.toLowerCase());
  });
  return out;
}

/**
 * A/B/n test: each conversation goes down one branch, drawn by weight the first time it reaches the
 * step and the same one every time after (the choice is kept in the conversation's state and
 * reported as `split_chosen`, which the core records for analytics).
 */
export const randomSplitStep = defineStep({
  type: "random_split",
  label: "Random split",
  description: "Sends each conversation down one weighted branch (A/B test); the choice is kept.",
  waits: false,
  configSchema: randomSplitConfigSchema,
  defaults: (): RandomSplitConfig => ({
    branches: [
      { id: "a", label: "A", weight: 1 },
      { id: "b", label: "B", weight: 1 },
    ],
  }),
  outputs: (c) => {
    const percents = splitPercentages(c.branches.map((b) => b.weight));
    return c.branches.map((b, i) => ({
      handle: branchHandle(b.id),
      label: `${b.label || `Branch ${i + 1}`} (${percents[i]}%)`,
      required: false,
    }));
  },
  templates: () => [],
  writesVariables: () => [],
  check: (step) => checkSplit(step.id, step.config),
  handler: {
    enter(step, io) {
      const { branches } = step.config;
      const kept = io.splits[step.id];
      let branch = branches.find((b) => b.id === kept);
      if (!branch) {
        // First visit (or the kept branch was removed in a newer version): draw and remember.
        branch = pickBranch(branches, io.random());
        if (!branch) return { wait: false, next: null };
        io.rememberSplit(branch.id);
      }
      return {
        wait: false,
        next: step.outputs[branchHandle(branch.id)] ?? null,
        output: branchHandle(branch.id),
      };
    },
  },
});
