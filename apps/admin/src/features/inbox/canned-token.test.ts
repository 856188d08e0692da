import { describe, expect, it } from "vitest";
import { applyCanned, findCannedToken, moveHighlight } from "./canned-token";

describe("findCannedToken", () => {
  it("finds a shortcut at the start of the text", () => {
    expect(findCannedToken(":hel", 4)).toEqual({ start: 0, end: 4, query: "hel" });
  });

  it("finds a shortcut after a space or a new line, lowercased", () => {
    expect(findCannedToken("Hi there :Thx", 13)).toEqual({ start: 9, end: 13, query: "thx" });
    expect(findCannedToken("Hi\n:thx", 7)).toEqual({ start: 3, end: 7, query: "thx" });
  });

  it("looks only before the caret", () => {
    expect(findCannedToken(":thanks and more", 4)).toEqual({ start: 0, end: 4, query: "tha" });
    expect(findCannedToken(":thanks and more", 16)).toBeNull();
  });

  it("accepts letters of any script, digits, _ and -", () => {
    expect(findCannedToken(":привет_2-a", 11)?.query).toBe("привет_2-a");
  });

  it("ignores a lone colon, times, URLs and emoji-like text", () => {
    expect(findCannedToken(":", 1)).toBeNull();
    expect(findCannedToken("at 10:30", 8)).toBeNull();
    expect(findCannedToken("see https://x", 13)).toBeNull();
    expect(findCannedToken("Note: ok", 8)).toBeNull();
    expect(findCannedToken(": hello", 7)).toBeNull();
  });

  it("ignores shortcuts longer than the server allows", () => {
    const long = `:${"a".repeat(33)}`;
    expect(findCannedToken(long, long.length)).toBeNull();
    expect(findCannedToken(long.slice(0, 33), 33)?.query).toHaveLength(32);
  });

  it("is null for a caret outside the text", () => {
    expect(findCannedToken(":ab", 9)).toBeNull();
    expect(findCannedToken(":ab", 0)).toBeNull();
  });
});

describe("applyCanned", () => {
  it("replaces the token and puts the caret after the inserted text", () => {
    const token = findCannedToken("Hello :th and bye", 9)!;
    expect(applyCanned("Hello :th and bye", token, "Thank you!")).toEqual({
      text: "Hello Thank you! and bye",
      caret: 16,
    });
  });

  it("works at the start of the box", () => {
    expect(applyCanned(":x", { start: 0, end: 2 }, "Hi")).toEqual({ text: "Hi", caret: 2 });
  });
});

describe("moveHighlight", () => {
  it("wraps around both ways", () => {
    expect(moveHighlight(0, -1, 3)).toBe(2);
    expect(moveHighlight(2, 1, 3)).toBe(0);
    expect(moveHighlight(1, 1, 3)).toBe(2);
  });
  it("is 0 without suggestions", () => {
    expect(moveHighlight(4, 1, 0)).toBe(0);
  });
});
