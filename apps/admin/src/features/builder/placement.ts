/* Where a new step goes on the canvas. Pure, so it is unit-tested (placement.test.ts). */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Space kept free around a new step, so it never touches another. */
export const PLACEMENT_GAP = 40;
/** Candidate spots lie on this grid (the canvas' background dots are 20 apart). */
const GRID = 20;
/** How far from the selected step a spot is looked for. */
const NEAR_ANCHOR = 2400;
/** How far around the visible area a spot is looked for when the view is full. */
const AROUND_VIEW = 2400;

/** Whether two rectangles meet, or come within `gap` of each other. */
export const overlaps = (a: Rect, b: Rect, gap = 0) =>
  a.x < b.x + b.width + gap &&
  b.x < a.x + a.width + gap &&
  a.y < b.y + b.height + gap &&
  b.y < a.y + a.height + gap;

/**
 * The free spot (top-left corner) for a box of `size` inside `region` that is nearest to `ideal`,
 * keeping `gap` from every obstacle; null if the region has none.
 */
export function findFreeSpot({
  obstacles,
  size,
  region,
  ideal,
  gap = PLACEMENT_GAP,
}: {
  obstacles: Rect[];
  size: Size;
  region: Rect;
  ideal: { x: number; y: number };
  gap?: number;
}): { x: number; y: number } | null {
  const maxX = region.x + region.width - size.width;
  const maxY = region.y + region.height - size.height;
  if (maxX < region.x || maxY < region.y) return null;
  // Only the obstacles that reach into the region can be in the way.
  const near = obstacles.filter((o) => overlaps(o, region, gap));
  const free = (x: number, y: number) =>
    !near.some((o) => overlaps({ x, y, width: size.width, height: size.height }, o, gap));
  if (
    ideal.x >= region.x &&
    ideal.x <= maxX &&
    ideal.y >= region.y &&
    ideal.y <= maxY &&
    free(ideal.x, ideal.y)
  )
    return { x: ideal.x, y: ideal.y };

  const candidates: { x: number; y: number; d: number }[] = [];
  const x0 = Math.ceil(region.x / GRID) * GRID;
  const y0 = Math.ceil(region.y / GRID) * GRID;
  for (let x = x0; x <= maxX; x += GRID)
    for (let y = y0; y <= maxY; y += GRID)
      candidates.push({ x, y, d: (x - ideal.x) ** 2 + (y - ideal.y) ** 2 });
  candidates.sort((a, b) => a.d - b.d);
  const spot = candidates.find((c) => free(c.x, c.y));
  return spot ? { x: spot.x, y: spot.y } : null;
}

/**
 * Where a step added by a click goes: to the right of (or below) the selected step, or with nothing
 * selected in a free spot of the visible area nearest its middle; never on top of another step.
 * `view` is the visible area in flow coordinates, already without what panels cover.
 */
export function placeNewStep({
  obstacles,
  size,
  view,
  anchor,
}: {
  obstacles: Rect[];
  size: Size;
  view: Rect;
  anchor?: Rect | null;
}): { x: number; y: number } {
  if (anchor) {
    // Right of the anchor first; the region holds only what is right of or below its top-left corner.
    const spot = findFreeSpot({
      obstacles,
      size,
      region: { x: anchor.x, y: anchor.y, width: NEAR_ANCHOR, height: NEAR_ANCHOR },
      ideal: { x: anchor.x + anchor.width + PLACEMENT_GAP * 2, y: anchor.y },
    });
    if (spot) return spot;
  }
  const ideal = {
    x: Math.round(view.x + view.width / 2 - size.width / 2),
    y: Math.round(view.y + view.height / 2 - size.height / 2),
  };
  const inView = findFreeSpot({ obstacles, size, region: inset(view, PLACEMENT_GAP / 2), ideal });
  if (inView) return inView;
  const around = findFreeSpot({ obstacles, size, region: inset(view, -AROUND_VIEW), ideal });
  if (around) return around;
  // Everything near is taken: below all the steps.
  const bottom = Math.max(...obstacles.map((o) => o.y + o.height));
  const left = Math.min(...obstacles.map((o) => o.x));
  return { x: left, y: bottom + PLACEMENT_GAP * 2 };
}

const inset = (r: Rect, by: number): Rect => ({
  x: r.x + by,
  y: r.y + by,
  width: Math.max(0, r.width - 2 * by),
  height: Math.max(0, r.height - 2 * by),
});

/** Whether `inner` lies inside `outer` as a whole. */
export const contains = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;
