import { z } from "zod";
import { asNumber } from "../../compare";
import { checkFieldRef } from "../../compiler/check-helpers";
import { type Problem, problem } from "../../compiler/problems";
import {
  BUILTIN_CONTACT_FIELDS,
  type BuiltinContactField,
  customFieldKeySchema,
  normalizePhone,
} from "../../contact-fields";
import { tagListSchema, variableNameSchema } from "../common";
import { defineStep, NEXT_HANDLE, nextOutput } from "../define-step";

/**
 * One operation of a Set values step:
 * - `set`: `target` (`vars.KEY`, `fields.KEY` or `contact.FIELD`) gets the rendered `value`;
 * - `add` / `subtract`: the variable `variable` (a counter) changes by the rendered `amount`;
 * - `add_tags` / `remove_tags`: the contact's tags.
 */
export const setValuesOperationSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("set"),
    target: z.string().max(80),
    value: z.string().max(2000).default(""),
  }),
  z.object({
    kind: z.enum(["add", "subtract"]),
    variable: z.string().max(64),
    amount: z.string().max(200).default("1"),
  }),
  z.object({ kind: z.enum(["add_tags", "remove_tags"]), tags: tagListSchema.default([]) }),
]);
export type SetValuesOperation = z.infer<typeof setValuesOperationSchema>;
export const SET_VALUES_KINDS = ["set", "add", "subtract", "add_tags", "remove_tags"] as const;

export const setValuesConfigSchema = z.object({
  operations: z.array(setValuesOperationSchema).max(50).default([]),
});
export type SetValuesConfig = z.infer<typeof setValuesConfigSchema>;

export type SetTarget =
  | { kind: "vars"; key: string }
  | { kind: "fields"; key: string }
  | { kind: "contact"; key: BuiltinContactField };

/** What a `set` target names, or null when it is not a variable or contact field. */
export function parseSetTarget(target: string): SetTarget | null {
  const m = /^(vars|fields|contact)\.(.+)$/.exec(target);
  if (!m) return null;
  const key = m[2]!;
  if (m[1] === "vars") return variableNameSchema.safeParse(key).success ? { kind: "vars", key } : null;
  if (m[1] === "fields") return customFieldKeySchema.safeParse(key).success ? { kind: "fields", key } : null;
  return (BUILTIN_CONTACT_FIELDS as readonly string[]).includes(key)
    ? { kind: "contact", key: key as BuiltinContactField }
    : null;
}

