import { describe, expect, it } from "vitest";
import { moveSelection, SHORTCUT_HELP, shortcutFor } from "./shortcuts";

const key = (k: string, extra: Partial<Parameters<typeof shortcutFor>[0]> = {}) =>
  shortcutFor({ key: k, typing: false, ...extra });

describe("shortcutFor", () => {
  it("maps the list keys", () => {
    expect(key("j")).toEqual({ type: "next" });
    expect(key("ArrowDown")).toEqual({ type: "next" });
    expect(key("k")).toEqual({ type: "previous" });
    expect(key("ArrowUp")).toEqual({ type: "previous" });
    expect(key("Enter")).toEqual({ type: "open" });
    expect(key("o")).toEqual({ type: "open" });
    expect(key("/")).toEqual({ type: "search" });
  });

  it("maps the conversation keys", () => {
    expect(key("r")).toEqual({ type: "reply" });
    expect(key("n")).toEqual({ type: "note" });
    expect(key("e")).toEqual({ type: "close" });
    expect(key("c")).toEqual({ type: "close" });
    expect(key("t")).toEqual({ type: "take" });
    expect(key("?")).toEqual({ type: "help" });
  });

  it("switches views with 1–4", () => {
    expect(key("1")).toEqual({ type: "view", view: "waiting" });
    expect(key("2")).toEqual({ type: "view", view: "mine" });
    expect(key("3")).toEqual({ type: "view", view: "all" });
    expect(key("4")).toEqual({ type: "view", view: "closed" });
    expect(key("5")).toBeNull();
  });

  it("never fires while typing, in a dialog, or with a modifier", () => {
    expect(key("j", { typing: true })).toBeNull();
    expect(key("/", { typing: true })).toBeNull();
    expect(key("e", { dialogOpen: true })).toBeNull();
    expect(key("r", { ctrlKey: true })).toBeNull();
    expect(key("k", { metaKey: true })).toBeNull();
    expect(key("1", { altKey: true })).toBeNull();
  });

  it("ignores other keys and upper case letters", () => {
    expect(key("x")).toBeNull();
    expect(key("J")).toBeNull();
    expect(key("Escape")).toBeNull();
  });

  it("documents every key it maps", () => {
    const documented = new Set(SHORTCUT_HELP.flatMap((g) => g.items.flatMap((i) => i.keys)));
    for (const k of ["j", "k", "o", "/", "r", "n", "e", "c", "t", "?", "1", "4"])
      expect(documented.has(k), k).toBe(true);
  });
});

describe("moveSelection", () => {
  it("starts at the first (down) or last (up) row", () => {
    expect(moveSelection(-1, 1, 5)).toBe(0);
    expect(moveSelection(-1, -1, 5)).toBe(4);
  });
  it("stops at the ends", () => {
    expect(moveSelection(4, 1, 5)).toBe(4);
    expect(moveSelection(0, -1, 5)).toBe(0);
    expect(moveSelection(2, 1, 5)).toBe(3);
  });
  it("is -1 for an empty list", () => {
    expect(moveSelection(0, 1, 0)).toBe(-1);
  });
});
