// draftReducer: the edits that remove, connect and duplicate steps and edges.
import { buttonHandle, NEXT_HANDLE } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import { type DraftAction, draftReducer } from "./draft";
import {
  buttonsStep,
  edge,
  edgeIds,
  flowDoc,
  freeInputStep,
  goto,
  stepIds as ids,
  menuDoc as menu,
} from "./test-helpers";

describe("draftReducer: remove", () => {
  it.each([
    {
      case: "a step takes its incoming and outgoing edges with it",
      action: { stepIds: ["b"] },
      steps: ["a", "c", "d"],
      edges: ["e4"],
      entry: "a",
    },
    {
      case: "removing the start step clears the start",
      action: { stepIds: ["a"] },
      steps: ["b", "c", "d"],
      edges: ["e2", "e3"],
      entry: null,
    },
    {
      case: "edges go alone",
      action: { edgeIds: ["e2", "e4"] },
      steps: ["a", "b", "c", "d"],
      edges: ["e1", "e3"],
      entry: "a",
    },
    {
      case: "steps and edges together",
      action: { stepIds: ["d"], edgeIds: ["e1"] },
      steps: ["a", "b", "c"],
      edges: ["e2", "e4"],
      entry: "a",
    },
  ])("$case", ({ action, steps, edges, entry }) => {
    const next = draftReducer(menu(), { type: "remove", ...action });
    expect(ids(next)).toEqual(steps);
    expect(edgeIds(next)).toEqual(edges);
    expect(next.entryStepId).toBe(entry);
  });

  it.each([
    { case: "nothing", action: {} },
    { case: "empty lists", action: { stepIds: [], edgeIds: [] } },
    { case: "unknown ids", action: { stepIds: ["zz"], edgeIds: ["ezz"] } },
  ])("returns the same document for $case", ({ action }) => {
    const doc = menu();
    expect(draftReducer(doc, { type: "remove", ...action })).toBe(doc);
  });
});

describe("draftReducer: connect", () => {
  const connect = (source: string, sourceHandle: string, target: string): DraftAction => ({
    type: "connect",
    source,
    sourceHandle,
    target,
  });

  it("adds an edge with a new id", () => {
    const next = draftReducer(menu(), connect("d", NEXT_HANDLE, "a"));
    expect(next.edges).toHaveLength(5);
    const added = next.edges.at(-1)!;
    expect(added).toMatchObject({ source: "d", sourceHandle: NEXT_HANDLE, target: "a" });
    expect(edgeIds(menu())).not.toContain(added.id);
  });

  it("replaces the existing edge of the same handle", () => {
    const next = draftReducer(menu(), connect("b", buttonHandle("yes"), "d"));
    const fromYes = next.edges.filter((e) => e.source === "b" && e.sourceHandle === buttonHandle("yes"));
    expect(fromYes).toHaveLength(1);
    expect(fromYes[0]!.target).toBe("d");
    expect(edgeIds(next)).not.toContain("e2");
    expect(edgeIds(next).slice(0, 3)).toEqual(["e1", "e3", "e4"]);
  });

  it("keeps the other handles of the step", () => {
    const next = draftReducer(menu(), connect("b", buttonHandle("yes"), "d"));
    expect(next.edges.find((e) => e.id === "e3")).toEqual(edge("e3", "b", buttonHandle("no"), "d"));
  });

  it("returns the same document when the handle already leads there", () => {
    const doc = menu();
    expect(draftReducer(doc, connect("b", buttonHandle("no"), "d"))).toBe(doc);
  });

  it("doesn't change the document it was given", () => {
    const doc = menu();
    draftReducer(doc, connect("d", NEXT_HANDLE, "a"));
    expect(edgeIds(doc)).toEqual(["e1", "e2", "e3", "e4"]);
  });
});

describe("draftReducer: duplicate_step", () => {
  it("copies the step next to it, without aliases or edges", () => {
    const doc = flowDoc([
      buttonsStep("b", [goto("yes")], { title: "Menu", aliases: ["/m"], position: { x: 5, y: 7 } }),
    ]);
    const next = draftReducer(doc, { type: "duplicate_step", id: "b", newId: "b2" });
    expect(ids(next)).toEqual(["b", "b2"]);
    expect(next.steps[1]).toEqual({
      ...doc.steps[0],
      id: "b2",
      title: "Menu (copy)",
      aliases: [],
      position: { x: 45, y: 47 },
    });
    expect(next.edges).toBe(doc.edges);
    expect(next.entryStepId).toBe("b");
  });

  it("deep-copies the config", () => {
    const doc = flowDoc([buttonsStep("b", [goto("yes")])]);
    const next = draftReducer(doc, { type: "duplicate_step", id: "b", newId: "b2" });
    expect(next.steps[1]!.config).not.toBe(doc.steps[0]!.config);
    (next.steps[1] as ReturnType<typeof buttonsStep>).config.buttons.push(goto("more"));
    expect((doc.steps[0] as ReturnType<typeof buttonsStep>).config.buttons).toHaveLength(1);
  });

  it.each([
    { title: "", copy: "" },
    { title: "x".repeat(120), copy: "x".repeat(120) },
    { title: "y".repeat(115), copy: `${"y".repeat(115)} (cop` },
  ])("titles the copy of '$title' as '$copy'", ({ title, copy }) => {
    const doc = flowDoc([freeInputStep("f", "email", { title })]);
    expect(draftReducer(doc, { type: "duplicate_step", id: "f", newId: "g" }).steps[1]!.title).toBe(copy);
  });

  it("returns the same document for an unknown step", () => {
    const doc = menu();
    expect(draftReducer(doc, { type: "duplicate_step", id: "zz", newId: "n" })).toBe(doc);
  });
});
