import { buttonsStep, flowDoc, goto, link, type ProblemCase, textStep } from "../../testing";

export const problemCases: ProblemCase[] = [
  {
    code: "NO_BUTTONS",
    what: "buttons step without buttons",
    severity: "error",
    stepId: "q",
    doc: flowDoc([buttonsStep("q", "Pick", [])]),
  },
  {
    code: "EMPTY_BUTTON_LABEL",
    what: "blank label",
    severity: "error",
    stepId: "q",
    doc: flowDoc([buttonsStep("q", "Pick", [goto("y", "  ")]), textStep("b", "B")], [["q", "button:y", "b"]]),
  },
  {
    code: "DUPLICATE_BUTTON_ID",
    what: "two buttons with id y",
    severity: "error",
    stepId: "q",
    doc: flowDoc(
      [buttonsStep("q", "Pick", [goto("y", "Yes"), goto("y", "Yes too")]), textStep("b", "B")],
      [["q", "button:y", "b"]],
    ),
  },
  {
    code: "INVALID_URL",
    what: "javascript: link",
    severity: "error",
    stepId: "q",
    doc: flowDoc([buttonsStep("q", "Pick", [link("w", "Web", "javascript:alert(1)")])]),
  },
  {
    code: "INVALID_URL",
    what: "not a URL at all",
    severity: "error",
    stepId: "q",
    doc: flowDoc([buttonsStep("q", "Pick", [link("w", "Web", "example.com")])]),
  },
  {
    code: "INVALID_URL",
    what: "a localhost link (Telegram refuses hosts without a dot)",
    severity: "error",
    stepId: "q",
    doc: flowDoc([buttonsStep("q", "Pick", [link("w", "Web", "http://localhost:3000/x")])]),
  },
  {
    code: "INVALID_URL",
    what: "link button on a reply keyboard",
    severity: "error",
    stepId: "q",
    doc: flowDoc([
      buttonsStep("q", "Pick", [link("w", "Web", "https://example.com")], { keyboard: "reply" }),
    ]),
  },
  {
    code: "DANGLING_OUTPUT",
    what: "a timeout output left unconnected",
    severity: "warning",
    stepId: "q",
    doc: flowDoc(
      [
        buttonsStep("q", "Pick", [goto("y", "Yes")], { timeout: { amount: 5, unit: "minutes" } }),
        textStep("b", "B"),
      ],
      [
        ["q", "button:y", "b"],
        ["b", "next", "q"],
      ],
    ),
  },
];
