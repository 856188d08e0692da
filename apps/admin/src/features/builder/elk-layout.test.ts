import { buttonHandle, type FlowDocument, MAX_ROUTE_POINTS, NEXT_HANDLE } from "@switchboard/flow";
import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import { elkClassOf } from "./elk-class";
import {
  arrangeFlow,
  estimatedBox,
  fromElkGraph,
  modelOrder,
  type Point,
  type StepBox,
  toElkGraph,
} from "./elk-layout";
import { buttonsStep, edge, flowDoc, goto, textStep } from "./test-helpers";

const elk = new ELK();
const boxesOf = (doc: FlowDocument) => new Map(doc.steps.map((s) => [s.id, estimatedBox(s)]));

/** Start → menu (a → info, b → form); info and form lead back to the menu. */
const menuLoop = () =>
  flowDoc(
    [
      textStep("start", "Hi"),
      buttonsStep("menu", [goto("a"), goto("b")]),
      textStep("info", "About us"),
      textStep("form", "Your name?"),
      textStep("thanks", "Thanks"),
    ],
    [
      edge("e1", "start", NEXT_HANDLE, "menu"),
      edge("e2", "menu", buttonHandle("a"), "info"),
      edge("e3", "menu", buttonHandle("b"), "form"),
      edge("back1", "info", NEXT_HANDLE, "menu"),
      edge("e5", "form", NEXT_HANDLE, "thanks"),
      edge("back2", "thanks", NEXT_HANDLE, "menu"),
    ],
    "start",
  );

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether an axis-parallel segment passes through a rectangle's inside (a margin in from its sides). */
function crosses(a: Point, b: Point, r: Rect, margin = 4) {
  const left = r.x + margin;
  const right = r.x + r.width - margin;
  const top = r.y + margin;
  const bottom = r.y + r.height - margin;
  const [x1, x2] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [y1, y2] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return x2 > left && x1 < right && y2 > top && y1 < bottom;
}

describe("modelOrder", () => {
  it("goes breadth first from the start step, outputs in order, then the rest", () => {
    const doc = flowDoc(
      [textStep("lonely"), textStep("form"), buttonsStep("menu", [goto("a"), goto("b")]), textStep("info")],
      [edge("1", "menu", buttonHandle("b"), "form"), edge("2", "menu", buttonHandle("a"), "info")],
      "menu",
    );
    expect(modelOrder(doc).map((s) => s.id)).toEqual(["menu", "info", "form", "lonely"]);
  });
});

describe("toElkGraph", () => {
  it("gives every step its measured size and fixed ports where its handles are", () => {
    const doc = menuLoop();
    const measured: StepBox = {
      width: 256,
      height: 180,
      inputY: 26,
      outputs: { "button:a": 120, "button:b": 150 },
    };
    const graph = toElkGraph(doc, new Map([["menu", measured]]));
    const menu = graph.children!.find((c) => c.id === "menu")!;
    expect(menu).toMatchObject({ width: 256, height: 180 });
    expect(menu.layoutOptions).toEqual({ "elk.portConstraints": "FIXED_POS" });
    expect(menu.ports!.map((p) => ({ x: p.x, y: p.y, side: p.layoutOptions!["elk.port.side"] }))).toEqual([
      { x: -1, y: 25, side: "WEST" },
      { x: 255, y: 119, side: "EAST" },
      { x: 255, y: 149, side: "EAST" },
    ]);
    // An unmeasured step is estimated.
    expect(graph.children!.find((c) => c.id === "info")!.height).toBe(estimatedBox(doc.steps[2]!).height);
  });

  it("drops edges from outputs that are gone or to steps that are gone", () => {
    const doc = flowDoc(
      [textStep("a"), textStep("b")],
      [
        edge("ok", "a", NEXT_HANDLE, "b"),
        edge("x", "a", buttonHandle("gone"), "b"),
        edge("y", "b", NEXT_HANDLE, "zz"),
      ],
    );
    expect(toElkGraph(doc, new Map()).edges!.map((e) => e.id)).toEqual(["ok"]);
  });
});

