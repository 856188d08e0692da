import { buttonHandle, type FlowDocument, NEXT_HANDLE, type Problem, type Step } from "@switchboard/flow";
import { applyNodeChanges, type NodeChange } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import {
  applyMeasured,
  canvasEdges,
  connectedHandlesByStep,
  estimatedNode,
  isDragMove,
  sameIdsOr,
  sameSetOr,
  stepOfProblem,
  syncNodes,
} from "./canvas-model";
import type { StepNodeData, StepNodeType } from "./step-node";
import { buttonsStep, edge, flowDoc, goto, link, textStep } from "./test-helpers";

const menu = () =>
  flowDoc(
    [textStep("a"), buttonsStep("b", [goto("yes"), goto("no"), link("site")]), textStep("c")],
    [
      edge("e1", "a", NEXT_HANDLE, "b"),
      edge("e2", "b", buttonHandle("yes"), "c"),
      edge("e3", "b", buttonHandle("no"), "c"),
    ],
  );

describe("connectedHandlesByStep", () => {
  it("lists each step's connected handles, sorted", () => {
    const doc = menu();
    expect(Object.fromEntries(connectedHandlesByStep(doc.edges))).toEqual({
      a: NEXT_HANDLE,
      b: `${buttonHandle("no")}\n${buttonHandle("yes")}`,
    });
  });
});

describe("canvasEdges", () => {
  it.each([
    { case: "every edge of a sound draft", doc: menu(), ids: ["e1", "e2", "e3"] },
    {
      case: "not an edge from a handle the step no longer has",
      doc: { ...menu(), edges: [...menu().edges, edge("x", "b", buttonHandle("site"), "a")] },
      ids: ["e1", "e2", "e3"],
    },
    {
      case: "not an edge to a step that doesn't exist",
      doc: { ...menu(), edges: [...menu().edges, edge("x", "c", NEXT_HANDLE, "gone")] },
      ids: ["e1", "e2", "e3"],
    },
    {
      case: "not an edge from a step that doesn't exist",
      doc: { ...menu(), edges: [edge("x", "gone", NEXT_HANDLE, "a")] },
      ids: [],
    },
  ])("draws $case", ({ doc, ids }) => {
    expect(canvasEdges(doc.steps, doc.edges, new Set()).map((e) => e.id)).toEqual(ids);
  });

  it("maps an edge to the target's input handle and marks the selected ones", () => {
    const doc = menu();
    const edges = canvasEdges(doc.steps, doc.edges, new Set(["e2"]));
    expect(edges[1]).toEqual({
      id: "e2",
      source: "b",
      sourceHandle: buttonHandle("yes"),
      target: "c",
      targetHandle: "in",
      selected: true,
    });
    expect(edges.map((e) => e.selected)).toEqual([false, true, false]);
  });

  it("draws an edge auto-arrange routed along its route", () => {
    const doc = menu();
    const route = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
    ];
    const edges = canvasEdges(
      doc.steps,
      doc.edges.map((e) => (e.id === "e3" ? { ...e, route } : e)),
      new Set(),
    );
    expect(edges[2]).toMatchObject({ id: "e3", type: "routed", data: { route } });
    expect(edges[0]).not.toHaveProperty("type");
  });

  it("survives a half-edited step whose outputs can't be read", () => {
    const broken = { ...textStep("x"), type: "buttons", config: {} } as unknown as Step;
    const doc = { ...menu(), steps: [...menu().steps, broken], edges: [edge("x1", "x", NEXT_HANDLE, "a")] };
    expect(canvasEdges(doc.steps, doc.edges, new Set())).toEqual([]);
  });

  it("reuses the previous edge objects that are drawn the same", () => {
    const doc = menu();
    const before = canvasEdges(doc.steps, doc.edges, new Set());
    const edited = { ...doc, steps: doc.steps.map((s) => (s.id === "c" ? { ...s, title: "Bye" } : s)) };
    const after = canvasEdges(edited.steps, edited.edges, new Set(["e2"]), before);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]!.selected).toBe(true);
    expect(after[2]).toBe(before[2]);
    const route = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
    ];
    const arranged = edited.edges.map((e) => (e.id === "e3" ? { ...e, route } : e));
    const routed = canvasEdges(edited.steps, arranged, new Set(["e2"]), after);
    expect(routed[2]).toMatchObject({ type: "routed", data: { route } });
    expect(routed[1]).toBe(after[1]);
  });
});

