import { describe, expect, it } from "vitest";
import {
  compileOk,
  delayStep,
  drive,
  expectProblemCase,
  flowDoc,
  start,
  stateAt,
  text,
  textStep,
  texts,
} from "../../testing";
import { problemCases } from "./cases";
import { delayMs } from "./index";

describe("delay: compile problems", () => {
  it.each(problemCases)("$code: $what", expectProblemCase);

  it.each([
    [{ amount: 1, unit: "seconds" }, 1_000],
    [{ amount: 365, unit: "days" }, 365 * 86_400_000],
    [{ amount: 8760, unit: "hours" }, 365 * 86_400_000],
  ] as const)("%o is allowed (%i ms)", (config, ms) => {
    expect(delayMs(config)).toBe(ms);
    compileOk(flowDoc([delayStep("d", config), textStep("t", "Hi")], [["d", "next", "t"]]));
  });
});

const flowWith = (allowAliases: boolean) =>
  compileOk(
    flowDoc(
      [
        textStep("a", "Wait for it"),
        delayStep("d", { amount: 2, unit: "minutes", allowAliases }),
        textStep("t", "Time's up"),
        textStep("help", "Help here", { aliases: ["help"] }),
      ],
      [
        ["a", "next", "d"],
        ["d", "next", "t"],
      ],
    ),
  );

describe("delay: engine", () => {
  it("starts a durable timer, waits, then continues through next when it fires", () => {
    const flow = flowWith(false);
    const { results, last } = drive(flow, [start(), { type: "timer", timerId: "d:1", stepId: "d" }]);
    expect(results[0]!.timers).toEqual([{ id: "d:1", stepId: "d", delayMs: 120_000 }]);
    expect(results[0]!.state).toMatchObject({
      stepId: "d",
      waiting: true,
      pending: { kind: "delay", id: "d:1" },
    });
    expect(texts(results[0]!.actions)).toEqual(["Wait for it"]);
    expect(texts(last.actions)).toEqual(["Time's up"]);
    expect(last.cancelTimers).toEqual([]);
    expect(last.state.pending).toBeNull();
  });

  it.each([
    ["plain text is ignored", false, "hello", [], []],
    ["an alias is ignored when aliases may not interrupt", false, "help", [], []],
    ["an alias jumps (and cancels the timer) when they may", true, "help", ["Help here"], ["d:1"]],
    ["plain text is ignored even when aliases may interrupt", true, "hello", [], []],
  ])("%s", (_what, allowAliases, message, sent, cancelled) => {
    const flow = flowWith(allowAliases);
    const waiting = stateAt("d", { waiting: true, pending: { kind: "delay", id: "d:1" }, seq: 1 });
    const { last } = drive(flow, [text(message)], waiting);
    expect(texts(last.actions)).toEqual(sent);
    expect(last.cancelTimers).toEqual(cancelled);
    if (!sent.length) expect(last.state).toMatchObject({ stepId: "d", waiting: true });
  });

  it("a stale timer (another id) does nothing; /start restarts and cancels the delay", () => {
    const flow = flowWith(false);
    const waiting = stateAt("d", { waiting: true, pending: { kind: "delay", id: "d:1" }, seq: 1 });
    const stale = drive(flow, [{ type: "timer", timerId: "d:0", stepId: "d" }], waiting).last;
    expect(stale.actions).toEqual([]);
    const restarted = drive(flow, [text("/start")], waiting).last;
    expect(texts(restarted.actions)).toEqual(["Wait for it"]);
    expect(restarted.cancelTimers).toEqual(["d:1"]);
  });
});
