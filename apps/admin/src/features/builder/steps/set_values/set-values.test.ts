import { describe, expect, it } from "vitest";
import { amountError, changeKind, newOperation, operationSummary, targetError } from "./set-values";

describe("set values editor logic", () => {
  it.each(["set", "add", "subtract", "add_tags", "remove_tags"] as const)("a new %s operation", (kind) => {
    expect(newOperation(kind).kind).toBe(kind);
  });

  it("changing the kind keeps what fits", () => {
    expect(changeKind({ kind: "add", variable: "visits", amount: "2" }, "subtract")).toEqual({
      kind: "subtract",
      variable: "visits",
      amount: "2",
    });
    expect(changeKind({ kind: "set", target: "vars.score", value: "1" }, "add")).toMatchObject({
      variable: "score",
    });
    expect(changeKind({ kind: "add_tags", tags: ["a"] }, "remove_tags")).toEqual({
      kind: "remove_tags",
      tags: ["a"],
    });
    expect(changeKind({ kind: "add_tags", tags: ["a"] }, "set")).toEqual(newOperation("set"));
  });

  it.each([
    { target: "vars.plan", ok: true },
    { target: "fields.size", ok: true },
    { target: "contact.email", ok: true },
    { target: "contact.nickname", ok: false },
    { target: "vars.my plan", ok: false },
    { target: "plan", ok: false },
  ])("target $target valid: $ok", ({ target, ok }) => {
    expect(targetError(target) === undefined).toBe(ok);
  });

  it.each([
    { amount: "1", ok: true },
    { amount: "-2,5", ok: true },
    { amount: "{{vars.step}}", ok: true },
    { amount: "ten", ok: false },
    { amount: " ", ok: false },
  ])("amount $amount valid: $ok", ({ amount, ok }) => {
    expect(amountError(amount) === undefined).toBe(ok);
  });

  it("summarises operations", () => {
    expect(operationSummary({ kind: "set", target: "vars.a", value: "" })).toBe("vars.a = (empty)");
    expect(operationSummary({ kind: "add", variable: "visits", amount: "1" })).toBe("visits + 1");
    expect(operationSummary({ kind: "subtract", variable: "left", amount: "2" })).toBe("left − 2");
    expect(operationSummary({ kind: "add_tags", tags: ["vip", "lead"] })).toBe("+vip +lead");
    expect(operationSummary({ kind: "remove_tags", tags: ["cold"] })).toBe("−cold");
  });
});
