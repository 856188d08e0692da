import { flowDoc, freeInputStep, type ProblemCase } from "../../testing";

const regex = (pattern?: string) => ({ validation: { kind: "regex", ...(pattern ? { pattern } : {}) } });

export const problemCases: ProblemCase[] = [
  {
    code: "EMPTY_TEXT",
    what: "question without text",
    severity: "error",
    stepId: "f",
    doc: flowDoc([freeInputStep("f", "", "name")]),
  },
  {
    code: "INVALID_PATTERN",
    what: "regex that does not compile",
    severity: "error",
    stepId: "f",
    doc: flowDoc([freeInputStep("f", "Code?", "code", regex("([a-z"))]),
  },
  {
    code: "INVALID_PATTERN",
    what: "regex with a backreference (not RE2)",
    severity: "error",
    stepId: "f",
    doc: flowDoc([freeInputStep("f", "Code?", "code", regex("(a)\\1"))]),
  },
  {
    code: "INVALID_PATTERN",
    what: "regex with a lookahead (not RE2)",
    severity: "error",
    stepId: "f",
    doc: flowDoc([freeInputStep("f", "Code?", "code", regex("(?=x)x"))]),
  },
  {
    code: "INVALID_PATTERN",
    what: "regex without pattern",
    severity: "error",
    stepId: "f",
    doc: flowDoc([freeInputStep("f", "Code?", "code", regex())]),
  },
];
