import { flowDoc, type ProblemCase, sendWebhookStep, textStep } from "../../testing";

export const problemCases: ProblemCase[] = [
  {
    code: "INVALID_URL",
    what: "an empty URL",
    severity: "error",
    stepId: "w",
    doc: flowDoc([sendWebhookStep("w", "  ")]),
  },
  {
    code: "INVALID_URL",
    what: "a URL that is not http(s)",
    severity: "error",
    stepId: "w",
    doc: flowDoc([sendWebhookStep("w", "ftp://example.com/hook")]),
  },
  {
    code: "DUPLICATE_EXTRA_KEY",
    what: "the same extra field twice",
    severity: "error",
    stepId: "w",
    doc: flowDoc([
      sendWebhookStep("w", "https://example.com/hook", {
        extra: [
          { key: "plan", value: "a" },
          { key: "plan", value: "b" },
        ],
      }),
    ]),
  },
  {
    code: "UNKNOWN_VARIABLE",
    what: "an extra field reading a variable nothing sets",
    severity: "warning",
    stepId: "w",
    doc: flowDoc([
      sendWebhookStep("w", "https://example.com/hook", { extra: [{ key: "x", value: "{{vars.nope}}" }] }),
    ]),
  },
  {
    code: "DANGLING_OUTPUT",
    what: "next unconnected ends the conversation",
    severity: "warning",
    stepId: "w",
    doc: flowDoc(
      [textStep("hi", "Hi"), sendWebhookStep("w", "https://example.com/hook")],
      [["hi", "next", "w"]],
    ),
  },
];
