import type { Problem } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import { publishResultOf } from "./publish-result";

const problem = (severity: Problem["severity"]): Problem => ({
  code: "INVALID_STEP",
  severity,
  message: "m",
});

describe("publishResultOf", () => {
  it.each([
    { problems: [], warnings: 0 },
    { problems: [problem("warning"), problem("warning")], warnings: 2 },
  ])("a publish with $warnings warning(s)", ({ problems, warnings }) => {
    expect(publishResultOf({ ok: true, version: 3, problems })).toEqual({ ok: true, version: 3, warnings });
  });

  it.each([
    { problems: [problem("error")], message: "Fix 1 error to publish" },
    {
      problems: [problem("error"), problem("warning"), problem("error")],
      message: "Fix 2 errors to publish",
    },
  ])("a refused publish: $message", ({ problems, message }) => {
    expect(publishResultOf({ ok: false, problems })).toEqual({ ok: false, message, problems });
  });
});
