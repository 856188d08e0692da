import { describe, expect, it } from "vitest";
import { lengthHint, messagesFor } from "./reply-format";

describe("lengthHint", () => {
  it("stays out of the way for ordinary replies", () => {
    expect(lengthHint("Hello!", "reply").show).toBe(false);
    expect(lengthHint("a".repeat(3499), "reply").show).toBe(false);
  });
  it("counts as a reply gets long, and says it will be split", () => {
    expect(lengthHint("a".repeat(4000), "reply")).toEqual({
      show: true,
      label: "4,000 / 4,096",
      tone: "muted",
    });
    expect(lengthHint("a".repeat(9000), "reply")).toEqual({
      show: true,
      label: "9,000 / 4,096 · sent as 3 messages",
      tone: "warn",
    });
  });
  it("refuses past the API's maximum", () => {
    const hint = lengthHint("a".repeat(20_001), "reply");
    expect(hint.tone).toBe("error");
    expect(hint.label).toContain("too long");
  });
  it("counts captions against 1,024 with a file", () => {
    expect(lengthHint("a".repeat(900), "reply", true).label).toBe("900 / 1,024 · caption");
    expect(lengthHint("a".repeat(2000), "reply", true).label).toBe(
      "2,000 / 1,024 · caption + 1 more message",
    );
  });
  it("warns near a note's maximum", () => {
    expect(lengthHint("a".repeat(500), "note").show).toBe(false);
    expect(lengthHint("a".repeat(10_001), "note").tone).toBe("error");
  });
});

describe("messagesFor", () => {
  it("splits at 4,096", () => {
    expect(messagesFor(0)).toBe(0);
    expect(messagesFor(4096)).toBe(1);
    expect(messagesFor(4097)).toBe(2);
    expect(messagesFor(0, true)).toBe(1);
    expect(messagesFor(1025, true)).toBe(2);
  });
});
