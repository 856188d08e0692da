import { flowDoc, media, type ProblemCase, textStep } from "../../testing";

export const problemCases: ProblemCase[] = [
  {
    code: "EMPTY_TEXT",
    what: "whitespace-only text",
    severity: "error",
    stepId: "a",
    doc: flowDoc([textStep("a", "  \n ")]),
  },
  {
    code: "EMPTY_TEXT",
    what: "formatting tags around nothing",
    severity: "error",
    stepId: "a",
    doc: flowDoc([textStep("a", "<b> </b>")]),
  },
  {
    code: "LINK_NOT_SENT",
    what: "a javascript: link",
    severity: "warning",
    stepId: "a",
    doc: flowDoc([textStep("a", '<a href="javascript:alert(1)">x</a>')]),
  },
  {
    code: "LINK_NOT_SENT",
    what: "a link whose whole address is a variable (values are URL-encoded)",
    severity: "warning",
    stepId: "a",
    doc: flowDoc([textStep("a", '<a href="{{vars.url}}">x</a>')]),
  },
  {
    code: "MEDIA_TOO_LARGE",
    what: "a 12 MB photo (Telegram: 10 MB)",
    severity: "error",
    stepId: "a",
    doc: flowDoc([
      { ...textStep("a", "Look"), config: { text: "Look", media: media("photo", 12 * 1024 * 1024) } },
    ]),
  },
  {
    code: "MEDIA_TOO_LARGE",
    what: "a 51 MB video (Telegram: 50 MB)",
    severity: "error",
    stepId: "a",
    doc: flowDoc([{ ...textStep("a", ""), config: { text: "", media: media("video", 51 * 1024 * 1024) } }]),
  },
  {
    code: "CAPTION_WILL_BE_SPLIT",
    what: "a photo with 1500 characters of text",
    severity: "warning",
    stepId: "a",
    doc: flowDoc([{ ...textStep("a", ""), config: { text: "x".repeat(1500), media: media() } }]),
  },
  {
    code: "TEXT_WILL_BE_SPLIT",
    what: "5000 characters of text",
    severity: "warning",
    stepId: "a",
    doc: flowDoc([textStep("a", "x".repeat(5000))]),
  },
];
