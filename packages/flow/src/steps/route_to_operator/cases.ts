import { flowDoc, media, type ProblemCase, routeStep, textStep } from "../../testing";

export const problemCases: ProblemCase[] = [
  {
    code: "MEDIA_TOO_LARGE",
    what: "a 60 MB document while waiting for an operator",
    severity: "error",
    stepId: "r",
    doc: flowDoc([routeStep("r", "Wait", { media: media("document", 60 * 1024 * 1024, "manual.pdf") })]),
  },
  {
    code: "DANGLING_OUTPUT",
    what: "no_operator and returned unconnected end the conversation",
    severity: "warning",
    stepId: "r",
    doc: flowDoc([textStep("hi", "Hi"), routeStep("r")], [["hi", "next", "r"]]),
  },
];
