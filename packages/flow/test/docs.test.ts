import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileDraft, PROBLEM_CODES, type ProblemCode } from "../src/index";

const markdown = readFileSync(new URL("../../../docs/flow-format.md", import.meta.url), "utf8");

/** The first ```json block after a heading. */
function jsonAfter(heading: string): unknown {
  const at = markdown.indexOf(`\n## ${heading}\n`);
  if (at < 0) throw new Error(`no "## ${heading}" in docs/flow-format.md`);
  const block = /```json\n([\s\S]*?)\n```/.exec(markdown.slice(at));
  if (!block) throw new Error(`no json block after "## ${heading}"`);
  return JSON.parse(block[1]!);
}

describe("docs/flow-format.md", () => {
  it("the complete example compiles with only the documented warning", () => {
    const result = compileDraft(jsonAfter("Complete example"));
    expect(result.ok).toBe(true);
    expect(result.problems.map((p) => [p.code, p.stepId])).toEqual([["DANGLING_OUTPUT", "thanks"]]);
  });

  it("the compiled excerpt matches what the compiler produces", () => {
    const excerpt = jsonAfter("Compiled form") as { steps: Record<string, unknown> };
    const { flow } = compileDraft(jsonAfter("Complete example"));
    expect(flow).not.toBeNull();
    expect(excerpt).toEqual({
      ...flow,
      steps: Object.fromEntries(Object.keys(excerpt.steps).map((id) => [id, flow!.steps[id]])),
    });
  });

  it.each(Object.entries(PROBLEM_CODES) as [ProblemCode, string][])(
    "documents %s with severity %s",
    (code, severity) => {
      // A row of the problems table (padding may vary with the formatter).
      expect(markdown).toMatch(new RegExp(`\\|\\s*\`${code}\`\\s*\\|\\s*${severity}\\s*\\|`));
    },
  );
});
