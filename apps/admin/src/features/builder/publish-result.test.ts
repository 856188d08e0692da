import type { Problem } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import { type PublishResult, publishResultLabel, publishResultOf } from "./publish-result";

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

describe("publishResultLabel", () => {
  it.each<{ result: PublishResult; label: string }>([
    { result: { ok: true, version: 2, warnings: 0 }, label: "v2 published" },
    { result: { ok: true, version: 2, warnings: 1 }, label: "v2 published · 1 warning" },
    { result: { ok: true, version: 2, warnings: 3 }, label: "v2 published · 3 warnings" },
    { result: { ok: true, version: 2, warnings: 3, stale: true }, label: "v2 published · edited since" },
    { result: { ok: false, message: "Fix 1 error to publish" }, label: "Fix 1 error to publish" },
  ])("$label", ({ result, label }) => {
    expect(publishResultLabel(result)).toBe(label);
  });
});
