import { describe, expect, it } from "vitest";
import { canvasKeys, type KeyPress, SHORTCUTS, shortcutFor, shortcutKeys } from "./shortcuts";

const press = (key: string, mods: Partial<Omit<KeyPress, "key">> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("shortcutFor", () => {
  it.each([
    { case: "Ctrl+S", e: press("s", { ctrlKey: true }), id: "save" },
    { case: "Cmd+S", e: press("s", { metaKey: true }), id: "save" },
    { case: "Ctrl+Z", e: press("z", { ctrlKey: true }), id: "undo" },
    { case: "Ctrl+Shift+Z", e: press("Z", { ctrlKey: true, shiftKey: true }), id: "redo" },
    { case: "Ctrl+Y", e: press("y", { ctrlKey: true }), id: "redo" },
    { case: "Ctrl+C", e: press("c", { ctrlKey: true }), id: "copy" },
    { case: "Cmd+V", e: press("v", { metaKey: true }), id: "paste" },
    { case: "Ctrl+D", e: press("d", { ctrlKey: true }), id: "duplicate" },
    { case: "Ctrl+K", e: press("k", { ctrlKey: true }), id: "search" },
    { case: "? (Shift+/)", e: press("?", { shiftKey: true }), id: "shortcuts" },
    { case: "a plain letter", e: press("d"), id: null },
    { case: "Ctrl+Alt+Z", e: press("z", { ctrlKey: true, altKey: true }), id: null },
    {
      case: "Ctrl+Shift+C (the browser's inspector)",
      e: press("C", { ctrlKey: true, shiftKey: true }),
      id: null,
    },
    { case: "Delete (React Flow's own)", e: press("Delete"), id: null },
  ])("$case → $id", ({ e, id }) => {
    expect(shortcutFor(e, false)?.id ?? null).toBe(id);
  });

  it.each([
    { case: "Ctrl+S saves", e: press("s", { ctrlKey: true }), id: "save" },
    { case: "Ctrl+K searches", e: press("k", { ctrlKey: true }), id: "search" },
    { case: "Ctrl+Z is the field's undo", e: press("z", { ctrlKey: true }), id: null },
    { case: "Ctrl+C copies the field's text", e: press("c", { ctrlKey: true }), id: null },
    { case: "Ctrl+V pastes into the field", e: press("v", { ctrlKey: true }), id: null },
    { case: "? is typed", e: press("?", { shiftKey: true }), id: null },
  ])("in a text field: $case", ({ e, id }) => {
    expect(shortcutFor(e, true)?.id ?? null).toBe(id);
  });
});

describe("the list", () => {
  it("gives the canvas its delete keys", () => {
    expect(canvasKeys("delete")).toEqual(["Delete", "Backspace"]);
  });

  it("has a label and keys to show for every shortcut, and one entry per id", () => {
    for (const s of SHORTCUTS) {
      expect(s.label).not.toBe("");
      expect(shortcutKeys(s, false).length).toBeGreaterThan(0);
    }
    expect(new Set(SHORTCUTS.map((s) => s.id)).size).toBe(SHORTCUTS.length);
  });

  it("shows Ctrl, or ⌘ on a Mac", () => {
    const redo = SHORTCUTS.find((s) => s.id === "redo")!;
    expect(shortcutKeys(redo, false)).toEqual([
      ["Ctrl", "Shift", "Z"],
      ["Ctrl", "Y"],
    ]);
    expect(shortcutKeys(redo, true)[0]).toEqual(["⌘", "Shift", "Z"]);
  });
});
