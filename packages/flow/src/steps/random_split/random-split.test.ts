import { describe, expect, it } from "vitest";
import { type ConversationState, initialState, normalizeState, runEngine } from "../../index";
import {
  compileOk,
  expectProblemCase,
  flowDoc,
  makeCtx,
  prng,
  randomSplitStep,
  start,
  textStep,
  texts,
} from "../../testing";
import { problemCases } from "./cases";
import { pickBranch, splitPercentages } from "./index";

describe("random split: compile problems", () => {
  it.each(problemCases)("$code: $what", expectProblemCase);

  it("outputs are labelled with their share", () => {
    const flow = compileOk(
      flowDoc([
        randomSplitStep("r", [
          { id: "a", label: "A", weight: 1 },
          { id: "b", label: "B", weight: 2 },
        ]),
      ]),
    );
    expect(Object.keys(flow.steps.r!.outputs)).toEqual(["branch:a", "branch:b"]);
  });
});

const flow = compileOk(
  flowDoc(
    [
      textStep("hello", "Hello"),
      randomSplitStep("r", [
        { id: "a", label: "A", weight: 1 },
        { id: "b", label: "B", weight: 3 },
      ]),
      textStep("ta", "Offer A"),
      textStep("tb", "Offer B"),
    ],
    [
      ["hello", "next", "r"],
      ["r", "branch:a", "ta"],
      ["r", "branch:b", "tb"],
    ],
  ),
);

const withRandom = (random: () => number) => ({ ...makeCtx(), random });

describe("random split: engine", () => {
  it.each([
    { r: 0, expected: "Offer A" },
    { r: 0.2499, expected: "Offer A" },
    { r: 0.25, expected: "Offer B" },
    { r: 0.9999, expected: "Offer B" },
  ])("a draw of $r goes to $expected", ({ r, expected }) => {
    const result = runEngine(
      flow,
      initialState(),
      start(),
      withRandom(() => r),
    );
    expect(texts(result.actions)).toEqual(["Hello", expected]);
    expect(result.events).toContainEqual({
      type: "split_chosen",
      stepId: "r",
      branchId: expected === "Offer A" ? "a" : "b",
    });
  });

  it("the choice is sticky: re-entering takes the same branch and reports nothing new", () => {
    const first = runEngine(
      flow,
      initialState(),
      start(),
      withRandom(() => 0.1),
    );
    expect(first.state.splits).toEqual({ r: "a" });
    // Stored and read back as JSON, as the core does.
    const stored = normalizeState(JSON.parse(JSON.stringify(first.state)));
    const again = runEngine(
      flow,
      stored,
      start(),
      withRandom(() => 0.9),
    );
    expect(texts(again.actions)).toEqual(["Hello", "Offer A"]);
    expect(again.events.some((e) => e.type === "split_chosen")).toBe(false);
  });

  it("a kept branch that no longer exists is drawn again", () => {
    const state: ConversationState = { ...initialState(), splits: { r: "gone" } };
    const result = runEngine(
      flow,
      state,
      start(),
      withRandom(() => 0.9),
    );
    expect(texts(result.actions)).toEqual(["Hello", "Offer B"]);
    expect(result.state.splits).toEqual({ r: "b" });
  });

  it("without a random source the engine stays deterministic (the first branch)", () => {
    const result = runEngine(flow, initialState(), start(), makeCtx());
    expect(texts(result.actions)).toEqual(["Hello", "Offer A"]);
  });

  it("a bad random source (NaN, 1) counts as 0", () => {
    for (const r of [Number.NaN, 1, -1]) {
      const result = runEngine(
        flow,
        initialState(),
        start(),
        withRandom(() => r),
      );
      expect(texts(result.actions)).toEqual(["Hello", "Offer A"]);
    }
  });

  it("weights 1:3 give about a quarter and three quarters (seeded)", () => {
    const random = prng(7).next;
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 4000; i++) {
      const result = runEngine(flow, initialState(), start(), withRandom(random));
      counts[result.state.splits?.r as "a" | "b"] += 1;
    }
    expect(counts.a + counts.b).toBe(4000);
    expect(counts.a / 4000).toBeGreaterThan(0.22);
    expect(counts.a / 4000).toBeLessThan(0.28);
  });
});

describe("random split: helpers", () => {
  it("pickBranch walks cumulative weights", () => {
    const bs = [
      { id: "a", label: "A", weight: 2 },
      { id: "b", label: "B", weight: 1 },
      { id: "c", label: "C", weight: 1 },
    ];
    expect([0, 0.49, 0.5, 0.74, 0.75, 0.99].map((r) => pickBranch(bs, r)?.id)).toEqual([
      "a",
      "a",
      "b",
      "b",
      "c",
      "c",
    ]);
  });

  it.each([
    { weights: [1, 1], expected: [50, 50] },
    { weights: [1, 1, 1], expected: [34, 33, 33] },
    { weights: [1, 3], expected: [25, 75] },
    { weights: [0, 0], expected: [0, 0] },
    { weights: [2, 1, 0], expected: [67, 33, 0] },
  ])("percentages of $weights are $expected", ({ weights, expected }) => {
    expect(splitPercentages(weights)).toEqual(expected);
  });
});

describe("normalizeState: splits", () => {
  it.each([
    { raw: {}, splits: undefined },
    { raw: { splits: { r: "a" } }, splits: { r: "a" } },
    { raw: { splits: { r: 1, s: "b" } }, splits: { s: "b" } },
    { raw: { splits: {} }, splits: undefined },
    { raw: { splits: ["a"] }, splits: undefined },
    { raw: { splits: "a" }, splits: undefined },
  ])("$raw -> $splits", ({ raw, splits }) => {
    expect(normalizeState(raw).splits).toEqual(splits);
  });
});
