import { describe, expect, it } from "vitest";
import { type ContactFacts, initialState, runEngine } from "../../index";
import {
  compileOk,
  conditionStep,
  expectProblemCase,
  flowDoc,
  makeCtx,
  type RawBranch,
  type RawRule,
  start,
  textStep,
  texts,
} from "../../testing";
import { problemCases } from "./cases";

describe("condition: compile problems", () => {
  it.each(problemCases)("$code: $what", expectProblemCase);

  it("a valid condition compiles with one output per branch plus else", () => {
    const flow = compileOk(
      flowDoc(
        [
          conditionStep("c", [
            { id: "a", name: "VIP", rules: [{ subject: "tags", op: "contains", value: "vip" }] },
            { id: "b", name: "Known", rules: [{ subject: "contact.email", op: "is_set" }] },
          ]),
          textStep("t", "x"),
        ],
        [["c", "branch:a", "t"]],
      ),
    );
    expect(flow.steps.c!.outputs).toEqual({ "branch:a": "t", "branch:b": null, else: null });
  });

  it("the compiled flow keeps the definitions of the custom fields the rules read", () => {
    const size = { key: "size", label: "Size", type: "text" as const, options: [] };
    const flow = compileOk(
      flowDoc([
        conditionStep("c", [{ id: "a", name: "A", rules: [{ subject: "fields.size", op: "is_set" }] }]),
      ]),
      { customFields: [size, { ...size, key: "other" }] },
    );
    expect(flow.contactFields).toEqual({ size });
  });
});

interface World {
  vars?: Record<string, string>;
  contact?: Partial<ContactFacts>;
  tracker?: Record<string, string>;
  bot?: Record<string, string>;
}

/** Runs a Condition with these branches; returns the text of the output taken ("else" when none). */
function taken(branches: RawBranch[], world: World = {}): string {
  const steps = [
    conditionStep("c", branches),
    ...branches.map((b) => textStep(b.id, b.id)),
    textStep("el", "else"),
  ];
  const edges: [string, string, string][] = [
    ...branches.map((b): [string, string, string] => ["c", `branch:${b.id}`, b.id]),
    ["c", "else", "el"],
  ];
  const flow = compileOk(flowDoc(steps, edges));
  const ctx = makeCtx(
    {},
    { tracker: world.tracker ?? {}, bot: world.bot ?? {} },
    { contact: world.contact ?? {} },
  );
  const result = runEngine(flow, { ...initialState(), vars: world.vars ?? {} }, start(), ctx);
  return texts(result.actions).join("|");
}

const one = (rule: RawRule, world: World = {}) =>
  taken([{ id: "yes", name: "Yes", rules: [rule] }], world) === "yes";

