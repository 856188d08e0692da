import { describe, expect, it } from "vitest";
import { cannedProblem, normalizeShortcut } from "./canned-form";

describe("normalizeShortcut", () => {
  it("drops a leading colon and lowercases", () => {
    expect(normalizeShortcut("  :Thanks ")).toBe("thanks");
  });
});

describe("cannedProblem", () => {
  it("accepts a good reply", () => {
    expect(cannedProblem(":hello-2", "Hi! How can I help?")).toBeNull();
    expect(cannedProblem("спасибо", "Спасибо!")).toBeNull();
  });
  it("explains what is wrong", () => {
    expect(cannedProblem("", "x")).toMatch(/shortcut/);
    expect(cannedProblem("two words", "x")).toMatch(/no spaces/);
    expect(cannedProblem("a".repeat(33), "x")).toMatch(/32/);
    expect(cannedProblem("ok", "  ")).toMatch(/text/);
    expect(cannedProblem("ok", "a".repeat(4097))).toMatch(/4,096/);
  });
});
