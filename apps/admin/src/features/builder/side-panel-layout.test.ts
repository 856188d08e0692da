import { describe, expect, it } from "vitest";
import { controlsFitView, rightOfCanvas, SIDE_PANEL_WIDTH, sidePanelOpen } from "./side-panel-layout";

describe("sidePanelOpen", () => {
  it("is open for one selected step and for several steps", () => {
    expect(sidePanelOpen({ selectedIds: ["a"], selectedStep: { id: "a" } })).toBe(true);
    expect(sidePanelOpen({ selectedIds: ["a", "b"], selectedStep: null })).toBe(true);
  });

  it("is closed with nothing selected, or one id whose step is gone", () => {
    expect(sidePanelOpen({ selectedIds: [], selectedStep: null })).toBe(false);
    expect(sidePanelOpen({ selectedIds: ["gone"], selectedStep: null })).toBe(false);
  });
});

describe("rightOfCanvas", () => {
  it("keeps floating parts left of the open panel", () => {
    expect(rightOfCanvas(true, 16)).toBe(SIDE_PANEL_WIDTH + 16);
    expect(rightOfCanvas(false, 16)).toBe(16);
  });
});

describe("controlsFitView", () => {
  it("fits left of the open panel, and leaves React Flow's defaults when it is closed", () => {
    expect(controlsFitView(true)?.padding.right).toBe(`${SIDE_PANEL_WIDTH + 40}px`);
    expect(controlsFitView(true)?.padding.left).toBe("40px");
    expect(controlsFitView(false)).toBeUndefined();
  });
});
