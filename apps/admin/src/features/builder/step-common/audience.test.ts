import type { Audience, AudienceRule, CustomFieldDefinition } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import {
  audienceSummary,
  describeRule,
  needsValue,
  operatorLabel,
  operatorsFor,
  RULE_CHOICES,
  ruleChoiceOf,
  ruleError,
  ruleForChoice,
  withRule,
  withRuleField,
} from "./audience";

const size: CustomFieldDefinition = { key: "size", label: "Company size", type: "number", options: [] };
const plan: CustomFieldDefinition = { key: "plan", label: "Plan", type: "choice", options: ["Free", "Pro"] };
const since: CustomFieldDefinition = { key: "since", label: "Customer since", type: "date", options: [] };
const fields = [size, plan, since];

const vip: AudienceRule = { kind: "tag", op: "has", tag: "vip" };
const city: AudienceRule = {
  kind: "field",
  field: { kind: "contact", key: "city" },
  op: "equals",
  value: "Berlin",
};
const loggedIn: AudienceRule = { kind: "logged_in", value: true };

describe("rule choices", () => {
  it("round-trips every choice", () => {
    for (const { value } of RULE_CHOICES) expect(ruleChoiceOf(ruleForChoice(value))).toBe(value);
  });

  it("keeps the tag when switching between has and has not", () => {
    expect(ruleForChoice("tag_has_not", vip)).toEqual({ kind: "tag", op: "has_not", tag: "vip" });
  });

  it("keeps a field rule as it is, and starts a new one on a built-in field", () => {
    expect(ruleForChoice("field", city)).toBe(city);
    expect(ruleForChoice("field", vip)).toMatchObject({ kind: "field", op: "equals", value: "" });
  });

  it("folds logged in / not logged in into the choice", () => {
    expect(ruleForChoice("not_logged_in")).toEqual({ kind: "logged_in", value: false });
    expect(ruleChoiceOf(loggedIn)).toBe("logged_in");
  });
});

describe("operators", () => {
  it("offers comparisons for numbers and dates, not for text or choices", () => {
    expect(operatorsFor(size)).toContain("greater_than");
    expect(operatorsFor(since)).toContain("less_than");
    expect(operatorsFor(undefined)).not.toContain("greater_than");
    expect(operatorsFor(plan)).toEqual(["equals", "not_equals", "is_set", "is_not_set"]);
  });

  it("says before/after for dates", () => {
    expect(operatorLabel("greater_than", since)).toBe("is after");
    expect(operatorLabel("greater_than", size)).toBe("is greater than");
  });

  it("knows which operators compare with a value", () => {
    expect(needsValue("contains")).toBe(true);
    expect(needsValue("is_set")).toBe(false);
  });

  it("resets an operator the new field doesn't offer", () => {
    const bigger = {
      kind: "field",
      field: { kind: "custom", key: "size" },
      op: "greater_than",
      value: "10",
    } as const;
    expect(withRuleField(bigger, { kind: "contact", key: "city" }, fields)).toMatchObject({ op: "equals" });
    expect(withRuleField(bigger, { kind: "custom", key: "since" }, fields)).toMatchObject({
      op: "greater_than",
    });
  });
});

describe("withRule", () => {
  it("starts a filter with the first rule, matching all", () => {
    expect(withRule(undefined, 0, vip)).toEqual({ match: "all", rules: [vip] });
  });

  it("adds, replaces and removes rules, keeping the match", () => {
    const any: Audience = { match: "any", rules: [vip] };
    const two = withRule(any, 1, city);
    expect(two).toEqual({ match: "any", rules: [vip, city] });
    expect(withRule(two, 0, loggedIn)).toEqual({ match: "any", rules: [loggedIn, city] });
    expect(withRule(two, 0, null)).toEqual({ match: "any", rules: [city] });
  });

  it("drops the filter with its last rule", () => {
    expect(withRule({ match: "any", rules: [vip] }, 0, null)).toBeUndefined();
  });
});

describe("describing rules", () => {
  it.each([
    [vip, "has tag vip"],
    [{ ...vip, op: "has_not", tag: " " }, "doesn't have tag …"],
    [city, "City is Berlin"],
    [{ ...city, op: "is_set" }, "City is filled in"],
    [
      { kind: "field", field: { kind: "custom", key: "since" }, op: "less_than", value: "2026-01-01" },
      "Customer since is before 2026-01-01",
    ],
    [{ kind: "field", field: { kind: "custom", key: "gone" }, op: "equals", value: "x" }, "gone is x"],
    [{ kind: "logged_in", value: false }, "is not logged in"],
  ] as [AudienceRule, string][])("%j → %s", (rule, text) => {
    expect(describeRule(rule, fields)).toBe(text);
  });

  it("summarizes one rule as itself, several by count", () => {
    expect(audienceSummary({ match: "all", rules: [vip] }, fields)).toBe("has tag vip");
    expect(audienceSummary({ match: "any", rules: [vip, city] }, fields)).toBe("any of 2 rules");
  });

  it("asks for a tag", () => {
    expect(ruleError({ kind: "tag", op: "has", tag: "  " })).toBe("Enter the tag.");
    expect(ruleError(vip)).toBeUndefined();
    expect(ruleError(city)).toBeUndefined();
  });
});
