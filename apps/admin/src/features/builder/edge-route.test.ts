import { getSmoothStepPath, Position } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import { edgePath, fitRoute, roundedPath } from "./edge-route";

const route = [
  { x: 256, y: 100 },
  { x: 280, y: 100 },
  { x: 280, y: 400 },
  { x: -20, y: 400 },
  { x: -20, y: 26 },
  { x: 0, y: 26 },
];

describe("fitRoute", () => {
  it("moves the ends onto the handles and keeps the segments straight", () => {
    expect(fitRoute(route, { x: 262, y: 102 }, { x: -4, y: 27 })).toEqual([
      { x: 262, y: 102 },
      { x: 280, y: 102 },
      { x: 280, y: 400 },
      { x: -20, y: 400 },
      { x: -20, y: 27 },
      { x: -4, y: 27 },
    ]);
  });

  it.each([
    { case: "the source step moved", source: { x: 300, y: 100 }, target: { x: 0, y: 26 } },
    { case: "the target step moved down", source: { x: 256, y: 100 }, target: { x: 0, y: 60 } },
  ])("gives up when $case", ({ source, target }) => {
    expect(fitRoute(route, source, target)).toBeNull();
  });

  it("gives up without a route", () => {
    expect(fitRoute(undefined, { x: 0, y: 0 }, { x: 1, y: 1 })).toBeNull();
  });
});

describe("roundedPath", () => {
  it("rounds each corner, less where segments are short", () => {
    expect(
      roundedPath([
        { x: 0, y: 0 },
        { x: 100, y: 0 },
        { x: 100, y: 8 },
        { x: 200, y: 8 },
      ]),
    ).toBe("M 0 0 L 96 0 Q 100 0 100 4 L 100 4 Q 100 8 104 8 L 200 8");
  });

  it("draws a straight line between two points", () => {
    expect(
      roundedPath([
        { x: 0, y: 0 },
        { x: 10, y: 0 },
      ]),
    ).toBe("M 0 0 L 10 0");
  });
});

describe("edgePath", () => {
  const ends = {
    source: { x: 0, y: 0 },
    target: { x: 200, y: 100 },
    sourcePosition: Position.Right,
    targetPosition: Position.Left,
  };

  it("follows the route while it fits the ends", () => {
    const route = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 100 },
      { x: 200, y: 100 },
    ];
    const drawn = edgePath(ends, route);
    expect(drawn.routed).toBe(true);
    expect(drawn.path).toBe(roundedPath(route));
  });

  it("is the canvas' smooth step without a route, or once the route no longer fits", () => {
    const [path] = getSmoothStepPath({
      sourceX: 0,
      sourceY: 0,
      targetX: 200,
      targetY: 100,
      sourcePosition: Position.Right,
      targetPosition: Position.Left,
      borderRadius: 14,
      offset: 20,
    });
    expect(edgePath(ends)).toMatchObject({ path, routed: false });
    const stale = [
      { x: 50, y: 50 },
      { x: 200, y: 100 },
    ];
    expect(edgePath(ends, stale)).toMatchObject({ path, routed: false });
  });
});
