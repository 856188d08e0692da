import { describe, expect, it } from "vitest";
import {
  type ConversationStatus,
  defaultEngineSettings,
  type EngineSettings,
  type InboundEvent,
  runEngine,
} from "../../index";
import {
  actionsOf,
  compileOk,
  expectProblemCase,
  flowDoc,
  makeCtx,
  press,
  routeStep,
  start,
  stateAt,
  text,
  textStep,
  texts,
} from "../../testing";
import { problemCases } from "./cases";

describe("route to operator: compile problems", () => {
  it.each(problemCases)("$code: $what", expectProblemCase);
});

const flow = compileOk(
  flowDoc(
    [
      textStep("hi", "Hi"),
      routeStep("r", "Connecting you…"),
      textStep("none", "Leave a message and we'll call back"),
      textStep("back", "The bot is back"),
      textStep("menu", "Menu", { aliases: ["/menu"] }),
    ],
    [
      ["hi", "next", "r"],
      ["r", "no_operator", "none"],
      ["r", "returned", "back"],
    ],
  ),
);

const operator = (over: Partial<EngineSettings["operator"]> = {}) => ({
  operator: { ...defaultEngineSettings.operator, ...over },
});
const waiting = stateAt("r", { waiting: true, pending: { kind: "operator", id: "r:1" }, seq: 1 });
const withOperator = (
  event: InboundEvent,
  settings = operator(),
  state = waiting,
  status: ConversationStatus = "operator",
) => runEngine(flow, state, event, makeCtx(settings, {}, { status }));

describe("route to operator: entering", () => {
  it("sends the text, hands over to a human and starts the maximum-wait timer", () => {
    const result = runEngine(flow, stateAt(null), start(), makeCtx(operator({ maxWaitMinutes: 5 })));
    expect(texts(result.actions)).toEqual(["Hi", "Connecting you…"]);
    expect(result.status).toBe("operator");
    expect(actionsOf(result.actions, "route_to_operator")).toEqual([
      { type: "route_to_operator", stepId: "r" },
    ]);
    expect(result.timers).toEqual([{ id: "r:1", stepId: "r", delayMs: 300_000 }]);
    expect(result.state).toMatchObject({
      stepId: "r",
      waiting: true,
      pending: { kind: "operator", id: "r:1" },
    });
    expect(result.events).toContainEqual({ type: "status_changed", from: "bot", to: "operator" });
  });

  it("no timer when the bot has no maximum waiting time", () => {
    const result = runEngine(flow, stateAt(null), start(), makeCtx(operator({ maxWaitMinutes: 0 })));
    expect(result.timers).toEqual([]);
    expect(result.state.pending).toEqual({ kind: "operator", id: "r:1" });
  });
});

describe("route to operator: what happens next", () => {
  const texts6 = defaultEngineSettings.operator.texts;
  const cases: {
    what: string;
    event: InboundEvent;
    settings?: ReturnType<typeof operator>;
    status: ConversationStatus;
    sent: string[];
    stepId: string | null;
    released?: string;
    cancelled: string[];
  }[] = [
    {
      what: "nobody can take it: no-operator text, no_operator output",
      event: { type: "operator_unavailable" },
      status: "bot",
      sent: [texts6.noOperator, "Leave a message and we'll call back"],
      stepId: "none",
      cancelled: ["r:1"],
    },
    {
      what: "the maximum waiting time passed: that text, leaves the queue, no_operator",
      event: { type: "timer", timerId: "r:1", stepId: "r" },
      status: "bot",
      sent: [texts6.afterMaxWait, "Leave a message and we'll call back"],
      stepId: "none",
      released: "timeout",
      cancelled: [],
    },
    {
      what: "an operator joins: connected (a sentence of its own) + how to end, timer cancelled",
      event: { type: "operator_joined", operatorName: "Julia" },
      status: "operator",
      sent: ["Connected to chat. Please start messaging!", texts6.howToEnd],
      stepId: "r",
      cancelled: ["r:1"],
    },
    {
      what: "an operator joins with show-name on: prefixed with the name",
      event: { type: "operator_joined", operatorName: "Julia" },
      settings: operator({ showOperatorName: true }),
      status: "operator",
      sent: [`Julia ${texts6.connected}`, texts6.howToEnd],
      stepId: "r",
      cancelled: ["r:1"],
    },
    {
      what: "the user types /end: completed, closed",
      event: text("/END"),
      status: "closed",
      sent: [texts6.completed],
      stepId: null,
      released: "user_ended",
      cancelled: ["r:1"],
    },
    {
      what: "the operator closes: completed, closed",
      event: { type: "operator_closed" },
      status: "closed",
      sent: [texts6.completed],
      stepId: null,
      released: "closed",
      cancelled: ["r:1"],
    },
    {
      what: "silence for the dialog close time: completed, closed (released as idle)",
      event: { type: "operator_closed", reason: "idle" },
      status: "closed",
      sent: [texts6.completed],
      stepId: null,
      released: "idle",
      cancelled: ["r:1"],
    },
    {
      what: "handed back to the bot: the returned output",
      event: { type: "operator_returned" },
      status: "bot",
      sent: ["The bot is back"],
      stepId: "back",
      released: "returned",
      cancelled: ["r:1"],
    },
    {
      what: "handed back at a chosen step",
      event: { type: "operator_returned", targetStepId: "menu" },
      status: "bot",
      sent: ["Menu"],
      stepId: "menu",
      released: "returned",
      cancelled: ["r:1"],
    },
    {
      what: "user text while with an operator: the flow stays silent",
      event: text("/menu"),
      status: "operator",
      sent: [],
      stepId: "r",
      cancelled: [],
    },
    {
      what: "a stale timer is ignored",
      event: { type: "timer", timerId: "r:0", stepId: "r" },
      status: "operator",
      sent: [],
      stepId: "r",
      cancelled: [],
    },
  ];

  it.each(cases)("$what", ({ event, settings, status, sent, stepId, released, cancelled }) => {
    const result = withOperator(event, settings);
    expect(texts(result.actions)).toEqual(sent);
    expect(result.status).toBe(status);
    expect(result.state.stepId).toBe(stepId);
    expect(actionsOf(result.actions, "release_operator").map((a) => a.reason)).toEqual(
      released ? [released] : [],
    );
    expect(result.cancelTimers).toEqual(cancelled);
  });

  it("a button press while with an operator only stops the spinner", () => {
    const result = withOperator(press("x:y", "cq9"));
    expect(result.actions).toEqual([{ type: "answer_callback", callbackQueryId: "cq9" }]);
  });

  it("after /end the next message starts the flow again", () => {
    const ended = withOperator(text("/end"));
    const next = runEngine(flow, ended.state, text("hello"), makeCtx({}, {}, { status: ended.status }));
    expect(next.status).toBe("operator");
    expect(texts(next.actions)).toEqual(["Hi", "Connecting you…"]);
  });

  it.each(["operator_joined", "operator_closed", "operator_returned", "operator_unavailable"] as const)(
    "%s for a conversation already back with the bot is stale",
    (type) => {
      const event = (type === "operator_joined" ? { type, operatorName: "J" } : { type }) as InboundEvent;
      const result = withOperator(event, operator(), stateAt("back"), "bot");
      expect(result.actions).toEqual([]);
      expect(result.status).toBe("bot");
    },
  );
});
