import { describe, expect, it } from "vitest";
import { initialState, runEngine } from "../../index";
import {
  actionsOf,
  compileOk,
  expectProblemCase,
  flowDoc,
  makeCtx,
  setValuesStep,
  start,
  textStep,
  texts,
} from "../../testing";
import { problemCases } from "./cases";
import { applyArithmetic, setValuesStep as definition, formatNumber } from "./index";

describe("set values: compile problems", () => {
  it.each(problemCases)("$code: $what", expectProblemCase);

  it("declares the variables it writes, so later templates are not flagged", () => {
    expect(
      definition.writesVariables({
        operations: [
          { kind: "set", target: "vars.plan", value: "x" },
          { kind: "set", target: "fields.size", value: "x" },
          { kind: "add", variable: "visits", amount: "1" },
          { kind: "add_tags", tags: ["a"] },
        ],
      }),
    ).toEqual(["plan", "visits"]);
  });
});

/** Runs one Set values step (then a text showing `show`) from a state with these vars. */
function run(operations: unknown[], vars: Record<string, string> = {}, show = "") {
  const flow = compileOk(
    flowDoc([setValuesStep("s", operations), textStep("t", show || "done")], [["s", "next", "t"]]),
  );
  return runEngine(flow, { ...initialState(), vars }, start(), makeCtx());
}

describe("set values: arithmetic", () => {
  it.each([
    { what: "add to a number", current: "2", kind: "add", amount: "3", result: "5" },
    { what: "add to nothing (0)", current: undefined, kind: "add", amount: "1", result: "1" },
    { what: "add to a word (0)", current: "many", kind: "add", amount: "1", result: "1" },
    { what: "subtract", current: "10", kind: "subtract", amount: "4", result: "6" },
    { what: "subtract below zero", current: "1", kind: "subtract", amount: "3", result: "-2" },
    { what: "decimals without float noise", current: "0.1", kind: "add", amount: "0.2", result: "0.3" },
    { what: "decimal comma", current: "1,5", kind: "add", amount: "1", result: "2.5" },
  ] as const)("$what", ({ current, kind, amount, result }) => {
    const vars: Record<string, string> = current === undefined ? {} : { n: current };
    const out = run([{ kind, variable: "n", amount }], vars);
    expect(out.state.vars.n).toBe(result);
    expect(out.events).toContainEqual({ type: "variable_set", name: "n", value: result });
  });

  it("a templated amount", () => {
    expect(
      run([{ kind: "add", variable: "n", amount: "{{vars.step}}" }], { n: "1", step: "4" }).state.vars.n,
    ).toBe("5");
  });

  it("a templated amount that is not a number changes nothing", () => {
    const out = run([{ kind: "add", variable: "n", amount: "{{vars.step}}" }], { n: "1", step: "x" });
    expect(out.state.vars.n).toBe("1");
  });

  it("formats plain numbers", () => {
    expect(formatNumber(1e21)).toBe("1e+21"); // beyond what counters reach; still a valid number
    expect(formatNumber(-0)).toBe("0");
    expect(applyArithmetic("", "subtract", 2)).toBe("-2");
  });
});

describe("set values: variables and the contact", () => {
  it("sets variables from templates; later operations and steps see them", () => {
    const out = run(
      [
        { kind: "set", target: "vars.first", value: "Hi {{name}}" },
        { kind: "set", target: "vars.second", value: "{{vars.first}}!" },
      ],
      {},
      "{{vars.second}}",
    );
    expect(out.state.vars).toMatchObject({ first: "Hi Ann", second: "Hi Ann!" });
    expect(texts(out.actions)).toEqual(["Hi Ann!"]);
    expect(actionsOf(out.actions, "update_contact")).toEqual([]);
  });

  it("contact fields and tags go out as one update_contact; later steps see them", () => {
    const out = run(
      [
        { kind: "set", target: "contact.city", value: " Kyiv " },
        { kind: "set", target: "contact.phone", value: "+44 20 7946 0958" },
        { kind: "set", target: "fields.size", value: "{{vars.pick}}" },
        { kind: "add_tags", tags: ["lead", "cold"] },
        { kind: "remove_tags", tags: ["Cold", "new"] },
      ],
      { pick: "L" },
      "{{fields.size}}",
    );
    expect(actionsOf(out.actions, "update_contact")).toEqual([
      {
        type: "update_contact",
        stepId: "s",
        set: { city: "Kyiv", phone: "+442079460958" },
        fields: { size: "L" },
        addTags: ["lead"],
        removeTags: ["Cold", "new"],
      },
    ]);
    expect(texts(out.actions)).toEqual(["L"]);
  });

  it("a templated phone that is not a number is not saved", () => {
    const out = run([{ kind: "set", target: "contact.phone", value: "{{vars.p}}" }], { p: "call me" });
    expect(actionsOf(out.actions, "update_contact")).toEqual([]);
  });

  it("does not wait: goes straight on", () => {
    const out = run([{ kind: "set", target: "vars.a", value: "1" }]);
    expect(out.state).toMatchObject({ stepId: "t", waiting: false });
  });
});
