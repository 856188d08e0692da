import { compilePattern, type VALIDATION_KINDS, type Validation } from "@switchboard/flow";

export const VALIDATION_LABELS: Record<(typeof VALIDATION_KINDS)[number], string> = {
  any: "Anything",
  text: "Text (length limits)",
  number: "Number",
  email: "Email address",
  phone: "Phone number",
  date: "Date",
  regex: "Custom pattern (regex)",
};

/** The same check as the compiler's (RE2 syntax), so the form never accepts what publish refuses. */
export function patternError(pattern: string | undefined): string | undefined {
  if (!pattern) return "Enter a regular expression, e.g. [A-Z]{3}\\d{3}";
  return compilePattern(pattern)
    ? undefined
    : "Not a valid pattern (RE2 syntax: no backreferences or lookarounds, no huge repeats).";
}

export function rangeError(v: Validation): string | undefined {
  return v.min !== undefined && v.max !== undefined && v.min > v.max
    ? "The minimum is larger than the maximum."
    : undefined;
}

/** The validation after choosing another kind: a pattern is kept for "regex", bounds are dropped. */
export function withKind(v: Validation, kind: Validation["kind"]): Validation {
  return kind === "regex" ? { kind, pattern: v.pattern ?? "" } : { kind };
}

/** The validation with one bound set, or removed when `value` is undefined. */
export function withBound(v: Validation, bound: "min" | "max", value: number | undefined): Validation {
  const { [bound]: _old, ...rest } = v;
  return value === undefined ? rest : { ...rest, [bound]: value };
}