describe("syncNodes", () => {
  const cache = new Map<string, StepNodeData>();
  const dataFor = (step: Step) => {
    const cached = cache.get(step.id);
    if (cached?.step === step) return cached;
    const data = { step, isEntry: false, problems: [], connected: "" };
    cache.set(step.id, data);
    return data;
  };
  const nodesOf = (doc: FlowDocument): StepNodeType[] =>
    doc.steps.map((s) => ({ id: s.id, type: "step", position: s.position, data: dataFor(s) }));
  const doc = flowDoc([
    textStep("a", "", { position: { x: 0, y: 0 } }),
    textStep("b", "", { position: { x: 300, y: 0 } }),
  ]);
  const withStep = (d: FlowDocument, i: number, patch: Partial<Step>) => ({
    ...d,
    steps: d.steps.map((s, j) => (j === i ? ({ ...s, ...patch } as Step) : s)),
  });

  it("returns the same nodes when nothing changed", () => {
    const nodes = nodesOf(doc);
    expect(syncNodes(nodes, doc.steps, dataFor)).toBe(nodes);
  });

  it("adds a node for a new step at its position and drops a removed step's", () => {
    const nodes = nodesOf(doc);
    const added = textStep("c", "", { position: { x: 5, y: 6 } });
    const next = syncNodes(nodes, [doc.steps[1]!, added], dataFor);
    expect(next.map((n) => n.id)).toEqual(["b", "c"]);
    expect(next[0]).toBe(nodes[1]);
    expect(next[1]).toMatchObject({ id: "c", type: "step", position: { x: 5, y: 6 } });
  });

  it("makes a new step's node with the given maker (an estimated one in a large flow)", () => {
    const added = textStep("c");
    const next = syncNodes(nodesOf(doc), [...doc.steps, added], dataFor, estimatedNode);
    expect(next[2]!.handles?.map((h) => h.id)).toEqual(["in", NEXT_HANDLE]);
  });

  it("re-estimates a node still on its estimate when its step changes (a new button's handle)", () => {
    const menuStep = buttonsStep("m", [goto("yes")]);
    const nodes = [estimatedNode(menuStep, dataFor(menuStep))];
    const edited = buttonsStep("m", [goto("yes"), goto("no")]);
    const [next] = syncNodes(nodes, [edited], dataFor, estimatedNode);
    expect(next!.handles?.map((h) => h.id)).toEqual(["in", buttonHandle("yes"), buttonHandle("no")]);
    expect(next!.measured!.height).toBeGreaterThan(nodes[0]!.measured!.height!);
    // Below MANY_STEPS it becomes a plain node, which React Flow measures.
    const [plain] = syncNodes(nodes, [edited], dataFor);
    expect(plain).not.toHaveProperty("handles");
    expect(plain).not.toHaveProperty("measured");
  });

  it("gives an edited step's node new data, keeping the others", () => {
    const nodes = nodesOf(doc);
    const edited = withStep(doc, 0, { title: "Hi" });
    const next = syncNodes(nodes, edited.steps, dataFor);
    expect(next[0]!.data.step.title).toBe("Hi");
    expect(next[1]).toBe(nodes[1]);
  });

  it("keeps React Flow's position while the step's position is the one it knew", () => {
    const nodes = nodesOf(doc);
    const dragged = nodes.map((n, i) =>
      i === 0 ? { ...n, position: { x: 40.6, y: 10.2 }, selected: true } : n,
    );
    const next = syncNodes(dragged, withStep(doc, 0, { title: "Hi" }).steps, dataFor);
    expect(next[0]).toMatchObject({ position: { x: 40.6, y: 10.2 }, selected: true });
  });

  it.each([
    {
      case: "moves a node whose step moved (undo, arrange)",
      to: { x: 100, y: 0 },
      expected: { x: 100, y: 0 },
    },
    {
      case: "ignores a move under a pixel (the draft's rounding)",
      to: { x: 0.4, y: -0.4 },
      expected: { x: 0.2, y: 0 },
    },
  ])("$case", ({ to, expected }) => {
    const nodes = nodesOf(doc).map((n, i) => (i === 0 ? { ...n, position: { x: 0.2, y: 0 } } : n));
    const next = syncNodes(nodes, withStep(doc, 0, { position: to }).steps, dataFor);
    expect(next[0]!.position).toEqual(expected);
  });

  it("follows a change of order", () => {
    const nodes = nodesOf(doc);
    const next = syncNodes(nodes, [...doc.steps].reverse(), dataFor);
    expect(next).not.toBe(nodes);
    expect(next).toEqual([nodes[1], nodes[0]]);
  });
});

