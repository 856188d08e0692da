import { describe, expect, it } from "vitest";
import { runEngine } from "../../index";
import {
  actionsOf,
  compileOk,
  drive,
  expectProblemCase,
  flowDoc,
  loginStep,
  makeCtx,
  sends,
  start,
  stateAt,
  text,
  textStep,
  texts,
} from "../../testing";
import { problemCases } from "./cases";

describe("login: compile problems", () => {
  it.each(problemCases)("$code: $what", expectProblemCase);
});

describe("login: engine", () => {
  const flow = compileOk(
    flowDoc(
      [
        loginStep("l", "Please log in", { timeout: { amount: 10, unit: "minutes" } }),
        textStep("in", "Welcome back"),
        textStep("out", "Try again later"),
        textStep("menu", "Menu", { aliases: ["/menu"] }),
      ],
      [
        ["l", "success", "in"],
        ["l", "failure", "out"],
      ],
    ),
  );

  it("sends the text with a login button, mints the link, and waits with a timeout", () => {
    const result = runEngine(flow, stateAt(null), start(), makeCtx());
    expect(actionsOf(result.actions, "start_login")).toEqual([
      { type: "start_login", stepId: "l", loginId: "l:1" },
    ]);
    expect(sends(result.actions)[0]).toMatchObject({
      text: "Please log in",
      keyboard: { kind: "inline", rows: [[{ label: "🔐 Log in", loginId: "l:1" }]] },
    });
    expect(result.timers).toEqual([{ id: "l:1", stepId: "l", delayMs: 600_000 }]);
    expect(result.state.pending).toEqual({ kind: "login", id: "l:1" });
  });

  it.each([
    [
      "logged in",
      { type: "login_result", loginId: "l:1", ok: true },
      ["You're logged in ✅", "Welcome back"],
      ["l:1"],
    ],
    [
      "refused",
      { type: "login_result", loginId: "l:1", ok: false },
      ["We couldn't log you in.", "Try again later"],
      ["l:1"],
    ],
    [
      "timed out",
      { type: "timer", timerId: "l:1", stepId: "l" },
      ["We couldn't log you in.", "Try again later"],
      [],
    ],
    ["another login's result (stale)", { type: "login_result", loginId: "l:7", ok: true }, [], []],
    ["typing instead", text("hello"), [], []],
    ["an alias leaves the step", text("/menu"), ["Menu"], ["l:1"]],
  ] as const)("%s", (_what, event, sent, cancelled) => {
    const { last } = drive(flow, [start(), event]);
    expect(texts(last.actions)).toEqual(sent);
    expect(last.cancelTimers).toEqual(cancelled);
  });
});