describe("arrangeFlow", () => {
  it("lays steps out left to right in layers from the start step", async () => {
    const doc = menuLoop();
    const { positions } = await arrangeFlow(doc, boxesOf(doc), elk);
    expect(positions.start!.x).toBeLessThan(positions.menu!.x);
    expect(positions.menu!.x).toBeLessThan(positions.info!.x);
    expect(positions.info!.x).toBe(positions.form!.x);
    expect(positions.form!.x).toBeLessThan(positions.thanks!.x);
  });

  it("never puts two steps on top of each other", async () => {
    const doc = menuLoop();
    const boxes = boxesOf(doc);
    const { positions } = await arrangeFlow(doc, boxes, elk);
    const rects = doc.steps.map((s) => ({ ...positions[s.id]!, ...boxes.get(s.id)! }));
    for (const [i, a] of rects.entries())
      for (const b of rects.slice(i + 1))
        expect(
          a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y,
        ).toBe(true);
  });

  it("routes edges going back around the steps, not through them", async () => {
    const doc = menuLoop();
    const boxes = boxesOf(doc);
    const { positions, routes } = await arrangeFlow(doc, boxes, elk);
    for (const id of ["back1", "back2"]) {
      const route = routes[id]!;
      expect(route.length).toBeGreaterThan(2); // bends, not a straight line backwards
      for (const step of doc.steps) {
        const rect = { ...positions[step.id]!, ...boxes.get(step.id)! };
        for (let i = 1; i < route.length; i++)
          expect(crosses(route[i - 1]!, route[i]!, rect), `${id} crosses ${step.id}`).toBe(false);
      }
    }
  });

  it("starts each route at its output handle and ends it at the input handle", async () => {
    const doc = menuLoop();
    const boxes = boxesOf(doc);
    const { positions, routes } = await arrangeFlow(doc, boxes, elk);
    const route = routes.e3!;
    const menu = positions.menu!;
    const form = positions.form!;
    expect(route[0]!.x).toBeCloseTo(menu.x + boxes.get("menu")!.width, -1);
    expect(Math.abs(route[0]!.y - (menu.y + boxes.get("menu")!.outputs["button:b"]!))).toBeLessThanOrEqual(2);
    expect(Math.abs(route.at(-1)!.x - form.x)).toBeLessThanOrEqual(2);
    expect(Math.abs(route.at(-1)!.y - (form.y + boxes.get("form")!.inputY))).toBeLessThanOrEqual(2);
  });

  it("leaves out a route with more points than a flow document keeps", () => {
    const section = (bends: number) => ({
      id: "s",
      startPoint: { x: 0, y: 0 },
      endPoint: { x: 10, y: 10.4 },
      bendPoints: Array.from({ length: bends }, (_, i) => ({ x: i, y: i })),
    });
    const { routes } = fromElkGraph({
      id: "root",
      edges: [
        { id: "fits", sources: [], targets: [], sections: [section(MAX_ROUTE_POINTS - 2)] },
        { id: "long", sources: [], targets: [], sections: [section(MAX_ROUTE_POINTS - 1)] },
      ],
    });
    expect(Object.keys(routes)).toEqual(["fits"]);
    expect(routes.fits).toHaveLength(MAX_ROUTE_POINTS);
    expect(routes.fits!.at(-1)).toEqual({ x: 10, y: 10 });
  });

  it("arranges an empty flow to nothing", async () => {
    expect(await arrangeFlow(flowDoc([]), new Map(), elk)).toEqual({ positions: {}, routes: {} });
  });
});

describe("elkClassOf", () => {
  it.each([
    { case: "the class itself", imported: ELK },
    { case: "a module with it as default", imported: { default: ELK } },
    { case: "a namespace around such a module", imported: { default: { default: ELK } } },
  ])("finds ELK in $case", ({ imported }) => {
    expect(elkClassOf(imported)).toBe(ELK);
  });

  it("says so when elkjs didn't load", () => {
    expect(() => elkClassOf({})).toThrow("elkjs didn't load");
  });
});
