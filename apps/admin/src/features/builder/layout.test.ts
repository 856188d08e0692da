import { buttonHandle, type FlowDocument, NEXT_HANDLE } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import { autoLayout, COLUMN_WIDTH, needsLayout } from "./layout";
import { buttonsStep, edge, flowDoc, freeInputStep, goto, textStep } from "./test-helpers";

const at = (x: number, y: number) => ({ position: { x, y } });
const positions = (doc: FlowDocument) => Object.fromEntries(doc.steps.map((s) => [s.id, s.position]));
const columns = (doc: FlowDocument) =>
  Object.fromEntries(doc.steps.map((s) => [s.id, s.position.x / COLUMN_WIDTH]));

describe("needsLayout", () => {
  it.each([
    { case: "an empty flow", steps: [], expected: false },
    { case: "one step", steps: [textStep("a", "", at(0, 0))], expected: false },
    {
      case: "two steps on one point",
      steps: [textStep("a", "", at(0, 0)), textStep("b", "", at(0, 0))],
      expected: true,
    },
    {
      case: "three steps stacked anywhere",
      steps: [textStep("a", "", at(7, 9)), textStep("b", "", at(7, 9)), textStep("c", "", at(7, 9))],
      expected: true,
    },
    {
      case: "two steps apart",
      steps: [textStep("a", "", at(0, 0)), textStep("b", "", at(0, 1))],
      expected: false,
    },
    {
      case: "one step of three apart",
      steps: [textStep("a", "", at(0, 0)), textStep("b", "", at(0, 0)), textStep("c", "", at(1, 0))],
      expected: false,
    },
  ])("$case: $expected", ({ steps, expected }) => {
    expect(needsLayout(flowDoc(steps))).toBe(expected);
  });
});

describe("autoLayout", () => {
  it.each([
    {
      case: "a chain goes left to right",
      doc: flowDoc(
        [textStep("a"), textStep("b"), textStep("c")],
        [edge("1", "a", NEXT_HANDLE, "b"), edge("2", "b", NEXT_HANDLE, "c")],
      ),
      expected: { a: 0, b: 1, c: 2 },
    },
    {
      case: "layers count from the start step, wherever it is in the list",
      doc: flowDoc(
        [textStep("b"), textStep("c"), textStep("a")],
        [edge("1", "a", NEXT_HANDLE, "b"), edge("2", "b", NEXT_HANDLE, "c")],
        "a",
      ),
      expected: { a: 0, b: 1, c: 2 },
    },
    {
      case: "a step takes its shortest distance",
      doc: flowDoc(
        [buttonsStep("a", [goto("x"), goto("y")]), textStep("b"), textStep("c")],
        [
          edge("1", "a", buttonHandle("x"), "b"),
          edge("2", "b", NEXT_HANDLE, "c"),
          edge("3", "a", buttonHandle("y"), "c"),
        ],
      ),
      expected: { a: 0, b: 1, c: 1 },
    },
    {
      case: "loops don't push steps further",
      doc: flowDoc(
        [textStep("a"), textStep("b")],
        [edge("1", "a", NEXT_HANDLE, "b"), edge("2", "b", NEXT_HANDLE, "a")],
      ),
      expected: { a: 0, b: 1 },
    },
    {
      case: "steps with aliases are roots of their own",
      doc: flowDoc(
        [textStep("a"), textStep("help", "", { aliases: ["/help"] }), textStep("h2")],
        [edge("1", "help", NEXT_HANDLE, "h2")],
      ),
      expected: { a: 0, help: 0, h2: 1 },
    },
    {
      case: "alias steps are roots before steps nothing leads to",
      doc: flowDoc(
        [textStep("a"), textStep("x"), textStep("help", "", { aliases: ["/help"] })],
        [edge("1", "x", NEXT_HANDLE, "help")],
      ),
      expected: { a: 0, x: 0, help: 0 },
    },
    {
      case: "an alias step reached from the start keeps its distance",
      doc: flowDoc(
        [textStep("a"), textStep("b"), textStep("help", "", { aliases: ["/help"] })],
        [edge("1", "a", NEXT_HANDLE, "b"), edge("2", "b", NEXT_HANDLE, "help")],
      ),
      expected: { a: 0, b: 1, help: 2 },
    },
    {
      case: "without a start step, unreached steps are roots in list order",
      doc: flowDoc(
        [textStep("a"), textStep("b"), textStep("c")],
        [edge("1", "b", NEXT_HANDLE, "c"), edge("2", "c", NEXT_HANDLE, "a")],
        null,
      ),
      expected: { a: 0, b: 0, c: 1 },
    },
    {
      case: "a start step that doesn't exist is ignored",
      doc: flowDoc([textStep("a"), textStep("b")], [edge("1", "a", NEXT_HANDLE, "b")], "gone"),
      expected: { a: 0, b: 1 },
    },
    {
      case: "edges to or from missing steps are ignored",
      doc: flowDoc(
        [textStep("a"), textStep("b")],
        [edge("1", "a", NEXT_HANDLE, "gone"), edge("2", "gone", NEXT_HANDLE, "b")],
      ),
      expected: { a: 0, b: 0 },
    },
  ])("$case", ({ doc, expected }) => {
    expect(columns(autoLayout(doc))).toEqual(expected);
  });

  it("stacks a column top to bottom with room for each step's outputs", () => {
    const doc = flowDoc(
      [
        buttonsStep("menu", [goto("x"), goto("y"), goto("z")]),
        textStep("x"),
        freeInputStep("y"),
        textStep("z"),
      ],
      [
        edge("1", "menu", buttonHandle("x"), "x"),
        edge("2", "menu", buttonHandle("y"), "y"),
        edge("3", "menu", buttonHandle("z"), "z"),
      ],
    );
    // A text step is 120 + 26 per output; a free input 20 more; 60 between steps.
    expect(positions(autoLayout(doc))).toEqual({
      menu: { x: 0, y: 0 },
      x: { x: COLUMN_WIDTH, y: 0 },
      y: { x: COLUMN_WIDTH, y: 206 },
      z: { x: COLUMN_WIDTH, y: 206 + 226 },
    });
  });

  it("lays out stacked steps and changes nothing but positions", () => {
    const doc = flowDoc(
      [
        textStep("a", "Hi", { title: "A", ...at(50, 50) }),
        textStep("b", "Yo", { aliases: ["/b"], ...at(50, 50) }),
      ],
      [edge("1", "a", NEXT_HANDLE, "b")],
    );
    const next = autoLayout(doc);
    expect(needsLayout(next)).toBe(false);
    expect(next.edges).toBe(doc.edges);
    expect(next.entryStepId).toBe("a");
    expect(next.steps.map(({ position: _, ...s }) => s)).toEqual(doc.steps.map(({ position: _, ...s }) => s));
    expect(positions(next)).toEqual({ a: { x: 0, y: 0 }, b: { x: COLUMN_WIDTH, y: 0 } });
  });
});
