import { Position, type Edge as RFEdge } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import {
  areaBox,
  BUNDLE_MIN,
  type BundleEdgeData,
  bundleEdges,
  bundlingArea,
  isBundleId,
  type PlacedNode,
  sourcePoint,
  stepsInArea,
} from "./edge-bundles";
import type { Rect } from "./placement";

/** Steps "hub" and "near" on screen, "far0".."far29" off it. */
const onScreen: ReadonlySet<string> = new Set(["hub", "near"]);

const edge = (source: string, target = "hub", extra: Partial<RFEdge> = {}): RFEdge => ({
  id: `${source}->${target}`,
  source,
  sourceHandle: "button:b",
  target,
  targetHandle: "in",
  ...extra,
});
const far = (n: number, target = "hub") => Array.from({ length: n }, (_, i) => edge(`far${i}`, target));

describe("bundleEdges", () => {
  it("bundles a step's edges from off screen into one edge, keeping the others", () => {
    const near = edge("near");
    const fromFar = far(BUNDLE_MIN);
    const out = bundleEdges([near, ...fromFar], onScreen);
    expect(out).toHaveLength(2);
    expect(out[0]).toBe(near);
    const bundle = out[1]!;
    expect(isBundleId(bundle.id)).toBe(true);
    expect(bundle).toMatchObject({
      type: "bundle",
      target: "hub",
      targetHandle: "in",
      selectable: false,
      deletable: false,
    });
    expect((bundle.data as BundleEdgeData).edges.map((e) => e.id)).toEqual(fromFar.map((e) => e.id));
    expect((bundle.data as BundleEdgeData).edges[0]).toEqual({
      id: "far0->hub",
      source: "far0",
      sourceHandle: "button:b",
    });
  });

  it("leaves fewer than BUNDLE_MIN edges from off screen alone", () => {
    const edges = far(BUNDLE_MIN - 1);
    const out = bundleEdges(edges, onScreen);
    expect(out).toEqual(edges);
  });

  it("doesn't bundle selected edges, nor edges into a step off screen", () => {
    const selected = edge("far0", "hub", { selected: true });
    const intoFar = Array.from({ length: BUNDLE_MIN }, (_, i) => edge(`far${i + 1}`, "far0"));
    const out = bundleEdges([selected, ...far(BUNDLE_MIN + 1).slice(1), ...intoFar], onScreen);
    expect(out).toContain(selected);
    for (const e of intoFar) expect(out).toContain(e);
    const bundle = out.find((e) => isBundleId(e.id))!;
    expect((bundle.data as BundleEdgeData).edges).toHaveLength(BUNDLE_MIN);
  });

  it("keeps an auto-arranged edge's route for drawing it in the bundle", () => {
    const route = [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ];
    const edges = far(BUNDLE_MIN).map((e, i) => (i === 0 ? { ...e, type: "routed", data: { route } } : e));
    const bundle = bundleEdges(edges, onScreen).find((e) => isBundleId(e.id))!;
    expect((bundle.data as BundleEdgeData).edges[0]!.route).toBe(route);
  });

  it("returns prev when nothing changed, and keeps an unchanged bundle's object", () => {
    const near = edge("near");
    const edges = [near, ...far(BUNDLE_MIN)];
    const first = bundleEdges(edges, onScreen);
    expect(bundleEdges([...edges], onScreen, first)).toBe(first);
    const withAnother = bundleEdges([...edges, edge("near", "far0")], onScreen, first);
    expect(withAnother).not.toBe(first);
    expect(withAnother.find((e) => isBundleId(e.id))).toBe(first.find((e) => isBundleId(e.id)));
    const oneMore = bundleEdges([...edges, edge("far20")], onScreen, first);
    expect(oneMore.find((e) => isBundleId(e.id))).not.toBe(first.find((e) => isBundleId(e.id)));
  });

  it("unbundles when the view moves onto the sources", () => {
    const edges = far(BUNDLE_MIN);
    const bundled = bundleEdges(edges, onScreen);
    expect(bundled).toHaveLength(1);
    const all = new Set([...onScreen, ...edges.map((e) => e.source)]);
    expect(bundleEdges(edges, all, bundled)).toEqual(edges);
  });
});

describe("stepsInArea", () => {
  const area: Rect = { x: 0, y: 0, width: 1000, height: 1000 };
  const at = (id: string, x: number, y: number, measured?: { width: number; height: number }) => ({
    id,
    position: { x, y },
    ...(measured ? { measured } : {}),
  });

  it("is the steps whose box meets the area, measured or estimated", () => {
    const nodes = [
      at("in", 100, 100),
      at("overlapping", -200, 900),
      at("estimated-below", 0, -150),
      at("measured-above", 0, -150, { width: 256, height: 100 }),
      at("right", 1000, 0),
    ];
    expect([...stepsInArea(nodes, area)]).toEqual(["in", "overlapping", "estimated-below"]);
  });

  it("returns prev when the same steps are in the area", () => {
    const first = stepsInArea([at("a", 0, 0), at("b", 5000, 0)], area);
    expect(stepsInArea([at("a", 10, 10), at("b", 6000, 0)], area, first)).toBe(first);
    expect(stepsInArea([at("a", 10, 10), at("b", 10, 0)], area, first)).not.toBe(first);
  });
});

describe("bundlingArea", () => {
  it("is the screen and half a screen around it, in flow coordinates, snapped outwards", () => {
    // At zoom 1, the view's top-left at flow (0, 0), an 800 × 600 canvas: -400..1200 × -300..900.
    expect(areaBox(bundlingArea([0, 0, 1], 800, 600))).toEqual({
      x: -512,
      y: -512,
      width: 2048,
      height: 1536,
    });
    // At zoom 0.5 the same canvas shows twice as much: -800..2400 × -600..1800.
    expect(areaBox(bundlingArea([0, 0, 0.5], 800, 600))).toEqual({
      x: -1024,
      y: -1024,
      width: 3584,
      height: 3072,
    });
  });

  it("stays the same while the view moves within its grid cell", () => {
    expect(bundlingArea([-10, -20, 1], 800, 600)).toBe(bundlingArea([-30, -40, 1], 800, 600));
    expect(bundlingArea([-10, 0, 1], 800, 600)).not.toBe(bundlingArea([-400, 0, 1], 800, 600));
  });
});

describe("sourcePoint", () => {
  const node = (handles: NonNullable<PlacedNode["internals"]["handleBounds"]>["source"]): PlacedNode => ({
    internals: { positionAbsolute: { x: 100, y: 200 }, handleBounds: { source: handles } },
  });
  const right = { x: 250, y: 40, width: 12, height: 12, position: Position.Right };

  it("is the middle of the handle's outer side, as React Flow places an edge's start", () => {
    const n = node([
      { ...right, id: "next" },
      { ...right, id: "button:b", y: 80 },
    ]);
    expect(sourcePoint(n, "button:b")).toEqual({ x: 362, y: 286, position: "right" });
    expect(sourcePoint(n, null)).toEqual({ x: 362, y: 246, position: "right" });
    expect(sourcePoint(node([{ ...right, id: "a", position: Position.Bottom }]), "a")).toEqual({
      x: 356,
      y: 252,
      position: "bottom",
    });
  });

  it("is null for an unknown node or handle", () => {
    expect(sourcePoint(undefined, "next")).toBeNull();
    expect(sourcePoint(node([{ ...right, id: "next" }]), "other")).toBeNull();
    expect(sourcePoint(node([]), "next")).toBeNull();
  });
});
