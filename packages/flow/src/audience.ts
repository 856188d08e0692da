import { z } from "zod";
import { compareValues, type TextComparison } from "./compare";
import { type ContactFacts, type FieldRef, fieldRefSchema, fieldValue, sameTag } from "./contact-fields";
import { tagSchema } from "./steps/common";

/**
 * A step's audience filter (seed 001's "domain"): who the step is for. A contact that doesn't match
 * skips the step and continues at the step's `fallback` output.
 */
export const FIELD_OPERATORS = [
  "equals",
  "not_equals",
  "contains",
  "is_set",
  "is_not_set",
  "greater_than",
  "less_than",
] as const;
export type FieldOperator = (typeof FIELD_OPERATORS)[number];

/** Operators that compare with a value (the others only look at whether the field is set). */
export const VALUE_OPERATORS: readonly FieldOperator[] = [
  "equals",
  "not_equals",
  "contains",
  "greater_than",
  "less_than",
];
export const NUMERIC_OPERATORS: readonly FieldOperator[] = ["greater_than", "less_than"];

export const audienceRuleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("tag"), op: z.enum(["has", "has_not"]), tag: tagSchema }),
  z.object({
    kind: z.literal("field"),
    field: fieldRefSchema,
    op: z.enum(FIELD_OPERATORS),
    value: z.string().max(500).default(""),
  }),
  z.object({ kind: z.literal("logged_in"), value: z.boolean() }),
]);
export type AudienceRule = z.infer<typeof audienceRuleSchema>;

export const audienceSchema = z.object({
  /** all: every rule must match; any: one is enough. */
  match: z.enum(["all", "any"]).default("all"),
  rules: z.array(audienceRuleSchema).max(20).default([]),
});
export type Audience = z.infer<typeof audienceSchema>;

/** A step whose filter has no rules is for everybody (and has no fallback output). */
export const hasAudience = (audience: Audience | undefined): audience is Audience =>
  !!audience && audience.rules.length > 0;

/** The audience rules' operator names, as the shared comparison calls them. */
const COMPARISON: Record<FieldOperator, TextComparison> = {
  equals: "equals",
  not_equals: "not_equals",
  contains: "contains",
  is_set: "is_set",
  is_not_set: "is_empty",
  greater_than: "greater",
  less_than: "less",
};

const fieldMatches = (value: string, op: FieldOperator, expected: string) =>
  compareValues(value, COMPARISON[op], expected);

export function ruleMatches(rule: AudienceRule, contact: ContactFacts): boolean {
  switch (rule.kind) {
    case "tag": {
      const has = contact.tags.some((t) => sameTag(t, rule.tag));
      return rule.op === "has" ? has : !has;
    }
    case "field":
      return fieldMatches(fieldValue(contact, rule.field as FieldRef), rule.op, rule.value);
    case "logged_in":
      return contact.loggedIn === rule.value;
  }
}

export function audienceMatches(audience: Audience | undefined, contact: ContactFacts): boolean {
  if (!hasAudience(audience)) return true;
  return audience.match === "all"
    ? audience.rules.every((r) => ruleMatches(r, contact))
    : audience.rules.some((r) => ruleMatches(r, contact));
}
