import { describe, expect, it } from "vitest";
import { MAX_FIT_ZOOM, MIN_READABLE_ZOOM, readableViewport } from "./readable-fit";

const view = { width: 1000, height: 600 };

describe("readableViewport", () => {
  it("centres a flow that fits at full size, never zooming in past 1", () => {
    const v = readableViewport({ x: 0, y: 0, width: 400, height: 200 }, view);
    expect(v).toEqual({ zoom: MAX_FIT_ZOOM, x: 300, y: 200 });
  });

  it("zooms out as far as needed while the text stays readable", () => {
    // 920 px of room for 1380 px of flow: 2/3.
    const v = readableViewport({ x: 100, y: 0, width: 1380, height: 300 }, view);
    expect(v.zoom).toBeCloseTo(2 / 3);
    expect(v.x + (100 + 690) * v.zoom).toBeCloseTo(500); // centred
  });

  it("shows the start of a flow too big to fit at the lowest readable zoom", () => {
    const bounds = { x: -200, y: -1000, width: 6000, height: 4000 };
    const entry = { x: -200, y: 800, width: 256, height: 140 };
    const v = readableViewport(bounds, view, entry);
    expect(v.zoom).toBe(MIN_READABLE_ZOOM);
    expect(v.x + bounds.x * v.zoom).toBe(40); // the flow's left edge, padded
    expect(v.y + (entry.y + entry.height / 2) * v.zoom).toBeCloseTo(300); // the start step mid-height
  });

  it("doesn't scroll above the top of a big flow to centre a start step near it", () => {
    const bounds = { x: 0, y: 0, width: 6000, height: 4000 };
    const v = readableViewport(bounds, view, { x: 0, y: 0, width: 256, height: 140 });
    expect(v.zoom).toBe(MIN_READABLE_ZOOM);
    expect(v.y).toBe(40);
  });

  it("doesn't scroll below the bottom of a big flow either", () => {
    const bounds = { x: 0, y: 0, width: 6000, height: 1000 };
    const v = readableViewport(bounds, view, { x: 0, y: 900, width: 256, height: 100 });
    expect(v.y + 1000 * v.zoom).toBe(560);
  });

  it("without a start step, shows the flow's top-left corner", () => {
    const v = readableViewport({ x: 50, y: 70, width: 9000, height: 9000 }, view);
    expect(v).toEqual({ zoom: MIN_READABLE_ZOOM, x: 40 - 30, y: 40 - 42 });
  });
});
