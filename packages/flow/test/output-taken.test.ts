import { describe, expect, it } from "vitest";
import { type EngineEvent, runEngine } from "../src/index";
import {
  buttonsStep,
  compileOk,
  drive,
  flowDoc,
  freeInputStep,
  goto,
  makeCtx,
  press,
  start,
  stateAt,
  text,
  textStep,
} from "../src/testing";

/** The `output_taken` events of a run, as "step.output->target" for short assertions. */
const taken = (events: EngineEvent[]) =>
  events.flatMap((e) => (e.type === "output_taken" ? [`${e.stepId}.${e.output}->${e.targetStepId}`] : []));

describe("output_taken: which output a step was left through (canvas analytics)", () => {
  // Two buttons lead to the same step: only the handler knows which one was pressed.
  const flow = compileOk(
    flowDoc(
      [
        textStep("hi", "Hi"),
        buttonsStep("menu", "Pick", [goto("a", "A"), goto("b", "B"), goto("c", "C")], {
          timeout: { amount: 1, unit: "hours" },
        }),
        textStep("same", "Same place", { aliases: ["menu please"] }),
        freeInputStep("ask", "Your email?", "email", { validation: { kind: "email" } }),
      ],
      [
        ["hi", "next", "menu"],
        ["menu", "button:a", "same"],
        ["menu", "button:b", "same"],
        ["menu", "button:c", "ask"],
      ],
    ),
  );

  it("a step that runs straight through reports its Next", () => {
    const result = runEngine(flow, stateAt(null), start(), makeCtx());
    expect(taken(result.events)).toEqual(["hi.next->menu"]);
  });

  it("two buttons to the same step are told apart", () => {
    const { results } = drive(flow, [start(), press("menu:b")]);
    expect(taken(results[1]!.events)).toEqual(["menu.button:b->same", "same.next->null"]);
  });

  it("an output left unconnected is reported with no target (the conversation ends there)", () => {
    const { results } = drive(flow, [start(), press("menu:c"), text("ann@example.com")]);
    expect(taken(results[2]!.events)).toEqual(["ask.next->null"]);
  });

  it("the engine's own timeout output is reported", () => {
    const { results } = drive(flow, [start(), { type: "timer", timerId: "menu:1", stepId: "menu" }]);
    expect(taken(results[1]!.events)).toEqual(["menu.timeout->null"]);
  });

  it("a jump by alias follows no output", () => {
    const { results } = drive(flow, [start(), text("menu please")]);
    expect(taken(results[1]!.events)).toEqual(["same.next->null"]);
  });

  it("a rejected answer stays: nothing taken", () => {
    const { results } = drive(flow, [start(), press("menu:c"), text("not an email")]);
    expect(taken(results[1]!.events)).toEqual(["menu.button:c->ask"]);
    expect(taken(results[2]!.events)).toEqual([]);
  });

  it("a step skipped by its audience leaves through its fallback", () => {
    const vipOnly = { rules: [{ kind: "tag", op: "has", tag: "VIP" }] };
    const gated = compileOk(
      flowDoc(
        [textStep("offer", "VIP", { audience: vipOnly }), textStep("regular", "Regular")],
        [["offer", "fallback", "regular"]],
      ),
    );
    const result = runEngine(gated, stateAt(null), start(), makeCtx());
    expect(taken(result.events)).toEqual(["offer.fallback->regular", "regular.next->null"]);
  });
});
