import { describe, expect, it } from "vitest";
import { describeDuration, parseAmount } from "./duration";

describe("parseAmount", () => {
  it.each([
    ["1", 1],
    [" 15 ", 15],
    ["100000", 100_000],
  ])("accepts %j", (raw, amount) => {
    expect(parseAmount(raw)).toEqual({ amount });
  });

  it.each(["", "0", "1.5", "-2", "abc", "100001"])("refuses %j", (raw) => {
    expect(parseAmount(raw)).toHaveProperty("error");
  });
});

describe("describeDuration", () => {
  it("uses the singular for one", () => {
    expect(describeDuration({ amount: 1, unit: "hours" })).toBe("1 hour");
    expect(describeDuration({ amount: 15, unit: "minutes" })).toBe("15 minutes");
    expect(describeDuration({ amount: 1500, unit: "days" })).toBe("1,500 days");
  });
});
