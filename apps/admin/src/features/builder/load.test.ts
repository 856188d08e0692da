import { emptyFlowDocument, stepRegistry } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import { loadDraft } from "./load";
import { buttonsStep, edge, flowDoc, freeInputStep, goto, textStep } from "./test-helpers";

const raw = (steps: unknown[], edges: unknown[] = [], entryStepId: string | null = null) => ({
  format: "switchboard.flow",
  version: 1,
  entryStepId,
  steps,
  edges,
});

describe("loadDraft", () => {
  it("loads a valid draft as it is", () => {
    const doc = flowDoc(
      [
        textStep("a", "Hi", { position: { x: 0, y: 0 } }),
        freeInputStep("f", "email", { position: { x: 300, y: 0 } }),
      ],
      [edge("e1", "a", "next", "f")],
    );
    expect(loadDraft(structuredClone(doc))).toEqual({ document: doc, error: null, dropped: 0 });
  });

  it.each([
    { case: "nothing", input: undefined },
    { case: "a string", input: "not a flow" },
    { case: "an array", input: [] },
    { case: "steps that aren't a list", input: { steps: "nope" } },
    { case: "another format", input: { format: "other", steps: [] } },
  ])("falls back to an empty draft for $case", ({ input }) => {
    const loaded = loadDraft(input);
    expect(loaded.document).toEqual(emptyFlowDocument());
    expect(loaded.error).toEqual(expect.any(String));
    expect(loaded.error).not.toBe("");
    expect(loaded.dropped).toBe(0);
  });

  it.each([
    {
      case: "a half-typed variable name",
      step: {
        id: "f",
        type: "free_input",
        config: { text: "Q", variable: "1st", validation: { kind: "any" } },
      },
      config: { text: "Q", variable: "1st", validation: { kind: "any" } },
    },
    {
      case: "an empty variable name",
      step: { id: "f", type: "free_input", config: { text: "Q", variable: "" } },
      config: { variable: "" },
    },
    {
      case: "a regex without its pattern yet and a text longer than allowed",
      step: { id: "t", type: "text", config: { text: "x".repeat(20_001) } },
      config: { text: "x".repeat(20_001) },
    },
    {
      case: "fields of the wrong kind fall back to the defaults",
      step: { id: "b", type: "buttons", config: { text: 42, buttons: "none", columns: 3 } },
      config: { ...stepRegistry.buttons.defaults(), columns: 3 },
    },
    {
      case: "a missing config gets the defaults",
      step: { id: "t", type: "text", title: "Hi", aliases: ["/x", 5] },
      config: stepRegistry.text.defaults(),
    },
    {
      case: "unreadable buttons are left out of a buttons step",
      step: {
        id: "b",
        type: "buttons",
        config: {
          text: "?",
          columns: 99,
          buttons: [{ id: "ok", kind: "goto", label: "OK" }, { label: "no id" }, null],
        },
      },
      config: { columns: 99, buttons: [{ id: "ok", kind: "goto", label: "OK" }] },
    },
  ])("keeps a step the strict schema rejects: $case", ({ step, config }) => {
    const loaded = loadDraft(raw([step]));
    expect(loaded).toMatchObject({ error: null, dropped: 0 });
    expect(loaded.document.steps).toHaveLength(1);
    expect(loaded.document.steps[0]).toMatchObject({ id: step.id, type: step.type, config });
  });

  it("fills a lenient step's common fields", () => {
    const loaded = loadDraft(
      raw([
        {
          id: "t",
          type: "text",
          title: 7,
          aliases: ["/x", 5, "help"],
          position: { x: "1", y: 2 },
          config: { text: 1 },
        },
      ]),
    );
    expect(loaded.document.steps[0]).toEqual({
      id: "t",
      type: "text",
      title: "",
      position: { x: 0, y: 0 },
      aliases: ["/x", "help"],
      config: { text: "" },
    });
  });

  it.each([
    { case: "a step without an id", steps: [{ type: "text" }], dropped: 1 },
    { case: "a step with an empty id", steps: [{ id: "", type: "text" }], dropped: 1 },
    { case: "an unknown step type", steps: [{ id: "x", type: "video" }], dropped: 1 },
    { case: "a step that isn't an object", steps: [null, 3, "text"], dropped: 3 },
  ])("drops and counts $case", ({ steps, dropped }) => {
    const loaded = loadDraft(raw([{ id: "ok", type: "text", config: { text: "" } }, ...steps]));
    expect(loaded.document.steps.map((s) => s.id)).toEqual(["ok"]);
    expect(loaded.dropped).toBe(dropped);
    expect(loaded.error).toBeNull();
  });

  it("drops and counts unreadable edges", () => {
    const steps = [
      textStep("a", "", { position: { x: 0, y: 0 } }),
      textStep("b", "", { position: { x: 1, y: 0 } }),
    ];
    const edges = [
      edge("e1", "a", "next", "b"),
      { id: "e2", source: "a", sourceHandle: "next" },
      { id: "e3", source: "a", sourceHandle: "", target: "b" },
      { id: 4, source: "a", sourceHandle: "next", target: "b" },
      "e5",
    ];
    const loaded = loadDraft(raw([...steps, { id: "zz" }], edges, "a"));
    expect(loaded.document.edges).toEqual([edge("e1", "a", "next", "b")]);
    expect(loaded.dropped).toBe(4 + 1);
  });

  it("keeps an edge's route, so a reload draws an arranged edge the same; a broken route is left out", () => {
    const steps = [
      textStep("a", "", { position: { x: 0, y: 0 } }),
      textStep("b", "", { position: { x: 400, y: 0 } }),
    ];
    const route = [
      { x: 256, y: 80 },
      { x: 328, y: 80 },
      { x: 328, y: 26 },
      { x: 400, y: 26 },
    ];
    const edges = [
      { ...edge("e1", "a", "next", "b"), route },
      { ...edge("e2", "b", "next", "a"), route: [{ x: 1, y: 1 }] },
    ];
    const loaded = loadDraft(raw(steps, edges, "a"));
    expect(loaded.document.edges).toEqual([
      { ...edge("e1", "a", "next", "b"), route },
      edge("e2", "b", "next", "a"),
    ]);
    expect(loaded.document.edges[1]).not.toHaveProperty("route");
    expect(loaded.dropped).toBe(0);
  });

  it("keeps an edge to a step that doesn't exist (the compiler reports it)", () => {
    const doc = flowDoc(
      [textStep("a", "", { position: { x: 0, y: 0 } }), textStep("b", "", { position: { x: 1, y: 1 } })],
      [edge("e1", "a", "next", "gone")],
    );
    expect(loadDraft(doc).document.edges).toEqual(doc.edges);
  });

  it("lays out steps that are all stacked on one point", () => {
    const loaded = loadDraft(
      raw(
        [{ id: "a", type: "text", config: { text: "" } }, buttonsStep("b", [goto("y")])],
        [edge("e", "a", "next", "b")],
        "a",
      ),
    );
    expect(loaded.document.steps.map((s) => s.position)).toEqual([
      { x: 0, y: 0 },
      { x: 340, y: 0 },
    ]);
  });

  it("leaves positions of a draft that isn't stacked alone", () => {
    const doc = flowDoc([
      textStep("a", "", { position: { x: 5, y: 5 } }),
      textStep("b", "", { position: { x: 5, y: 6 } }),
    ]);
    expect(loadDraft(doc).document.steps.map((s) => s.position)).toEqual([
      { x: 5, y: 5 },
      { x: 5, y: 6 },
    ]);
  });
});
