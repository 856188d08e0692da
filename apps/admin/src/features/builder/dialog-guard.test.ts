import { describe, expect, it } from "vitest";
import { behindDialog } from "./dialog-guard";

/** An element whose closest() finds a match only for a selector naming `role`. */
const element = (role: string | null) => ({
  closest: (selector: string) => (role && selector.includes(`[role="${role}"]`) ? {} : null),
});

describe("behindDialog: shortcuts and clipboard events leave the canvas alone while a dialog is open", () => {
  it("lets keys through on the canvas with no dialog open", () => {
    expect(behindDialog(element(null) as unknown as EventTarget, false)).toBe(false);
    expect(behindDialog(null, false)).toBe(false);
  });

  it("stops keys pressed inside a dialog, modal or not", () => {
    expect(behindDialog(element("dialog") as unknown as EventTarget, false)).toBe(true);
    expect(behindDialog(element("alertdialog") as unknown as EventTarget, false)).toBe(true);
  });

  it("stops every key while a modal dialog is open, wherever the focus is (it can fall back to the body)", () => {
    expect(behindDialog(element(null) as unknown as EventTarget, true)).toBe(true);
    expect(behindDialog(null, true)).toBe(true);
  });

  it("treats a target that isn't an element (no closest) as outside any dialog", () => {
    expect(behindDialog({} as EventTarget, false)).toBe(false);
  });
});
