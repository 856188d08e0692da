import { describe, expect, it } from "vitest";
import { initialState, runEngine } from "../../index";
import { compileOk, expectProblemCase, flowDoc, makeCtx, media, sends, start, textStep } from "../../testing";
import { problemCases } from "./cases";

describe("text: compile problems", () => {
  it.each(problemCases)("$code: $what", expectProblemCase);
});

describe("text: engine", () => {
  it.each([
    ["text only", { text: "Hi {{name}}" }, { text: "Hi Ann" }],
    ["text with a photo", { text: "Look", media: media() }, { text: "Look", media: media() }],
    ["a photo without text", { text: "", media: media() }, { text: "", media: media() }],
  ])("%s is sent, then the flow goes on", (_what, config, expected) => {
    const flow = compileOk(
      flowDoc([{ ...textStep("a", ""), config }, textStep("b", "Next")], [["a", "next", "b"]]),
    );
    const result = runEngine(flow, initialState(), start(), makeCtx());
    const [first, second] = sends(result.actions);
    expect(first).toEqual({ type: "send_message", stepId: "a", ...expected });
    expect(second?.text).toBe("Next");
    expect(result.state.waiting).toBe(false);
  });
});
