import { describe, expect, it } from "vitest";
import { compileDraft, diffFlows, isEmptyDiff, MAX_ROUTE_POINTS, parseFlowDocument } from "../src/index";
import { flowDoc, textStep } from "../src/testing";

/* An edge's `route`: the builder's drawing of an auto-arranged edge, stored with the draft. */

const back = [
  { x: 256, y: 80 },
  { x: 280, y: 80 },
  { x: 280, y: -40 },
  { x: -24, y: -40 },
  { x: -24, y: 26 },
  { x: 0, y: 26 },
];

/** A two-step loop whose one edge has the given route. */
function withRoute(route: unknown) {
  const doc = flowDoc(
    [
      { ...textStep("a", "Hi"), position: { x: 0, y: 0 } },
      { ...textStep("b", "Bye"), position: { x: 400, y: 0 } },
    ],
    [["a", "next", "b"]],
  );
  return { ...doc, edges: doc.edges.map((e) => ({ ...e, route })) };
}

const parsedEdge = (raw: unknown) => {
  const { document, problems } = parseFlowDocument(raw);
  expect(problems).toEqual([]);
  expect(document!.edges).toHaveLength(1);
  return document!.edges[0]!;
};

describe("an edge's route", () => {
  it("is kept by parsing (import, a stored draft)", () => {
    expect(parsedEdge(withRoute(back)).route).toEqual(back);
  });

  it("is absent by default", () => {
    expect(parsedEdge(withRoute(undefined)).route).toBeUndefined();
  });

  it(`may have up to ${MAX_ROUTE_POINTS} points; a longer one is dropped, the connection kept`, () => {
    const points = (n: number) => Array.from({ length: n }, (_, i) => ({ x: i, y: i % 2 }));
    expect(parsedEdge(withRoute(points(MAX_ROUTE_POINTS))).route).toHaveLength(MAX_ROUTE_POINTS);
    const edge = parsedEdge(withRoute(points(MAX_ROUTE_POINTS + 1)));
    expect(edge.route).toBeUndefined();
    expect(edge).toMatchObject({ source: "a", sourceHandle: "next", target: "b" });
  });

  it.each([
    ["one point", [{ x: 0, y: 0 }]],
    [
      "a point that isn't a number",
      [
        { x: 0, y: 0 },
        { x: "1", y: 0 },
      ],
    ],
    [
      "a point that isn't finite",
      [
        { x: 0, y: 0 },
        { x: Number.POSITIVE_INFINITY, y: 0 },
      ],
    ],
    ["not a list", "around the steps"],
  ])("is dropped when it is %s, without a problem", (_, route) => {
    expect(parsedEdge(withRoute(route)).route).toBeUndefined();
  });

  it("changes nothing the bot runs", () => {
    const plain = compileDraft(withRoute(undefined));
    const routed = compileDraft(withRoute(back));
    expect(routed.ok).toBe(true);
    expect(routed.flow).toEqual(plain.flow);
  });

  it("is not a change between versions", () => {
    const before = parseFlowDocument(withRoute(undefined)).document!;
    const after = parseFlowDocument(withRoute(back)).document!;
    const diff = diffFlows(before, after);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.moved).toEqual([]);
  });
});