describe("condition: operators", () => {
  const cases: { what: string; rule: RawRule; world?: World; holds: boolean }[] = [
    {
      what: "equals, ignoring case and spaces",
      rule: { subject: "vars.a", op: "equals", value: "Yes" },
      world: { vars: { a: " yes " } },
      holds: true,
    },
    {
      what: "equals, different",
      rule: { subject: "vars.a", op: "equals", value: "no" },
      world: { vars: { a: "yes" } },
      holds: false,
    },
    {
      what: "equals a template",
      rule: { subject: "vars.a", op: "equals", value: "{{vars.b}}" },
      world: { vars: { a: "x", b: "X" } },
      holds: true,
    },
    {
      what: "not_equals",
      rule: { subject: "vars.a", op: "not_equals", value: "no" },
      world: { vars: { a: "yes" } },
      holds: true,
    },
    {
      what: "not_equals, same",
      rule: { subject: "vars.a", op: "not_equals", value: "YES" },
      world: { vars: { a: "yes" } },
      holds: false,
    },
    {
      what: "contains",
      rule: { subject: "contact.email", op: "contains", value: "@ACME" },
      world: { contact: { email: "bo@acme.com" } },
      holds: true,
    },
    {
      what: "contains, absent",
      rule: { subject: "contact.email", op: "contains", value: "@gmail" },
      world: { contact: { email: "bo@acme.com" } },
      holds: false,
    },
    {
      what: "not_contains",
      rule: { subject: "contact.email", op: "not_contains", value: "@gmail" },
      world: { contact: { email: "bo@acme.com" } },
      holds: true,
    },
    {
      what: "starts_with",
      rule: { subject: "contact.phone", op: "starts_with", value: "+44" },
      world: { contact: { phone: "+4420" } },
      holds: true,
    },
    {
      what: "starts_with, no",
      rule: { subject: "contact.phone", op: "starts_with", value: "+1" },
      world: { contact: { phone: "+4420" } },
      holds: false,
    },
    {
      what: "greater, numerically (10 > 9)",
      rule: { subject: "vars.n", op: "greater", value: "9" },
      world: { vars: { n: "10" } },
      holds: true,
    },
    {
      what: "greater, decimal comma",
      rule: { subject: "vars.n", op: "greater", value: "2,5" },
      world: { vars: { n: "2.75" } },
      holds: true,
    },
    {
      what: "greater, equal is not greater",
      rule: { subject: "vars.n", op: "greater", value: "10" },
      world: { vars: { n: "10" } },
      holds: false,
    },
    {
      what: "less, numerically (9 < 10)",
      rule: { subject: "vars.n", op: "less", value: "10" },
      world: { vars: { n: "9" } },
      holds: true,
    },
    {
      what: "less, unset value",
      rule: { subject: "vars.n", op: "less", value: "10" },
      world: {},
      holds: false,
    },
    {
      what: "less, ISO dates as text",
      rule: { subject: "vars.d", op: "less", value: "2026-02-01" },
      world: { vars: { d: "2026-01-31" } },
      holds: true,
    },
    { what: "is_set", rule: { subject: "vars.a", op: "is_set" }, world: { vars: { a: "x" } }, holds: true },
    {
      what: "is_set, blank",
      rule: { subject: "vars.a", op: "is_set" },
      world: { vars: { a: "  " } },
      holds: false,
    },
    { what: "is_empty, unset", rule: { subject: "vars.a", op: "is_empty" }, world: {}, holds: true },
    {
      what: "matches (search)",
      rule: { subject: "vars.code", op: "matches", value: "^[A-Z]{3}-\\d+$" },
      world: { vars: { code: "ABC-123" } },
      holds: true,
    },
    {
      what: "matches, no match",
      rule: { subject: "vars.code", op: "matches", value: "^[A-Z]{3}-\\d+$" },
      world: { vars: { code: "abc-123" } },
      holds: false,
    },
    {
      what: "matches, case-insensitive flag",
      rule: { subject: "vars.code", op: "matches", value: "(?i)^abc" },
      world: { vars: { code: "ABC-1" } },
      holds: true,
    },
    {
      what: "matches in linear time (no catastrophic backtracking)",
      rule: { subject: "vars.x", op: "matches", value: "^(a+)+$" },
      world: { vars: { x: `${"a".repeat(5000)}b` } },
      holds: false,
    },
    {
      what: "a custom field",
      rule: { subject: "fields.size", op: "equals", value: "L" },
      world: { contact: { fields: { size: "l" } } },
      holds: true,
    },
    { what: "first name", rule: { subject: "contact.first_name", op: "equals", value: "ann" }, holds: true },
    {
      what: "a tracker value",
      rule: { subject: "tracker.utm_source", op: "equals", value: "fb" },
      world: { tracker: { utm_source: "fb" } },
      holds: true,
    },
    {
      what: "a bot variable",
      rule: { subject: "bot.promo", op: "is_set" },
      world: { bot: { promo: "on" } },
      holds: true,
    },
    {
      what: "tags contains, any case",
      rule: { subject: "tags", op: "contains", value: "VIP" },
      world: { contact: { tags: ["vip", "lead"] } },
      holds: true,
    },
    {
      what: "tags contains, absent",
      rule: { subject: "tags", op: "contains", value: "vip" },
      world: { contact: { tags: ["lead"] } },
      holds: false,
    },
    {
      what: "tags not_contains",
      rule: { subject: "tags", op: "not_contains", value: "vip" },
      world: { contact: { tags: ["lead"] } },
      holds: true,
    },
    {
      what: "tags is_empty",
      rule: { subject: "tags", op: "is_empty" },
      world: { contact: { tags: [] } },
      holds: true,
    },
    {
      what: "tags is_set",
      rule: { subject: "tags", op: "is_set" },
      world: { contact: { tags: ["x"] } },
      holds: true,
    },
    {
      what: "logged_in is_set",
      rule: { subject: "logged_in", op: "is_set" },
      world: { contact: { loggedIn: true } },
      holds: true,
    },
    {
      what: "logged_in is_set, not logged in",
      rule: { subject: "logged_in", op: "is_set" },
      world: { contact: { loggedIn: false } },
      holds: false,
    },
    {
      what: "logged_in is_empty",
      rule: { subject: "logged_in", op: "is_empty" },
      world: { contact: { loggedIn: false } },
      holds: true,
    },
  ];
  it.each(cases)("$what", ({ rule, world, holds }) => {
    expect(one(rule, world)).toBe(holds);
  });
});

describe("condition: branches", () => {
  const vip: RawRule = { subject: "tags", op: "contains", value: "vip" };
  const rich: RawRule = { subject: "vars.spent", op: "greater", value: "100" };

  it.each([
    { combine: "all" as const, tags: ["vip"], spent: "500", expected: "b" },
    { combine: "all" as const, tags: ["vip"], spent: "5", expected: "else" },
    { combine: "any" as const, tags: [], spent: "500", expected: "b" },
    { combine: "any" as const, tags: ["vip"], spent: "5", expected: "b" },
    { combine: "any" as const, tags: [], spent: "5", expected: "else" },
  ])("$combine with tags $tags and spent $spent -> $expected", ({ combine, tags, spent, expected }) => {
    expect(
      taken([{ id: "b", name: "B", combine, rules: [vip, rich] }], { contact: { tags }, vars: { spent } }),
    ).toBe(expected);
  });

  it("branches are evaluated in order: the first that holds wins", () => {
    const branches: RawBranch[] = [
      { id: "first", name: "First", rules: [{ subject: "vars.n", op: "greater", value: "10" }] },
      { id: "second", name: "Second", rules: [{ subject: "vars.n", op: "greater", value: "1" }] },
    ];
    expect(taken(branches, { vars: { n: "50" } })).toBe("first");
    expect(taken(branches, { vars: { n: "5" } })).toBe("second");
    expect(taken(branches, { vars: { n: "0" } })).toBe("else");
  });

  it("an unconnected branch ends the conversation there; the condition never waits", () => {
    const flow = compileOk(
      flowDoc([
        conditionStep("c", [{ id: "a", name: "A", rules: [{ subject: "tracker.x", op: "is_set" }] }]),
      ]),
    );
    const result = runEngine(flow, initialState(), start(), makeCtx({}, { tracker: { x: "1" } }));
    expect(result.state).toMatchObject({ stepId: "c", waiting: false });
    expect(result.actions).toEqual([]);
  });
});
