import { describe, expect, it, vi } from "vitest";
import { compileDraft, createParseMemo, stepSchema } from "../src/index";
import { flowDoc, textStep } from "../src/testing";

describe("ParseMemo", () => {
  const draft = () => flowDoc([textStep("a", "Hi"), textStep("b", "Bye")], [["a", "next", "b"]]);

  it("gives compileDraft's own result, and parses a step object it has seen only once", () => {
    const memo = createParseMemo();
    const doc = draft();
    const parse = vi.spyOn(stepSchema, "safeParse");
    try {
      expect(compileDraft(doc, {}, memo)).toEqual(compileDraft(doc));
      parse.mockClear();
      // An edit makes a new object for the step it changed: only that one is parsed again.
      const edited = { ...doc, steps: [doc.steps[0], { ...doc.steps[1]!, title: "End" }] };
      expect(compileDraft(edited, {}, memo)).toEqual(compileDraft(edited));
      expect(parse).toHaveBeenCalledTimes(1 + edited.steps.length); // the memo's one, then the plain compile's
    } finally {
      parse.mockRestore();
    }
  });

  it("keeps no rejected step: a broken one is reported every time", () => {
    const memo = createParseMemo();
    const broken = { ...draft(), steps: [...draft().steps, { id: "c", type: "text", config: { text: 42 } }] };
    for (let i = 0; i < 2; i++)
      expect(compileDraft(broken, {}, memo).problems.some((p) => p.code === "INVALID_STEP")).toBe(true);
  });
});
