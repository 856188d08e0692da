import type { ConditionBranch } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import {
  branchSummary,
  defaultRule,
  moveItem,
  newBranch,
  operatorOptions,
  ruleSummary,
  subjectError,
  subjectOptions,
  withSubject,
} from "./condition";

describe("condition editor logic", () => {
  it("lists variables, contact fields, custom fields, tags and the login state", () => {
    const values = subjectOptions(["age"], [{ key: "size", label: "Size", type: "text", options: [] }]).map(
      (o) => o.value,
    );
    expect(values[0]).toBe("vars.age");
    expect(values).toContain("contact.email");
    expect(values).toContain("fields.size");
    expect(values.slice(-2)).toEqual(["tags", "logged_in"]);
  });

  it.each([
    { subject: "vars.age", ok: true },
    { subject: "tracker.utm_source", ok: true },
    { subject: "bot.promo", ok: true },
    { subject: "contact.nickname", ok: false },
    { subject: "age", ok: false },
    { subject: "", ok: false },
  ])("subject $subject valid: $ok", ({ subject, ok }) => {
    expect(subjectError(subject) === undefined).toBe(ok);
  });

  it("offers only the operators a subject supports", () => {
    expect(operatorOptions("logged_in").map((o) => o.value)).toEqual(["is_set", "is_empty"]);
    expect(operatorOptions("tags").map((o) => o.value)).toContain("not_contains");
    expect(operatorOptions("vars.x")).toHaveLength(10);
  });

  it("a new rule and a changed subject keep the operator valid", () => {
    expect(defaultRule("logged_in")).toEqual({ subject: "logged_in", op: "is_set", value: "" });
    expect(defaultRule()).toEqual({ subject: "contact.first_name", op: "equals", value: "" });
    expect(withSubject({ subject: "vars.a", op: "greater", value: "3" }, "tags").op).toBe("contains");
    expect(withSubject({ subject: "vars.a", op: "contains", value: "x" }, "tags").op).toBe("contains");
  });

  it("new branches get a unique name", () => {
    const existing: ConditionBranch[] = [
      { id: "a", name: "Branch 2", combine: "all", rules: [] },
      { id: "b", name: "Other", combine: "all", rules: [] },
    ];
    expect(newBranch(existing, "c")).toMatchObject({ id: "c", name: "Branch 3" });
    expect(newBranch([existing[0]!], "c").name).toBe("Branch 3");
    expect(newBranch([], "x").rules).toHaveLength(1);
  });

  it("moves branches up and down", () => {
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    const list = ["a", "b"];
    expect(moveItem(list, 1, 1)).toBe(list);
  });

  it("summarises rules and branches", () => {
    expect(ruleSummary({ subject: "vars.age", op: "greater", value: "17" })).toBe("vars.age > 17");
    expect(ruleSummary({ subject: "logged_in", op: "is_set", value: "" })).toBe("logged_in is set");
    expect(ruleSummary({ subject: "vars.c", op: "matches", value: "^a" })).toBe(
      "vars.c matches (regex) /^a/",
    );
    expect(
      branchSummary({
        id: "b",
        name: "B",
        combine: "any",
        rules: [
          { subject: "tags", op: "contains", value: "vip" },
          { subject: "vars.n", op: "equals", value: "" },
        ],
      }),
    ).toBe("tags contains vip or vars.n = …");
  });
});
