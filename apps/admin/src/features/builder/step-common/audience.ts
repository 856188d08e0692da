import {
  type Audience,
  type AudienceRule,
  type CustomFieldDefinition,
  FIELD_OPERATORS,
  type FieldOperator,
  type FieldRef,
  VALUE_OPERATORS,
} from "@switchboard/flow";
import { customDefinition, fieldRefLabel } from "../fields/field-ref";

/* Editing a step's audience filter: who the step is for; others continue at its `fallback` output. */

/** What a rule row's first select offers; tag and logged-in rules fold their operator into it. */
export type RuleChoice = "tag_has" | "tag_has_not" | "field" | "logged_in" | "not_logged_in";

export const RULE_CHOICES: readonly { value: RuleChoice; label: string }[] = [
  { value: "tag_has", label: "Has tag" },
  { value: "tag_has_not", label: "Doesn't have tag" },
  { value: "field", label: "Contact field" },
  { value: "logged_in", label: "Is logged in" },
  { value: "not_logged_in", label: "Is not logged in" },
];

export function ruleChoiceOf(rule: AudienceRule): RuleChoice {
  switch (rule.kind) {
    case "tag":
      return rule.op === "has" ? "tag_has" : "tag_has_not";
    case "field":
      return "field";
    case "logged_in":
      return rule.value ? "logged_in" : "not_logged_in";
  }
}

/** The rule after choosing `choice`; a tag typed before survives switching between has / has not. */
export function ruleForChoice(choice: RuleChoice, previous?: AudienceRule): AudienceRule {
  switch (choice) {
    case "tag_has":
    case "tag_has_not":
      return {
        kind: "tag",
        op: choice === "tag_has" ? "has" : "has_not",
        tag: previous?.kind === "tag" ? previous.tag : "",
      };
    case "field":
      return previous?.kind === "field"
        ? previous
        : { kind: "field", field: { kind: "contact", key: "city" }, op: "equals", value: "" };
    case "logged_in":
    case "not_logged_in":
      return { kind: "logged_in", value: choice === "logged_in" };
  }
}

export const OPERATOR_LABELS: Record<FieldOperator, string> = {
  equals: "is",
  not_equals: "is not",
  contains: "contains",
  is_set: "is filled in",
  is_not_set: "is empty",
  greater_than: "is greater than",
  less_than: "is less than",
};

const DATE_LABELS: Partial<Record<FieldOperator, string>> = {
  greater_than: "is after",
  less_than: "is before",
};

export const operatorLabel = (op: FieldOperator, definition?: CustomFieldDefinition) =>
  (definition?.type === "date" ? DATE_LABELS[op] : undefined) ?? OPERATOR_LABELS[op];

/** The operators that make sense for a field: comparisons for numbers and dates, no "contains" for choices. */
export function operatorsFor(definition: CustomFieldDefinition | undefined): FieldOperator[] {
  switch (definition?.type) {
    case "number":
    case "date":
      return [...FIELD_OPERATORS];
    case "choice":
      return ["equals", "not_equals", "is_set", "is_not_set"];
    default:
      return ["equals", "not_equals", "contains", "is_set", "is_not_set"];
  }
}

export const needsValue = (op: FieldOperator) => VALUE_OPERATORS.includes(op);

/** A field rule after picking another field: an operator the new field doesn't offer becomes "is". */
export function withRuleField(
  rule: Extract<AudienceRule, { kind: "field" }>,
  field: FieldRef,
  customFields: readonly CustomFieldDefinition[] | null,
): AudienceRule {
  const ops = operatorsFor(customDefinition(customFields, field));
  return { ...rule, field, op: ops.includes(rule.op) ? rule.op : "equals" };
}

/**
 * The audience with rule `index` replaced (`null` removes it; an index past the end adds). No rules
 * left means no filter at all (`undefined`), so the step loses its fallback output.
 */
export function withRule(
  audience: Audience | undefined,
  index: number,
  rule: AudienceRule | null,
): Audience | undefined {
  const current = audience ?? { match: "all", rules: [] };
  const rules = [...current.rules];
  if (rule === null) rules.splice(index, 1);
  else if (index >= rules.length) rules.push(rule);
  else rules[index] = rule;
  return rules.length ? { ...current, rules } : undefined;
}

/** What the form itself finds wrong with a rule before the compiler sees it. */
export function ruleError(rule: AudienceRule): string | undefined {
  if (rule.kind === "tag" && !rule.tag.trim()) return "Enter the tag.";
  if (rule.kind === "tag" && rule.tag.trim().length > 64) return "A tag can be at most 64 characters.";
  return undefined;
}

/** "has tag vip", "City is Berlin", "Phone is filled in", "is logged in". */
export function describeRule(
  rule: AudienceRule,
  customFields: readonly CustomFieldDefinition[] | null,
): string {
  switch (rule.kind) {
    case "tag":
      return `${rule.op === "has" ? "has tag" : "doesn't have tag"} ${rule.tag.trim() || "…"}`;
    case "logged_in":
      return rule.value ? "is logged in" : "is not logged in";
    case "field": {
      const definition = customDefinition(customFields, rule.field);
      const field = fieldRefLabel(customFields, rule.field);
      const op = operatorLabel(rule.op, definition);
      return needsValue(rule.op) ? `${field} ${op} ${rule.value.trim() || "…"}` : `${field} ${op}`;
    }
  }
}

/** The node's audience badge: the rule itself when there is one, else how many and how they combine. */
export function audienceSummary(audience: Audience, customFields: readonly CustomFieldDefinition[] | null) {
  if (audience.rules.length === 1) return describeRule(audience.rules[0]!, customFields);
  return `${audience.match === "all" ? "all" : "any"} of ${audience.rules.length} rules`;
}
