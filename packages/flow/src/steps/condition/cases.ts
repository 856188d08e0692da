import { conditionStep, flowDoc, type ProblemCase, type RawRule, textStep } from "../../testing";

/** A Condition `c` with one branch "Yes" of these rules, its outputs connected to texts. */
const withRules = (rules: RawRule[], name = "Yes") =>
  flowDoc(
    [conditionStep("c", [{ id: "y", name, rules }]), textStep("yes", "Yes"), textStep("no", "No")],
    [
      ["c", "branch:y", "yes"],
      ["c", "else", "no"],
    ],
  );

const sizeField = { key: "size", label: "Size", type: "text" as const, options: [] };

export const problemCases: ProblemCase[] = [
  {
    code: "NO_BRANCHES",
    what: "a condition without branches",
    severity: "error",
    stepId: "c",
    doc: flowDoc([conditionStep("c", [])]),
  },
  {
    code: "EMPTY_BRANCH",
    what: "a branch without rules",
    severity: "error",
    stepId: "c",
    doc: withRules([]),
  },
  {
    code: "EMPTY_BRANCH",
    what: "a branch without a name",
    severity: "error",
    stepId: "c",
    doc: withRules([{ subject: "tracker.src", op: "is_set" }], ""),
  },
  {
    code: "DUPLICATE_BRANCH_NAME",
    what: "two branches with one name",
    severity: "error",
    stepId: "c",
    doc: flowDoc([
      conditionStep("c", [
        { id: "a", name: "VIP", rules: [{ subject: "tags", op: "contains", value: "vip" }] },
        { id: "b", name: "vip", rules: [{ subject: "logged_in", op: "is_set" }] },
      ]),
    ]),
  },
  {
    code: "INVALID_CONDITION_RULE",
    what: "tags compared with 'greater'",
    severity: "error",
    stepId: "c",
    doc: withRules([{ subject: "tags", op: "greater", value: "3" }]),
  },
  {
    code: "INVALID_CONDITION_RULE",
    what: "logged_in with 'equals'",
    severity: "error",
    stepId: "c",
    doc: withRules([{ subject: "logged_in", op: "equals", value: "yes" }]),
  },
  {
    code: "INVALID_CONDITION_RULE",
    what: "equals without a value",
    severity: "error",
    stepId: "c",
    doc: withRules([{ subject: "contact.email", op: "equals", value: " " }]),
  },
  {
    code: "INVALID_PATTERN",
    what: "an invalid regular expression",
    severity: "error",
    stepId: "c",
    doc: withRules([{ subject: "contact.email", op: "matches", value: "(a" }]),
  },
  {
    code: "INVALID_PATTERN",
    what: "a lookahead (not RE2)",
    severity: "error",
    stepId: "c",
    doc: withRules([{ subject: "contact.email", op: "matches", value: "(?=a)b" }]),
  },
  {
    code: "UNKNOWN_CONTACT_FIELD",
    what: "a custom field the workspace does not have",
    severity: "error",
    stepId: "c",
    doc: withRules([{ subject: "fields.color", op: "is_set" }]),
    env: { customFields: [sizeField] },
  },
  {
    code: "NOT_A_NUMBER",
    what: "greater than a word",
    severity: "warning",
    stepId: "c",
    doc: withRules([{ subject: "contact.city", op: "greater", value: "many" }]),
  },
  {
    code: "UNKNOWN_VARIABLE",
    what: "a rule on a variable no step sets",
    severity: "warning",
    stepId: "c",
    doc: withRules([{ subject: "vars.score", op: "is_set" }]),
  },
];
