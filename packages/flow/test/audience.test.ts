import { describe, expect, it } from "vitest";
import {
  type AudienceRule,
  audienceMatches,
  type ContactFacts,
  compileDraft,
  emptyContactFacts,
  runEngine,
  stepOutputs,
} from "../src/index";
import {
  compileOk,
  flowDoc,
  makeCtx,
  start,
  stateAt,
  textStep,
  texts,
  updateContactStep,
} from "../src/testing";

const contact = (over: Partial<ContactFacts> = {}): ContactFacts => ({
  ...emptyContactFacts(),
  firstName: "Ann",
  city: "Kyiv",
  tags: ["VIP", "lead"],
  fields: { age: "42", plan: "Pro", since: "2026-03-01" },
  ...over,
});
const field = (key: string, op: string, value = ""): AudienceRule =>
  ({
    kind: "field",
    field: ["first_name", "last_name", "email", "phone", "city", "language"].includes(key)
      ? { kind: "contact", key }
      : { kind: "custom", key },
    op,
    value,
  }) as AudienceRule;

describe("audience rules", () => {
  const cases: [string, AudienceRule, boolean][] = [
    ["has tag (any case)", { kind: "tag", op: "has", tag: "vip" }, true],
    ["has a missing tag", { kind: "tag", op: "has", tag: "cold" }, false],
    ["has not a missing tag", { kind: "tag", op: "has_not", tag: "cold" }, true],
    ["city equals (trimmed, any case)", field("city", "equals", " kyiv "), true],
    ["city not equals", field("city", "not_equals", "Lviv"), true],
    ["plan contains", field("plan", "contains", "pr"), true],
    ["contains nothing", field("plan", "contains", ""), false],
    ["email is set", field("email", "is_set"), false],
    ["email is not set", field("email", "is_not_set"), true],
    ["age greater than 40 (numbers)", field("age", "greater_than", "40"), true],
    ["age less than 9 (numbers, not text)", field("age", "less_than", "9"), false],
    ["date after (ISO text order)", field("since", "greater_than", "2026-01-15"), true],
    ["an unset field is not greater", field("missing", "greater_than", "1"), false],
    ["logged in", { kind: "logged_in", value: true }, false],
    ["not logged in", { kind: "logged_in", value: false }, true],
  ];
  it.each(cases)("%s", (_what, rule, expected) => {
    expect(audienceMatches({ match: "all", rules: [rule] }, contact())).toBe(expected);
  });

  it("all vs any", () => {
    const rules: AudienceRule[] = [
      { kind: "tag", op: "has", tag: "VIP" },
      { kind: "logged_in", value: true },
    ];
    expect(audienceMatches({ match: "all", rules }, contact())).toBe(false);
    expect(audienceMatches({ match: "any", rules }, contact())).toBe(true);
  });

  it("no rules: everybody", () => {
    expect(audienceMatches({ match: "all", rules: [] }, contact())).toBe(true);
    expect(audienceMatches(undefined, contact())).toBe(true);
  });
});

describe("audience in flows", () => {
  const vipOnly = { rules: [{ kind: "tag", op: "has", tag: "VIP" }] };
  const flow = compileOk(
    flowDoc(
      [
        textStep("offer", "VIP offer", { audience: vipOnly }),
        textStep("regular", "Regular offer"),
        textStep("end", "Bye"),
      ],
      [
        ["offer", "next", "end"],
        ["offer", "fallback", "regular"],
      ],
    ),
  );

  it("a step with rules gets a fallback output; without rules it has none", () => {
    expect(
      stepOutputs({ type: "text", config: { text: "x" }, audience: vipOnly as never }).map((o) => o.handle),
    ).toEqual(["next", "fallback"]);
    expect(
      stepOutputs({ type: "text", config: { text: "x" }, audience: { match: "all", rules: [] } }).map(
        (o) => o.handle,
      ),
    ).toEqual(["next"]);
  });

  it("a contact in the audience enters the step", () => {
    const result = runEngine(flow, stateAt(null), start(), makeCtx({}, {}, { contact: { tags: ["vip"] } }));
    expect(texts(result.actions)).toEqual(["VIP offer", "Bye"]);
  });

  it("a contact outside goes to the fallback", () => {
    const result = runEngine(flow, stateAt(null), start(), makeCtx());
    expect(texts(result.actions)).toEqual(["Regular offer"]);
    expect(result.events).toContainEqual({ type: "audience_skipped", stepId: "offer" });
  });

  it("a fallback left unconnected ends the conversation quietly", () => {
    const alone = compileOk(flowDoc([textStep("offer", "VIP offer", { audience: vipOnly })]));
    const result = runEngine(alone, stateAt(null), start(), makeCtx());
    expect(result.actions).toEqual([]);
    expect(result.state.waiting).toBe(false);
  });

  it("a value saved earlier in the same event counts (Update contact, then a filtered step)", () => {
    const cityFlow = compileOk(
      flowDoc(
        [
          updateContactStep("u", "City?", { field: { kind: "contact", key: "city" } }),
          textStep("kyiv", "Hi Kyiv", {
            audience: {
              rules: [
                { kind: "field", field: { kind: "contact", key: "city" }, op: "equals", value: "Kyiv" },
              ],
            },
          }),
          textStep("other", "Hi elsewhere"),
        ],
        [
          ["u", "next", "kyiv"],
          ["kyiv", "fallback", "other"],
        ],
      ),
    );
    const at = stateAt("u", { waiting: true });
    expect(texts(runEngine(cityFlow, at, { type: "text", text: "Kyiv" }, makeCtx()).actions)).toEqual([
      "Hi Kyiv",
    ]);
    expect(texts(runEngine(cityFlow, at, { type: "text", text: "Lviv" }, makeCtx()).actions)).toEqual([
      "Hi elsewhere",
    ]);
  });

  it("the audience is kept in the compiled step", () => {
    const result = compileDraft(flowDoc([textStep("offer", "VIP offer", { audience: vipOnly })]));
    expect(result.flow?.steps.offer?.audience).toEqual({
      match: "all",
      rules: [{ kind: "tag", op: "has", tag: "VIP" }],
    });
  });
});
