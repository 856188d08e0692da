import { flowDoc, type ProblemCase, setValuesStep } from "../../testing";

const one = (op: Record<string, unknown>) => flowDoc([setValuesStep("s", [op])]);

export const problemCases: ProblemCase[] = [
  {
    code: "NO_OPERATIONS",
    what: "set values with nothing to do",
    severity: "error",
    stepId: "s",
    doc: flowDoc([setValuesStep("s", [])]),
  },
  {
    code: "INVALID_SET_VALUE",
    what: "a target that is not a variable or field",
    severity: "error",
    stepId: "s",
    doc: one({ kind: "set", target: "name", value: "x" }),
  },
  {
    code: "INVALID_SET_VALUE",
    what: "a variable name with a space",
    severity: "error",
    stepId: "s",
    doc: one({ kind: "set", target: "vars.my score", value: "x" }),
  },
  {
    code: "INVALID_SET_VALUE",
    what: "adding a word",
    severity: "error",
    stepId: "s",
    doc: one({ kind: "add", variable: "score", amount: "ten" }),
  },
  {
    code: "INVALID_SET_VALUE",
    what: "a counter with a bad variable name",
    severity: "error",
    stepId: "s",
    doc: one({ kind: "subtract", variable: "1st", amount: "1" }),
  },
  {
    code: "INVALID_SET_VALUE",
    what: "a literal phone that is not a number",
    severity: "error",
    stepId: "s",
    doc: one({ kind: "set", target: "contact.phone", value: "call me" }),
  },
  {
    code: "INVALID_SET_VALUE",
    what: "add tags without tags",
    severity: "error",
    stepId: "s",
    doc: one({ kind: "add_tags", tags: [] }),
  },
  {
    code: "UNKNOWN_CONTACT_FIELD",
    what: "a custom field the workspace does not have",
    severity: "error",
    stepId: "s",
    doc: one({ kind: "set", target: "fields.color", value: "red" }),
    env: { customFields: [{ key: "size", label: "Size", type: "text", options: [] }] },
  },
  {
    code: "UNKNOWN_VARIABLE",
    what: "a value from a variable no step sets",
    severity: "warning",
    stepId: "s",
    doc: one({ kind: "set", target: "vars.copy", value: "{{vars.original}}" }),
  },
];
