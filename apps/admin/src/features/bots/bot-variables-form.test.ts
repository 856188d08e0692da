import { describe, expect, it } from "vitest";
import { hasErrors, validateNewVariable, validateValue, variableToken } from "./bot-variables-form";

describe("validateNewVariable", () => {
  it("accepts a fresh valid key and value", () => {
    expect(validateNewVariable("promo_code", "SPRING", [])).toEqual({});
    expect(validateNewVariable("  promo  ", "", ["other"])).toEqual({});
    expect(hasErrors(validateNewVariable("promo", "x", []))).toBe(false);
  });

  it.each([
    ["", "Enter a key."],
    ["Promo", "Lowercase letters"],
    ["1st", "Lowercase letters"],
    ["with-dash", "Lowercase letters"],
    ["a".repeat(33), "Lowercase letters"],
  ])("refuses the key %j", (key, message) => {
    expect(validateNewVariable(key, "v", []).key).toContain(message);
  });

  it("refuses a key the bot has, and a 101st variable", () => {
    expect(validateNewVariable("promo", "v", ["promo"]).key).toContain("already has");
    const hundred = Array.from({ length: 100 }, (_, i) => `v${i}`);
    expect(validateNewVariable("more", "v", hundred).key).toBe("A bot has at most 100 variables.");
    expect(validateNewVariable("more", "v", hundred.slice(1)).key).toBeUndefined();
  });

  it("refuses a value over 4096 characters", () => {
    expect(validateValue("x".repeat(4096))).toBeUndefined();
    expect(validateValue("x".repeat(4097))).toBe("At most 4,096 characters.");
    expect(hasErrors(validateNewVariable("ok", "x".repeat(4097), []))).toBe(true);
  });
});

describe("variableToken", () => {
  it("is how a flow reads it", () => {
    expect(variableToken("promo")).toBe("{{bot.promo}}");
  });
});
