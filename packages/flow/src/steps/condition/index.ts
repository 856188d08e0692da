import { z } from "zod";
import { checkFieldRef } from "../../compiler/check-helpers";
import { type Problem, problem } from "../../compiler/problems";
import { idSchema } from "../common";
import { branchHandle, defineStep } from "../define-step";
import {
  asNumber,
  conditionRuleSchema,
  NUMERIC_CONDITION_OPERATORS,
  OPERATOR_LABELS,
  operatorsFor,
  parseSubject,
  patternError,
  ruleHolds,
  UNARY_OPERATORS,
} from "./rules";

export * from "./rules";

export const ELSE_HANDLE = "else";

export const conditionBranchSchema = z.object({
  id: idSchema,
  /** Shown on the canvas next to the branch's output. */
  name: z.string().trim().max(64).default(""),
  /** all: every rule must hold; any: one is enough. */
  combine: z.enum(["all", "any"]).default("all"),
  rules: z.array(conditionRuleSchema).max(20).default([]),
});
export type ConditionBranch = z.infer<typeof conditionBranchSchema>;

export const conditionConfigSchema = z.object({
  /** Evaluated in order; the first branch whose rules hold is taken, `else` when none does. */
  branches: z
    .array(conditionBranchSchema)
    .max(20)
    .default([])
    .refine((bs) => new Set(bs.map((b) => b.id)).size === bs.length, {
      message: "two branches share an id",
    }),
});
export type ConditionConfig = z.infer<typeof conditionConfigSchema>;

function checkBranches(stepId: string, config: ConditionConfig, env: Parameters<typeof checkFieldRef>[0]) {
  const out: Problem[] = [];
  const at = (code: Parameters<typeof problem>[0], message: string, path: string): void => {
    out.push(problem(code, message, { stepId, path }));
  };
  if (config.branches.length === 0)
    at(
      "NO_BRANCHES",
      "This Condition has no branches yet; add one with at least one rule.",
      "config.branches",
    );
  const names = new Set<string>();
  config.branches.forEach((branch, b) => {
    const path = `config.branches.${b}`;
    const label = branch.name ? `Branch "${branch.name}"` : `Branch ${b + 1}`;
    if (!branch.name) at("EMPTY_BRANCH", `Branch ${b + 1} has no name.`, `${path}.name`);
    else if (names.has(branch.name.toLowerCase()))
      at("DUPLICATE_BRANCH_NAME", `Two branches are called "${branch.name}".`, `${path}.name`);
    names.add(branch.name.toLowerCase());
    if (branch.rules.length === 0) at("EMPTY_BRANCH", `${label} has no rules.`, `${path}.rules`);
    branch.rules.forEach((rule, r) => {
      const rulePath = `${path}.rules.${r}`;
      const subject = parseSubject(rule.subject);
      const where = `${label}, rule ${r + 1}`;
      if (!operatorsFor(subject).includes(rule.op)) {
        at(
          "INVALID_CONDITION_RULE",
          `${where}: "${rule.subject}" can't be compared with "${OPERATOR_LABELS[rule.op]}".`,
          `${rulePath}.op`,
        );
        return;
      }
      if (subject?.kind === "fields")
        out.push(...checkFieldRef(env, { kind: "custom", key: subject.key }, stepId, `${rulePath}.subject`));
      if (UNARY_OPERATORS.includes(rule.op)) return;
      if (rule.value.trim() === "") {
        at(
          "INVALID_CONDITION_RULE",
          `${where} needs a value to compare with (use "is empty" to test for nothing).`,
          `${rulePath}.value`,
        );
        return;
      }
      if (rule.op === "matches") {
        const error = patternError(rule.value);
        if (error) at("INVALID_PATTERN", `${where}: ${error}`, `${rulePath}.value`);
      }
      if (
        NUMERIC_CONDITION_OPERATORS.includes(rule.op) &&
        !rule.value.includes("{{") &&
        asNumber(rule.value) === null
      )
        at(
          "NOT_A_NUMBER",
          `${where}: "${rule.value}" is not a number, so the values are compared as text (alphabetically).`,
          `${rulePath}.value`,
        );
    });
  });
  return out;
}

/** Branches on variables, contact fields, tags, tracker values and the login state. */
export const conditionStep = defineStep({
  type: "condition",
  label: "Condition",
  description: "Goes down the first branch whose rules hold, or Else when none does.",
  waits: false,
  configSchema: conditionConfigSchema,
  defaults: (): ConditionConfig => ({
    branches: [
      {
        id: "b1",
        name: "Branch 1",
        combine: "all",
        rules: [{ subject: "vars.answer", op: "equals", value: "" }],
      },
    ],
  }),
  outputs: (c) => [
    ...c.branches.map((b, i) => ({
      handle: branchHandle(b.id),
      label: b.name || `Branch ${i + 1}`,
      required: false,
    })),
    { handle: ELSE_HANDLE, label: "Else", required: false },
  ],
  // The subjects are listed as templates too, so unknown variables are flagged like everywhere else.
  templates: (c) =>
    c.branches.flatMap((b) =>
      b.rules.flatMap((r) => {
        const subject = parseSubject(r.subject);
        const read = subject?.kind === "vars" ? [`{{${r.subject}}}`] : [];
        return r.op === "matches" || UNARY_OPERATORS.includes(r.op) ? read : [...read, r.value];
      }),
    ),
  writesVariables: () => [],
  check: (step, env) => checkBranches(step.id, step.config, env),
  handler: {
    enter(step, io) {
      for (const branch of step.config.branches) {
        if (branch.rules.length === 0) continue;
        const holds =
          branch.combine === "all"
            ? branch.rules.every((r) => ruleHolds(r, io))
            : branch.rules.some((r) => ruleHolds(r, io));
        if (holds)
          return {
            wait: false,
            next: step.outputs[branchHandle(branch.id)] ?? null,
            output: branchHandle(branch.id),
          };
      }
      return { wait: false, next: step.outputs[ELSE_HANDLE] ?? null, output: ELSE_HANDLE };
    },
  },
});
