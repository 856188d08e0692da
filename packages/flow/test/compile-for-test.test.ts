import { describe, expect, it } from "vitest";
import { compileDraft, compileForTest, encodeCallbackData, missingTargetId } from "../src/index";
import { buttonsStep, drive, flowDoc, goto, press, start, textStep, texts } from "../src/testing";

/** Hello -> Menu (A -> "Broken" text with no text, B -> unconnected). */
const halfBuilt = () =>
  flowDoc(
    [
      textStep("hello", "Hello!"),
      buttonsStep("menu", "Pick one", [goto("a", "A"), goto("b", "B")], {}, { title: "Menu" }),
      textStep("broken", "", { title: "Thanks" }),
    ],
    [
      ["hello", "next", "menu"],
      ["menu", "button:a", "broken"],
    ],
  );

describe("compileForTest", () => {
  it("runs the valid part of a flow that doesn't publish", () => {
    expect(compileDraft(halfBuilt()).ok).toBe(false);
    const result = compileForTest(halfBuilt());
    if (!result.ok) throw new Error(result.reason);
    const { last } = drive(result.flow, [start()]);
    expect(texts(last.actions)).toEqual(["Hello!", "Pick one"]);
    expect(last.state).toMatchObject({ stepId: "menu", waiting: true });
  });

  it("stops at a broken step, naming it and its problem", () => {
    const result = compileForTest(halfBuilt());
    if (!result.ok) throw new Error(result.reason);
    const { last } = drive(result.flow, [start(), press(encodeCallbackData("menu", "a"))]);
    expect(last.events).toContainEqual({ type: "step_missing", stepId: "broken" });
    expect(last.state.waiting).toBe(false);
    expect(result.stops.broken).toEqual({
      stepId: "broken",
      message: expect.stringMatching(/^“Thanks” can't run yet: .+/),
    });
  });

  it("stops at a button that leads nowhere, on the buttons step", () => {
    const result = compileForTest(halfBuilt());
    if (!result.ok) throw new Error(result.reason);
    const { last } = drive(result.flow, [start(), press(encodeCallbackData("menu", "b"))]);
    const missing = missingTargetId("menu", "button:b");
    expect(last.events).toContainEqual({ type: "step_missing", stepId: missing });
    expect(result.stops[missing]).toEqual({
      stepId: "menu",
      message: "“Menu”: the button “B” leads nowhere yet. Connect it to a step.",
    });
  });

  it("stops at a step the parser couldn't read", () => {
    const doc = flowDoc([textStep("a", "Hi"), { id: "b", type: "text" }], [["a", "next", "b"]]);
    const result = compileForTest(doc);
    if (!result.ok) throw new Error(result.reason);
    const { last } = drive(result.flow, [start()]);
    expect(texts(last.actions)).toEqual(["Hi"]);
    expect(last.events).toContainEqual({ type: "step_missing", stepId: "b" });
    expect(result.stops.b?.stepId).toBe("b");
  });

  it("is the published compile, without stops, for a flow without errors", () => {
    const doc = flowDoc([textStep("a", "Hi")]);
    const result = compileForTest(doc);
    expect(result).toMatchObject({ ok: true, stops: {} });
    if (result.ok) expect(result.flow).toEqual(compileDraft(doc).flow);
  });

  it("can't run without steps or a start step", () => {
    expect(compileForTest(flowDoc([]))).toMatchObject({ ok: false, reason: "The flow has no steps yet." });
    expect(compileForTest(flowDoc([textStep("a", "Hi")], [], null))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/start step/),
    });
    expect(compileForTest(null)).toMatchObject({ ok: false });
  });
});
