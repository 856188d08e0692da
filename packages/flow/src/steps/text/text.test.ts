import { describe, expect, it } from "vitest";
import { initialState, runEngine } from "../../index";
import { compileOk, expectProblemCase, flowDoc, makeCtx, media, sends, start, textStep } from "../../testing";
import { problemCases } from "./cases";

describe("text: compile problems", () => {
  it.each(problemCases)("$code: $what", expectProblemCase);
});

describe("text: engine", () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ["text only", { text: "Hi {{name}}" }, { text: "Hi Ann" }],
    ["text with a photo", { text: "Look", media: media() }, { text: "Look", media: media() }],
    ["a photo without text", { text: "", media: media() }, { text: "", media: media() }],
    [
      "formatted text, its tags as entities and the name as plain text",
      { text: "<b>Hi {{name}}</b> <i>*x*</i>" },
      {
        text: "Hi Ann *x*",
        entities: [
          { type: "bold", offset: 0, length: 6 },
          { type: "italic", offset: 7, length: 3 },
        ],
      },
    ],
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
