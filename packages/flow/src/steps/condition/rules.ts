import { RE2JS } from "re2js";
import { z } from "zod";
import { asNumber, compareValues } from "../../compare";
import { BUILTIN_CONTACT_FIELDS, type BuiltinContactField, fieldValue, sameTag } from "../../contact-fields";
import type { StepIO } from "../../engine/step-io";
import { MAX_PATTERN_PROGRAM_SIZE } from "../../validate-answer";

/**
 * A Condition rule: `subject op value`. The subject is what is looked at, written as a path:
 * `vars.KEY`, `fields.KEY` (a custom field), `contact.first_name` (a built-in field), `tracker.KEY`,
 * `bot.KEY`, `tags` or `logged_in`. The value is a template (`matches`: an RE2 pattern, as written).
 */
export const CONDITION_OPERATORS = [
  "equals",
  "not_equals",
  "contains",
  "not_contains",
  "starts_with",
  "greater",
  "less",
  "is_set",
  "is_empty",
  "matches",
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** Operators without a right-hand value. */
export const UNARY_OPERATORS: readonly ConditionOperator[] = ["is_set", "is_empty"];
export const NUMERIC_CONDITION_OPERATORS: readonly ConditionOperator[] = ["greater", "less"];

export const OPERATOR_LABELS: Record<ConditionOperator, string> = {
  equals: "equals",
  not_equals: "does not equal",
  contains: "contains",
  not_contains: "does not contain",
  starts_with: "starts with",
  greater: "is greater than",
  less: "is less than",
  is_set: "is set",
  is_empty: "is empty",
  matches: "matches (regex)",
};

export type ConditionSubject =
  | { kind: "vars" | "fields" | "tracker" | "bot"; key: string }
  | { kind: "contact"; key: BuiltinContactField }
  | { kind: "tags" }
  | { kind: "logged_in" };

const MAP_SUBJECT = /^(vars|fields|tracker|bot)\.([A-Za-z0-9_-]{1,64})$/;

/** The subject a path names, or null when it names nothing a rule can read. */
export function parseSubject(path: string): ConditionSubject | null {
  if (path === "tags") return { kind: "tags" };
  if (path === "logged_in") return { kind: "logged_in" };
  const map = MAP_SUBJECT.exec(path);
  if (map) return { kind: map[1] as "vars" | "fields" | "tracker" | "bot", key: map[2]! };
  const contact = /^contact\.(.+)$/.exec(path)?.[1];
  if (contact && (BUILTIN_CONTACT_FIELDS as readonly string[]).includes(contact))
    return { kind: "contact", key: contact as BuiltinContactField };
  return null;
}

/** Which operators make sense for a subject: tags and the login state are not text. */
export function operatorsFor(subject: ConditionSubject | null): readonly ConditionOperator[] {
  if (subject?.kind === "tags") return ["contains", "not_contains", "is_set", "is_empty"];
  if (subject?.kind === "logged_in") return ["is_set", "is_empty"];
  return CONDITION_OPERATORS;
}

export const conditionRuleSchema = z.object({
  subject: z
    .string()
    .max(80)
    .refine((s) => parseSubject(s) !== null, {
      message: "a rule looks at vars.KEY, fields.KEY, contact.FIELD, tracker.KEY, bot.KEY, tags or logged_in",
    }),
  op: z.enum(CONDITION_OPERATORS),
  /** A template; for `matches`, an RE2 pattern; unused by is_set / is_empty. */
  value: z.string().max(500).default(""),
});
export type ConditionRule = z.infer<typeof conditionRuleSchema>;

export { asNumber };

/* ---- RE2 patterns: linear-time matching, so a marketer's regex can never hang the engine ---- */

const PATTERN_CACHE_LIMIT = 500;
const patterns = new Map<string, RE2JS | null>();

/** The compiled pattern, or null when RE2 refuses it or it is too big to match cheaply. */
export function conditionPattern(source: string): RE2JS | null {
  if (patterns.has(source)) return patterns.get(source) ?? null;
  let compiled: RE2JS | null;
  try {
    compiled = RE2JS.compile(source);
    if (compiled.programSize() > MAX_PATTERN_PROGRAM_SIZE) compiled = null;
  } catch {
    compiled = null;
  }
  if (patterns.size >= PATTERN_CACHE_LIMIT) patterns.delete(patterns.keys().next().value!);
  patterns.set(source, compiled);
  return compiled;
}

/** Why a pattern can't be used ("" when it can). */
export function patternError(source: string): string {
  if (source === "") return "The pattern is empty.";
  try {
    const re = RE2JS.compile(source);
    if (re.programSize() > MAX_PATTERN_PROGRAM_SIZE)
      return "The pattern is too large; use smaller repeat counts.";
    return "";
  } catch (e) {
    return `The pattern is not valid RE2 syntax (${e instanceof Error ? e.message : String(e)}). Lookarounds and backreferences are not supported.`;
  }
}

/* ---- evaluation ---- */

/** The text a subject has now ("" when unset). */
export function subjectText(subject: ConditionSubject, io: StepIO): string {
  switch (subject.kind) {
    case "vars":
    case "tracker":
    case "bot":
      return io.render(`{{${subject.kind}.${subject.key}}}`);
    case "fields":
      return io.contact.fields[subject.key] ?? "";
    case "contact":
      return fieldValue(io.contact, { kind: "contact", key: subject.key });
    case "tags":
      return io.contact.tags.join(", ");
    case "logged_in":
      return io.contact.loggedIn ? "yes" : "";
  }
}

/** Compares a value with a rule's (rendered) right-hand side; text compares ignoring case and spaces. */
export function compareText(value: string, op: ConditionOperator, expected: string): boolean {
  if (op !== "matches") return compareValues(value, op, expected);
  return conditionPattern(expected)?.matcher(value).find() ?? false;
}

export function ruleHolds(rule: ConditionRule, io: StepIO): boolean {
  const subject = parseSubject(rule.subject);
  if (!subject) return false;
  if (subject.kind === "tags") {
    const tags = io.contact.tags;
    const tag = io.render(rule.value);
    switch (rule.op) {
      case "contains":
        return tags.some((t) => sameTag(t, tag));
      case "not_contains":
        return !tags.some((t) => sameTag(t, tag));
      case "is_set":
        return tags.length > 0;
      case "is_empty":
        return tags.length === 0;
      default:
        return false;
    }
  }
  if (subject.kind === "logged_in") {
    if (rule.op === "is_set") return io.contact.loggedIn;
    if (rule.op === "is_empty") return !io.contact.loggedIn;
    return false;
  }
  const value = subjectText(subject, io);
  // The pattern is used as written: rendering would break `{` `}` in it.
  const expected = rule.op === "matches" ? rule.value : io.render(rule.value);
  return compareText(value, rule.op, expected);
}
