import {
  buttonHandle,
  FALLBACK_HANDLE,
  NEXT_HANDLE,
  STEP_TYPES,
  stepRegistry,
  TIMEOUT_HANDLE,
} from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import { collectVariables, draftReducer } from "./draft";
import {
  buttonsStep,
  edge,
  edgeIds,
  flowDoc,
  freeInputStep,
  goto,
  link,
  menuDoc as menu,
  textStep,
} from "./test-helpers";

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

describe("draftReducer: audience", () => {
  const vip = { match: "all" as const, rules: [{ kind: "tag" as const, op: "has" as const, tag: "vip" }] };
  const withFallback = () =>
    draftReducer(
      flowDoc([textStep("a"), textStep("b"), textStep("c")], [edge("e1", "a", NEXT_HANDLE, "b")]),
      { type: "update_step", id: "a", patch: { audience: vip } },
    );

  it("sets a step's audience filter, which gives it the fallback output", () => {
    const doc = draftReducer(withFallback(), {
      type: "connect",
      source: "a",
      sourceHandle: FALLBACK_HANDLE,
      target: "c",
    });
    expect(doc.steps[0]).toMatchObject({ audience: vip });
    expect(doc.edges.map((e) => e.sourceHandle)).toEqual([NEXT_HANDLE, FALLBACK_HANDLE]);
  });

  it("removing the filter removes the key and the fallback's edge", () => {
    const connected = draftReducer(withFallback(), {
      type: "connect",
      source: "a",
      sourceHandle: FALLBACK_HANDLE,
      target: "c",
    });
    const doc = draftReducer(connected, { type: "update_step", id: "a", patch: { audience: undefined } });
    expect("audience" in doc.steps[0]!).toBe(false);
    expect(edgeIds(doc)).toEqual(["e1"]);
  });
});

describe("draftReducer: endsConversation", () => {
  it("marks a step as an intended end; unmarking removes the key, giving back the same content", () => {
    const doc = flowDoc([textStep("a"), textStep("b")], [edge("e1", "a", NEXT_HANDLE, "b")]);
    const marked = draftReducer(doc, { type: "update_step", id: "b", patch: { endsConversation: true } });
    expect(marked.steps[1]).toMatchObject({ endsConversation: true });
    expect(marked.edges).toBe(doc.edges);
    const unmarked = draftReducer(marked, {
      type: "update_step",
      id: "b",
      patch: { endsConversation: false },
    });
    expect(unmarked).toEqual(doc);
  });
});

describe("draftReducer: merge_config", () => {
  it("sets keys on the step's current config and removes undefined ones", () => {
    const doc = flowDoc([freeInputStep("q", "email")]);
    const timed = draftReducer(doc, {
      type: "merge_config",
      id: "q",
      values: { timeout: { amount: 5, unit: "minutes" } },
    });
    expect(timed.steps[0]!.config).toMatchObject({
      variable: "email",
      timeout: { amount: 5, unit: "minutes" },
    });
    const untimed = draftReducer(timed, { type: "merge_config", id: "q", values: { timeout: undefined } });
    expect(untimed.steps[0]!.config).toEqual(doc.steps[0]!.config);
  });

  it("drops the edge of an output that goes away", () => {
    const doc = flowDoc(
      [
        {
          ...freeInputStep("q"),
          config: { ...freeInputStep("q").config, timeout: { amount: 1, unit: "days" } },
        },
        textStep("t"),
      ],
      [edge("late", "q", TIMEOUT_HANDLE, "t")],
    );
    const next = draftReducer(doc, { type: "merge_config", id: "q", values: { timeout: undefined } });
    expect(edgeIds(next)).toEqual([]);
  });

  it("returns the same document for an unknown step", () => {
    const doc = menu();
    expect(draftReducer(doc, { type: "merge_config", id: "zz", values: { text: "x" } })).toBe(doc);
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

/** The menu flow with routes on "a → menu" (e1) and the back edge "c → a" (e4). */
const routedMenu = () => {
  const doc = menu();
  const routes: Record<string, { x: number; y: number }[]> = {
    e1: [
      { x: 256, y: 80 },
      { x: 400, y: 26 },
    ],
    e4: [
      { x: 656, y: 80 },
      { x: 680, y: 80 },
      { x: 680, y: -40 },
      { x: -24, y: -40 },
      { x: 0, y: 26 },
    ],
  };
  return { ...doc, edges: doc.edges.map((e) => (routes[e.id] ? { ...e, route: routes[e.id] } : e)) };
};

describe("draftReducer: move and routes", () => {
  it("drops the routes of the moved step's edges, in and out, and keeps the others", () => {
    const doc = routedMenu();
    const next = draftReducer(doc, { type: "move", positions: { c: { x: 5, y: 5 } } });
    expect(next.edges.find((e) => e.id === "e4")).not.toHaveProperty("route");
    expect(next.edges.find((e) => e.id === "e1")).toBe(doc.edges[0]);
  });

  it("keeps every route when nothing moved", () => {
    const doc = routedMenu();
    expect(draftReducer(doc, { type: "move", positions: { a: doc.steps[0]!.position } })).toBe(doc);
  });
});

describe("draftReducer: arrange", () => {
  const route = [
    { x: 1, y: 2 },
    { x: 3, y: 2 },
  ];

  it("moves the steps and stores each edge's route, dropping routes it didn't give", () => {
    const doc = routedMenu();
    const next = draftReducer(doc, {
      type: "arrange",
      positions: { a: { x: 9.6, y: 0 } },
      routes: { e2: route },
    });
    expect(next.steps[0]!.position).toEqual({ x: 10, y: 0 });
    expect(next.edges.map((e) => e.route)).toEqual([undefined, route, undefined, undefined]);
    expect(next.edges[0]).not.toHaveProperty("route");
  });

  it("stores routes even when no step moved (a flow already arranged, routes lost)", () => {
    const doc = menu();
    const next = draftReducer(doc, { type: "arrange", positions: {}, routes: { e4: route } });
    expect(next.steps).toBe(doc.steps);
    expect(next.edges[3]!.route).toEqual(route);
  });

  it("returns the same document when positions and routes are as they were", () => {
    const doc = routedMenu();
    const routes = Object.fromEntries(doc.edges.flatMap((e) => (e.route ? [[e.id, [...e.route]]] : [])));
    const positions = Object.fromEntries(doc.steps.map((s) => [s.id, s.position]));
    expect(draftReducer(doc, { type: "arrange", positions, routes })).toBe(doc);
  });
});

describe("collectVariables", () => {
  it("lists the variables steps collect, once each, sorted", () => {
    const steps = [
      freeInputStep("f1", "email"),
      { ...buttonsStep("b", [goto("x")]), config: { ...buttonsStep("b", []).config, saveAs: "choice" } },
      freeInputStep("f2", "age"),
      freeInputStep("f3", "email"),
      textStep("t"),
    ];
    expect(collectVariables(steps)).toEqual(["age", "choice", "email"]);
  });

  it("skips empty names and half-edited steps", () => {
    const broken = { ...freeInputStep("x"), config: null } as unknown as ReturnType<typeof freeInputStep>;
    expect(collectVariables([freeInputStep("f", ""), broken, freeInputStep("g", "ok")])).toEqual(["ok"]);
  });
});
