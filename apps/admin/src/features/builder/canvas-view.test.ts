import { describe, expect, it } from "vitest";
import { areaInFlow, isShown, READABLE_ZOOM, uncoveredArea, viewportShowing } from "./canvas-view";

const zooms = { minZoom: 0.1, maxZoom: 2 };

describe("uncoveredArea", () => {
  it("is the whole canvas without panels", () => {
    expect(uncoveredArea(1000, 700, [])).toEqual({ x: 0, y: 0, width: 1000, height: 700 });
  });

  it("leaves out the test chat on the right", () => {
    const chat = { x: 604, y: 44, width: 380, height: 640 };
    expect(uncoveredArea(1000, 700, [chat])).toEqual({ x: 0, y: 0, width: 604, height: 700 });
  });

  it("leaves out a panel on the left", () => {
    expect(uncoveredArea(1000, 700, [{ x: 0, y: 0, width: 200, height: 700 }]).x).toBe(200);
  });

  it("falls back to the whole canvas when a panel covers nearly all of it", () => {
    expect(uncoveredArea(400, 700, [{ x: 16, y: 0, width: 380, height: 700 }]).width).toBe(400);
  });
});

describe("viewportShowing", () => {
  const node = { x: 2000, y: 500, width: 256, height: 140 };

  it("centers the step in the free area, left of the chat panel", () => {
    const area = { x: 0, y: 0, width: 604, height: 700 };
    const vp = viewportShowing(node, area, { x: 0, y: 0, zoom: 0.5 }, zooms);
    expect(vp.zoom).toBe(READABLE_ZOOM);
    expect(isShown(node, area, vp)).toBe(true);
    const screenCenterX = vp.x + (node.x + node.width / 2) * vp.zoom;
    expect(screenCenterX).toBeCloseTo(302);
  });

  it("keeps a closer zoom the user chose", () => {
    const vp = viewportShowing(
      node,
      { x: 0, y: 0, width: 1000, height: 700 },
      { x: 0, y: 0, zoom: 1.5 },
      zooms,
    );
    expect(vp.zoom).toBe(1.5);
  });

  it("zooms out when the step wouldn't fit the free area at a readable zoom", () => {
    const area = { x: 0, y: 0, width: 200, height: 700 };
    const vp = viewportShowing(node, area, { x: 0, y: 0, zoom: 1 }, zooms);
    expect(vp.zoom).toBeLessThan(READABLE_ZOOM);
    expect(isShown(node, area, vp)).toBe(true);
  });
});

describe("areaInFlow / isShown", () => {
  it("maps screen pixels to flow coordinates", () => {
    expect(areaInFlow({ x: 0, y: 0, width: 200, height: 100 }, { x: -100, y: 50, zoom: 2 })).toEqual({
      x: 50,
      y: -25,
      width: 100,
      height: 50,
    });
  });

  it("says a step under the chat panel is not shown", () => {
    const vp = { x: 0, y: 0, zoom: 1 };
    const step = { x: 700, y: 100, width: 256, height: 140 };
    expect(isShown(step, { x: 0, y: 0, width: 1000, height: 700 }, vp)).toBe(true);
    expect(isShown(step, { x: 0, y: 0, width: 604, height: 700 }, vp)).toBe(false);
  });
});