/** A counter's new value as plain text: no exponent, no float noise (0.1 + 0.2 -> "0.3"). */
export function formatNumber(n: number): string {
  const rounded = Math.round(n * 1e9) / 1e9;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

/** `current ± amount`, where a current value that is not a number counts as 0. */
export function applyArithmetic(current: string | undefined, kind: "add" | "subtract", amount: number) {
  const base = asNumber(current ?? "") ?? 0;
  return formatNumber(kind === "add" ? base + amount : base - amount);
}

function checkOperations(stepId: string, config: SetValuesConfig, env: Parameters<typeof checkFieldRef>[0]) {
  const out: Problem[] = [];
  const at = (message: string, path: string): void => {
    out.push(problem("INVALID_SET_VALUE", message, { stepId, path }));
  };
  if (config.operations.length === 0)
    out.push(
      problem("NO_OPERATIONS", "This Set values step has nothing to do; add an operation.", {
        stepId,
        path: "config.operations",
      }),
    );
  config.operations.forEach((op, i) => {
    const path = `config.operations.${i}`;
    const n = `Operation ${i + 1}`;
    switch (op.kind) {
      case "set": {
        const target = parseSetTarget(op.target);
        if (!target) {
          at(
            `${n}: "${op.target}" is not something to set; use vars.NAME, fields.KEY or a contact field.`,
            `${path}.target`,
          );
          return;
        }
        if (target.kind === "fields")
          out.push(...checkFieldRef(env, { kind: "custom", key: target.key }, stepId, `${path}.target`));
        if (
          target.kind === "contact" &&
          target.key === "phone" &&
          !op.value.includes("{{") &&
          normalizePhone(op.value) === null
        )
          at(`${n}: "${op.value}" is not a phone number.`, `${path}.value`);
        return;
      }
      case "add":
      case "subtract":
        if (!variableNameSchema.safeParse(op.variable).success)
          at(`${n}: "${op.variable}" is not a variable name (letters, digits and '_').`, `${path}.variable`);
        if (!op.amount.includes("{{") && asNumber(op.amount) === null)
          at(`${n}: "${op.amount}" is not a number to ${op.kind}.`, `${path}.amount`);
        return;
      case "add_tags":
      case "remove_tags":
        if (op.tags.length === 0) at(`${n}: pick at least one tag.`, `${path}.tags`);
        return;
    }
  });
  return out;
}

/** Sets variables and contact fields, counts, and tags the contact; goes straight on. */
export const setValuesStep = defineStep({
  type: "set_values",
  label: "Set values",
  description: "Sets variables and contact fields, adds to counters, adds and removes tags.",
  waits: false,
  configSchema: setValuesConfigSchema,
  defaults: (): SetValuesConfig => ({ operations: [{ kind: "set", target: "vars.value", value: "" }] }),
  outputs: () => nextOutput(),
  templates: (c) =>
    c.operations.flatMap((op) =>
      op.kind === "set" ? [op.value] : op.kind === "add" || op.kind === "subtract" ? [op.amount] : [],
    ),
  writesVariables: (c) =>
    c.operations.flatMap((op) => {
      if (op.kind === "add" || op.kind === "subtract") return [op.variable];
      const target = op.kind === "set" ? parseSetTarget(op.target) : null;
      return target?.kind === "vars" ? [target.key] : [];
    }),
  check: (step, env) => checkOperations(step.id, step.config, env),
  handler: {
    enter(step, io) {
      // Each value sees the variables set by the operations before it; the contact's changes are
      // applied together (one update_contact) when the step ends.
      const set: Partial<Record<BuiltinContactField, string>> = {};
      const fields: Record<string, string> = {};
      const addTags: string[] = [];
      const removeTags: string[] = [];
      for (const op of step.config.operations) {
        switch (op.kind) {
          case "set": {
            const target = parseSetTarget(op.target);
            if (!target) break;
            const value = io.render(op.value);
            if (target.kind === "vars") io.setVar(target.key, value);
            else if (target.kind === "fields") fields[target.key] = value;
            else if (target.key === "phone") {
              // A phone is kept in one spelling (merging by phone relies on it); nonsense is not saved.
              const phone = normalizePhone(value);
              if (phone) set.phone = phone;
            } else set[target.key] = value.trim();
            break;
          }
          case "add":
          case "subtract": {
            const amount = asNumber(io.render(op.amount));
            if (amount === null) break; // a templated amount that is not a number changes nothing
            const current = io.render(`{{vars.${op.variable}}}`);
            io.setVar(op.variable, applyArithmetic(current, op.kind, amount));
            break;
          }
          case "add_tags":
            for (const t of op.tags) {
              addTags.push(t);
              const at = removeTags.findIndex((r) => r.toLowerCase() === t.toLowerCase());
              if (at >= 0) removeTags.splice(at, 1);
            }
            break;
          case "remove_tags":
            for (const t of op.tags) {
              removeTags.push(t);
              const at = addTags.findIndex((a) => a.toLowerCase() === t.toLowerCase());
              if (at >= 0) addTags.splice(at, 1);
            }
            break;
        }
      }
      if (Object.keys(set).length || Object.keys(fields).length || addTags.length || removeTags.length)
        io.act({ type: "update_contact", stepId: step.id, set, fields, addTags, removeTags });
      return { wait: false, next: step.outputs[NEXT_HANDLE] ?? null, output: NEXT_HANDLE };
    },
  },
});
