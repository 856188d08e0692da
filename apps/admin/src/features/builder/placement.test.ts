import { describe, expect, it } from "vitest";
import { contains, findFreeSpot, PLACEMENT_GAP, placeNewStep, type Rect } from "./placement";

const size = { width: 256, height: 140 };
const view: Rect = { x: 0, y: 0, width: 1200, height: 800 };
const box = (x: number, y: number, width = 256, height = 140): Rect => ({ x, y, width, height });

/** True when the two boxes keep the gap between them. */
const apart = (a: Rect, b: Rect) =>
  a.x + a.width + PLACEMENT_GAP <= b.x ||
  b.x + b.width + PLACEMENT_GAP <= a.x ||
  a.y + a.height + PLACEMENT_GAP <= b.y ||
  b.y + b.height + PLACEMENT_GAP <= a.y;

describe("findFreeSpot", () => {
  it("takes the ideal spot when it is free", () => {
    expect(findFreeSpot({ obstacles: [box(0, 0)], size, region: view, ideal: { x: 500, y: 300 } })).toEqual({
      x: 500,
      y: 300,
    });
  });

  it("takes the nearest free spot when the ideal one is taken", () => {
    const obstacles = [box(480, 280)];
    const spot = findFreeSpot({ obstacles, size, region: view, ideal: { x: 500, y: 300 } })!;
    expect(apart({ ...spot, ...size }, obstacles[0]!)).toBe(true);
    // Nearest: straight above or below the obstacle, not somewhere far.
    expect(Math.abs(spot.x - 500) + Math.abs(spot.y - 300)).toBeLessThanOrEqual(200);
  });

  it("returns null when the region is full", () => {
    expect(
      findFreeSpot({ obstacles: [box(0, 0, 1200, 800)], size, region: view, ideal: { x: 0, y: 0 } }),
    ).toBeNull();
    expect(
      findFreeSpot({ obstacles: [], size, region: box(0, 0, 100, 100), ideal: { x: 0, y: 0 } }),
    ).toBeNull();
  });
});

describe("placeNewStep", () => {
  it("puts the step in the middle of an empty view", () => {
    expect(placeNewStep({ obstacles: [], size, view })).toEqual({ x: 472, y: 330 });
  });

  it("never lands on a step in the middle of the view, and stays in view", () => {
    const obstacles = [box(472, 330), box(400, 300, 400, 200)];
    const spot = { ...placeNewStep({ obstacles, size, view }), ...size };
    for (const o of obstacles) expect(apart(spot, o)).toBe(true);
    expect(contains(view, spot)).toBe(true);
  });

  it("clicks one after another fill the view without overlaps", () => {
    const obstacles: Rect[] = [];
    for (let i = 0; i < 6; i++) {
      const spot = { ...placeNewStep({ obstacles, size, view }), ...size };
      for (const o of obstacles) expect(apart(spot, o)).toBe(true);
      expect(contains(view, spot)).toBe(true);
      obstacles.push(spot);
    }
  });

  it("goes right of the selected step, level with it", () => {
    const anchor = box(100, 200);
    const spot = placeNewStep({ obstacles: [anchor], size, view, anchor });
    expect(spot.y).toBe(200);
    expect(spot.x).toBeGreaterThanOrEqual(100 + 256 + PLACEMENT_GAP);
    expect(spot.x).toBeLessThanOrEqual(100 + 256 + 3 * PLACEMENT_GAP);
  });

  it("next to the selected step, it moves down past a step already on its right", () => {
    const anchor = box(100, 200);
    const right = box(100 + 256 + 80, 200);
    const spot = { ...placeNewStep({ obstacles: [anchor, right], size, view, anchor }), ...size };
    expect(apart(spot, anchor)).toBe(true);
    expect(apart(spot, right)).toBe(true);
    expect(spot.x).toBeGreaterThanOrEqual(anchor.x);
    expect(spot.y).toBeGreaterThanOrEqual(anchor.y);
  });

  it("a crowded view: the nearest free spot around it", () => {
    const obstacles = [box(-10, -10, 1220, 820)];
    const spot = { ...placeNewStep({ obstacles, size, view }), ...size };
    expect(apart(spot, obstacles[0]!)).toBe(true);
  });
});
