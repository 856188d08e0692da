import {
  BUILTIN_CONTACT_FIELDS,
  BUILTIN_FIELD_LABELS,
  type ConditionBranch,
  type ConditionRule,
  type CustomFieldDefinition,
  OPERATOR_LABELS,
  operatorsFor,
  parseSubject,
  UNARY_OPERATORS,
} from "@switchboard/flow";

/* The Condition editor's logic: what a rule can look at, sensible defaults, summaries. */

export interface SubjectOption {
  value: string;
  label: string;
}

/** Everything a rule can look at that the builder knows of; tracker and bot keys are typed in. */
export function subjectOptions(
  variables: readonly string[],
  customFields: readonly CustomFieldDefinition[] | null,
): SubjectOption[] {
  return [
    ...variables.map((v) => ({ value: `vars.${v}`, label: `Variable: ${v}` })),
    ...BUILTIN_CONTACT_FIELDS.map((f) => ({
      value: `contact.${f}`,
      label: `Contact: ${BUILTIN_FIELD_LABELS[f]}`,
    })),
    ...(customFields ?? []).map((f) => ({ value: `fields.${f.key}`, label: `Field: ${f.label}` })),
    { value: "tags", label: "Contact tags" },
    { value: "logged_in", label: "Logged in" },
  ];
}

export function subjectError(subject: string): string | undefined {
  if (!subject.trim()) return "Pick what the rule looks at.";
  return parseSubject(subject.trim())
    ? undefined
    : "Use vars.NAME, fields.KEY, contact.FIELD, tracker.KEY, bot.KEY, tags or logged_in.";
}

export const operatorOptions = (subject: string) =>
  operatorsFor(parseSubject(subject)).map((op) => ({ value: op, label: OPERATOR_LABELS[op] }));

export const needsValue = (rule: Pick<ConditionRule, "op">) => !UNARY_OPERATORS.includes(rule.op);

/** A new rule about `subject`: its first operator that makes sense. */
export function defaultRule(subject = "contact.first_name"): ConditionRule {
  const op = operatorsFor(parseSubject(subject))[0] ?? "equals";
  return { subject, op, value: "" };
}

/** The rule with a new subject; an operator that no longer fits becomes the subject's first. */
export function withSubject(rule: ConditionRule, subject: string): ConditionRule {
  const allowed = operatorsFor(parseSubject(subject));
  return { ...rule, subject, op: allowed.includes(rule.op) ? rule.op : (allowed[0] ?? "equals") };
}

/** A branch with a name no other branch has ("Branch 3") and one default rule. */
export function newBranch(
  branches: readonly ConditionBranch[],
  id: string,
  subject?: string,
): ConditionBranch {
  const taken = new Set(branches.map((b) => b.name.toLowerCase()));
  let n = branches.length + 1;
  while (taken.has(`branch ${n}`)) n++;
  return { id, name: `Branch ${n}`, combine: "all", rules: [defaultRule(subject)] };
}

/** The list with the item at `index` swapped with its neighbour `delta` away; the same list at the ends. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return list as T[];
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

const SYMBOLS: Partial<Record<ConditionRule["op"], string>> = {
  equals: "=",
  not_equals: "≠",
  greater: ">",
  less: "<",
};

/** "vars.age > 17", "tags contains vip", "logged_in is set". */
export function ruleSummary(rule: ConditionRule): string {
  const op = SYMBOLS[rule.op] ?? OPERATOR_LABELS[rule.op];
  if (!needsValue(rule)) return `${rule.subject} ${op}`;
  const value = rule.op === "matches" ? `/${rule.value}/` : rule.value || "…";
  return `${rule.subject} ${op} ${value}`;
}

/** "vars.age > 17 and tags contains vip". */
export const branchSummary = (branch: ConditionBranch) =>
  branch.rules.length
    ? branch.rules.map(ruleSummary).join(branch.combine === "all" ? " and " : " or ")
    : "no rules yet";