describe("stepOfProblem", () => {
  const p = (extra: Partial<Problem>): Problem => ({
    code: "INVALID_STEP",
    severity: "error",
    message: "m",
    ...extra,
  });
  it.each([
    { case: "a step's problem", problem: p({ stepId: "b" }), expected: "b" },
    { case: "an edge's problem: its source", problem: p({ edgeId: "e2" }), expected: "b" },
    { case: "a step that's gone", problem: p({ stepId: "gone" }), expected: null },
    { case: "an edge that's gone", problem: p({ edgeId: "gone" }), expected: null },
    { case: "a problem of the whole flow", problem: p({}), expected: null },
  ])("$case → $expected", ({ problem, expected }) => {
    expect(stepOfProblem(problem, menu())).toBe(expected);
  });
});

describe("sameIdsOr / sameSetOr", () => {
  it.each([
    { prev: ["a", "b"], next: ["a", "b"], same: true },
    { prev: ["a", "b"], next: ["b", "a"], same: false },
    { prev: ["a"], next: ["a", "b"], same: false },
    { prev: [], next: [], same: true },
  ])("ids $prev → $next keeps prev: $same", ({ prev, next, same }) => {
    expect(sameIdsOr(prev, next) === prev).toBe(same);
    expect(sameIdsOr(prev, next)).toEqual(next);
  });

  it.each([
    { prev: ["a", "b"], next: ["b", "a"], same: true },
    { prev: ["a", "b"], next: ["a", "c"], same: false },
    { prev: ["a"], next: [], same: false },
  ])("sets $prev → $next keeps prev: $same", ({ prev, next, same }) => {
    const prevSet = new Set(prev);
    expect(sameSetOr(prevSet, new Set(next)) === prevSet).toBe(same);
  });
});

describe("estimatedNode", () => {
  const dataOf = (step: Step): StepNodeData => ({ step, isEntry: false, problems: [], connected: "" });

  it("estimates the size and puts the input on the left, one output per row on the right", () => {
    const step = buttonsStep("b", [goto("yes"), goto("no")]);
    const node = estimatedNode(step, dataOf(step));
    expect(node).toMatchObject({ id: "b", type: "step", position: step.position });
    expect(node.measured?.width).toBe(256);
    // Never a whole pixel, so React Flow's first real measurement always replaces it.
    expect(Number.isInteger(node.measured?.height)).toBe(false);
    const handles = node.handles ?? [];
    expect(handles.map((h) => [h.id, h.type, h.position])).toEqual([
      ["in", "target", "left"],
      [buttonHandle("yes"), "source", "right"],
      [buttonHandle("no"), "source", "right"],
    ]);
    const [, yes, no] = handles;
    expect(yes!.x).toBe(256 - 6);
    expect(no!.y - yes!.y).toBe(26);
    expect(no!.y + 6).toBeLessThan(node.measured!.height!);
  });

  it("leaves a step without readable outputs to be measured", () => {
    const step = { ...textStep("t"), type: "nope" } as unknown as Step;
    expect(estimatedNode(step, dataOf(step)).handles).toBeUndefined();
  });
});

describe("applyMeasured", () => {
  const dataOf = (step: Step): StepNodeData => ({ step, isEntry: false, problems: [], connected: "" });
  const a = textStep("a");
  const b = textStep("b");
  const nodes = () => [estimatedNode(a, dataOf(a)), estimatedNode(b, dataOf(b))];

  it("drops the estimate of a node React Flow has measured, and only its", () => {
    const changes: NodeChange<StepNodeType>[] = [
      { id: "a", type: "dimensions", dimensions: { width: 256, height: 131 } },
    ];
    const [measured, other] = applyMeasured(nodes(), changes, applyNodeChanges);
    expect(measured!.measured).toEqual({ width: 256, height: 131 });
    expect(measured).not.toHaveProperty("handles");
    expect(other!.handles).toHaveLength(2);
  });

  it("keeps the estimate through other changes", () => {
    const changes: NodeChange<StepNodeType>[] = [{ id: "b", type: "select", selected: true }];
    const [, selected] = applyMeasured(nodes(), changes, applyNodeChanges);
    expect(selected!.selected).toBe(true);
    expect(selected!.handles).toHaveLength(2);
  });
});

describe("isDragMove", () => {
  const move = (id: string, dragging?: boolean): NodeChange<StepNodeType> => ({
    id,
    type: "position",
    position: { x: 1, y: 2 },
    dragging,
  });

  it("is a drag's move when every change moves a dragged node", () => {
    expect(isDragMove([move("a", true)])).toBe(true);
    expect(isDragMove([move("a", true), move("b", true)])).toBe(true);
  });

  it("is not the drop, a move without a drag, a selection or nothing", () => {
    expect(isDragMove([move("a", false)])).toBe(false);
    expect(isDragMove([move("a")])).toBe(false);
    expect(isDragMove([move("a", true), { id: "a", type: "select", selected: true }])).toBe(false);
    expect(isDragMove([])).toBe(false);
  });
});
