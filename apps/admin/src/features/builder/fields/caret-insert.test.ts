import { describe, expect, it } from "vitest";
import { spliceAtCaret } from "./caret-insert";
import { templateToken } from "./variable-picker";

describe("spliceAtCaret", () => {
  it("inserts at the caret and puts the caret after it", () => {
    expect(spliceAtCaret("Hi !", 3, 3, "{{name}}")).toEqual({ value: "Hi {{name}}!", start: 11, end: 11 });
  });

  it("counts the caret in UTF-16 code units, as the element does", () => {
    expect(spliceAtCaret("Hi !", 3, 3, "😀")).toEqual({ value: "Hi 😀!", start: 5, end: 5 });
  });

  it("replaces a selection, given in either order", () => {
    expect(spliceAtCaret("Hi NAME!", 3, 7, "{{vars.who}}")).toEqual({
      value: "Hi {{vars.who}}!",
      start: 15,
      end: 15,
    });
    expect(spliceAtCaret("Hi NAME!", 7, 3, "you")?.value).toBe("Hi you!");
  });

  it("appends when the selection is unknown, and clamps positions out of range", () => {
    expect(spliceAtCaret("Hi ", null, null, "{{name}}")).toEqual({
      value: "Hi {{name}}",
      start: 11,
      end: 11,
    });
    expect(spliceAtCaret("Hi ", 1, undefined, "o")?.value).toBe("Hoi ");
    expect(spliceAtCaret("ab", 10, 20, "x")).toEqual({ value: "abx", start: 3, end: 3 });
    expect(spliceAtCaret("ab", -4, 1, "x")).toEqual({ value: "xb", start: 1, end: 1 });
  });

  it("inserts nothing when the result would not fit", () => {
    expect(spliceAtCaret("abcd", 2, 2, "{{name}}", 11)).toBeNull();
    expect(spliceAtCaret("abcd", 2, 2, "{{name}}", 12)).toEqual({
      value: "ab{{name}}cd",
      start: 10,
      end: 10,
    });
    // Replacing a selection frees its length.
    expect(spliceAtCaret("abcd", 0, 4, "wxyz", 4)?.value).toBe("wxyz");
  });

  it("inserts the picker's token with its fallback", () => {
    expect(spliceAtCaret("Hi !", 3, 3, templateToken("name", "there"))?.value).toBe('Hi {{name | "there"}}!');
  });
});
