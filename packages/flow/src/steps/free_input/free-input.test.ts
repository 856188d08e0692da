import { describe, expect, it } from "vitest";
import {
  compileOk,
  drive,
  expectProblemCase,
  flowDoc,
  freeInputStep,
  start,
  text,
  textStep,
  texts,
} from "../../testing";
import { problemCases } from "./cases";

describe("free input: compile problems", () => {
  it.each(problemCases)("$code: $what", expectProblemCase);
});

describe("free input: timeout", () => {
  const flow = compileOk(
    flowDoc(
      [
        freeInputStep("f", "Email?", "email", {
          validation: { kind: "email" },
          timeout: { amount: 1, unit: "days" },
        }),
        textStep("ok", "Saved {{vars.email}}"),
        textStep("late", "We'll ask later"),
      ],
      [
        ["f", "next", "ok"],
        ["f", "timeout", "late"],
      ],
    ),
  );

  it.each([
    ["a valid answer: next, timer cancelled", [text("a@b.co")], ["Saved a@b.co"], ["f:1"]],
    [
      "an invalid answer: retry, timer kept",
      [text("nope")],
      ["That doesn't look right. Please try again."],
      [],
    ],
    [
      "no answer: the timeout output",
      [{ type: "timer", timerId: "f:1", stepId: "f" } as const],
      ["We'll ask later"],
      [],
    ],
  ] as const)("%s", (_what, events, sent, cancelled) => {
    const { last } = drive(flow, [start(), ...events]);
    expect(texts(last.actions)).toEqual(sent);
    expect(last.cancelTimers).toEqual(cancelled);
  });
});
