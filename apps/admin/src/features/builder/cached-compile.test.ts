import { buttonHandle, compileDraft, type FlowDocument, NEXT_HANDLE } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import { compileDraftCached } from "./cached-compile";
import { buttonsStep, edge, flowDoc, goto, textStep } from "./test-helpers";

const doc = (): FlowDocument =>
  flowDoc(
    [textStep("a"), buttonsStep("b", [goto("yes"), goto("no")]), textStep("c")],
    [edge("e1", "a", NEXT_HANDLE, "b"), edge("e2", "b", buttonHandle("yes"), "c")],
  );

describe("compileDraftCached", () => {
  it("gives compileDraft's result", () => {
    const draft = doc();
    expect(compileDraftCached(draft)).toEqual(compileDraft(draft));
  });

  it("gives compileDraft's result again after an edit, and for the same draft twice", () => {
    const draft = doc();
    compileDraftCached(draft);
    expect(compileDraftCached(draft)).toEqual(compileDraft(draft));
    const edited = { ...draft, steps: draft.steps.map((s) => (s.id === "c" ? { ...s, title: "Bye" } : s)) };
    expect(compileDraftCached(edited)).toEqual(compileDraft(edited));
  });

  it("leaves a step the schema rejects to compileDraft, which names it", () => {
    const draft = doc();
    const broken = { ...draft, steps: [...draft.steps, { ...textStep("d"), config: { text: 42 } }] };
    const result = compileDraftCached(broken as unknown as FlowDocument);
    expect(result).toEqual(compileDraft(broken));
    expect(result.problems.some((p) => p.code === "INVALID_STEP" && p.stepId === "d")).toBe(true);
  });

  it("leaves a document over the limits to compileDraft", () => {
    const draft = doc();
    const huge = { ...draft, steps: Array.from({ length: 2001 }, (_, i) => textStep(`s${i}`)) };
    const result = compileDraftCached(huge);
    expect(result).toEqual(compileDraft(huge));
    expect(result.problems[0]?.code).toBe("INVALID_DOCUMENT");
  });
});
