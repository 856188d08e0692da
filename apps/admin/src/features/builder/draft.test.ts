import { buttonHandle, type FlowDocument, NEXT_HANDLE, STEP_TYPES, stepRegistry } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import { type DraftAction, draftReducer } from "./draft";
import { buttonsStep, edge, flowDoc, freeInputStep, goto, link, textStep } from "./test-helpers";

const menu = () =>
  flowDoc(
    [
      textStep("a", "Hi"),
      buttonsStep("b", [goto("yes"), goto("no"), link("site")], { aliases: ["/menu"] }),
      textStep("c", "Yes!"),
      textStep("d", "No!"),
    ],
    [
      edge("e1", "a", NEXT_HANDLE, "b"),
      edge("e2", "b", buttonHandle("yes"), "c"),
      edge("e3", "b", buttonHandle("no"), "d"),
      edge("e4", "c", NEXT_HANDLE, "a"),
    ],
  );

const ids = (doc: FlowDocument) => doc.steps.map((s) => s.id);
const edgeIds = (doc: FlowDocument) => doc.edges.map((e) => e.id);

describe("draftReducer: replace", () => {
  it("returns the given document", () => {
    const next = flowDoc([textStep("z")]);
    expect(draftReducer(menu(), { type: "replace", document: next })).toBe(next);
  });
});

describe("draftReducer: add_step", () => {
  it.each(STEP_TYPES)("adds a %s step with its type's defaults and a rounded position", (stepType) => {
    const doc = draftReducer(menu(), { type: "add_step", id: "n", stepType, position: { x: 10.4, y: -3.6 } });
    expect(doc.steps.at(-1)).toEqual({
      id: "n",
      type: stepType,
      title: "",
      position: { x: 10, y: -4 },
      aliases: [],
      config: stepRegistry[stepType].defaults(),
    });
    expect(doc.steps).toHaveLength(5);
  });

  it.each([
    { case: "the first step of an empty flow becomes the start", doc: flowDoc([]), entry: "n" },
    { case: "an existing start step stays", doc: menu(), entry: "a" },
    {
      case: "a flow whose start was removed gets none",
      doc: flowDoc([textStep("a")], [], null),
      entry: null,
    },
  ])("$case", ({ doc, entry }) => {
    const next = draftReducer(doc, { type: "add_step", id: "n", stepType: "text", position: { x: 0, y: 0 } });
    expect(next.entryStepId).toBe(entry);
  });
});

describe("draftReducer: update_step", () => {
  it("patches the title without touching other steps or the edges", () => {
    const doc = menu();
    const next = draftReducer(doc, { type: "update_step", id: "a", patch: { title: "Welcome" } });
    expect(next.steps[0]).toMatchObject({ id: "a", title: "Welcome", config: { text: "Hi" } });
    // Untouched steps keep their identity (memoized canvas nodes rely on it).
    expect(next.steps.slice(1).every((s, i) => s === doc.steps[i + 1])).toBe(true);
    expect(next.edges).toBe(doc.edges);
  });

  const b = menu().steps[1] as ReturnType<typeof buttonsStep>;
  it.each([
    {
      case: "removing a button drops its edge",
      buttons: [goto("yes"), link("site")],
      edges: ["e1", "e2", "e4"],
    },
    {
      case: "turning a button into a link drops its edge",
      buttons: [goto("yes"), { id: "no", kind: "url" as const, label: "no", url: "https://x.y" }],
      edges: ["e1", "e2", "e4"],
    },
    { case: "removing every button drops all its edges", buttons: [], edges: ["e1", "e4"] },
    {
      case: "reordering buttons keeps the edges",
      buttons: [goto("no"), goto("yes")],
      edges: ["e1", "e2", "e3", "e4"],
    },
    {
      case: "renaming a button keeps its edge",
      buttons: [goto("yes", "Sure"), goto("no")],
      edges: ["e1", "e2", "e3", "e4"],
    },
  ])("$case", ({ buttons, edges }) => {
    const next = draftReducer(menu(), {
      type: "update_step",
      id: "b",
      patch: { config: { ...b.config, buttons } },
    });
    expect(edgeIds(next)).toEqual(edges);
    expect(next.steps[1]).toMatchObject({ config: { buttons } });
  });

  it("keeps the edges' identity when no handle disappears", () => {
    const doc = menu();
    const next = draftReducer(doc, { type: "update_step", id: "a", patch: { config: { text: "Hello" } } });
    expect(next.edges).toBe(doc.edges);
  });

  it("prunes only on a config change", () => {
    const doc = flowDoc([textStep("a"), textStep("b")], [edge("stale", "a", buttonHandle("gone"), "b")]);
    const titled = draftReducer(doc, { type: "update_step", id: "a", patch: { title: "T" } });
    expect(edgeIds(titled)).toEqual(["stale"]);
    const edited = draftReducer(doc, { type: "update_step", id: "a", patch: { config: { text: "x" } } });
    expect(edgeIds(edited)).toEqual([]);
  });
});

describe("draftReducer: set_entry", () => {
  it.each([
    { id: "c", entry: "c" },
    { id: null, entry: null },
  ])("sets the start step to $id", ({ id, entry }) => {
    expect(draftReducer(menu(), { type: "set_entry", id }).entryStepId).toBe(entry);
  });

  it("returns the same document when the start doesn't change", () => {
    const doc = menu();
    expect(draftReducer(doc, { type: "set_entry", id: "a" })).toBe(doc);
  });
});

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

describe("draftReducer: move", () => {
  it.each([
    { p: { x: 10.4, y: 20.5 }, expected: { x: 10, y: 21 } },
    { p: { x: -10.6, y: 0.49 }, expected: { x: -11, y: 0 } },
  ])("rounds $p to $expected", ({ p, expected }) => {
    const doc = menu();
    const next = draftReducer(doc, { type: "move", positions: { c: p } });
    expect(next.steps[2]!.position).toEqual(expected);
    expect(next.steps.every((s, i) => i === 2 || s === doc.steps[i])).toBe(true);
  });

  it.each<{ case: string; positions: Record<string, { x: number; y: number }> }>([
    { case: "the same position", positions: { a: { x: 0, y: 0 } } },
    { case: "a position that rounds to the same", positions: { a: { x: 0.3, y: -0.4 } } },
    { case: "an unknown step", positions: { zz: { x: 100, y: 100 } } },
    { case: "no positions", positions: {} },
  ])("returns the same document for $case", ({ positions }) => {
    const doc = menu();
    expect(draftReducer(doc, { type: "move", positions })).toBe(doc);
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
