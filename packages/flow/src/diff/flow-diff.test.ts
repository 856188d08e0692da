import { describe, expect, it } from "vitest";
import { emptyFlowDocument, type FlowDocument, type Step } from "../document";
import { diffFieldLabel, diffFlows, isEmptyDiff, sameJson, stepDiffStatuses } from "./flow-diff";

const text = (id: string, body: string, extra: Partial<Step> = {}): Step =>
  ({
    id,
    type: "text",
    title: id.toUpperCase(),
    position: { x: 0, y: 0 },
    aliases: [],
    config: { text: body },
    ...extra,
  }) as Step;

const flow = (steps: Step[], edges: [string, string, string][] = [], entry = steps[0]?.id ?? null) =>
  ({
    ...emptyFlowDocument(),
    entryStepId: entry,
    steps,
    edges: edges.map(([source, sourceHandle, target], i) => ({ id: `e${i}`, source, sourceHandle, target })),
  }) satisfies FlowDocument;

describe("diffFlows", () => {
  it("finds nothing between a flow and itself, or a copy with its steps moved", () => {
    const a = flow([text("a", "Hi"), text("b", "Bye")], [["a", "next", "b"]]);
    expect(isEmptyDiff(diffFlows(a, a))).toBe(true);
    const moved = flow(
      [text("a", "Hi", { position: { x: 300, y: 40 } }), text("b", "Bye")],
      [["a", "next", "b"]],
    );
    const d = diffFlows(a, moved);
    expect(isEmptyDiff(d)).toBe(true);
    expect(d.moved).toEqual(["a"]);
  });

  it("lists added, removed and changed steps with the fields that changed", () => {
    const before = flow([text("a", "Hi"), text("b", "Bye"), text("c", "Gone")]);
    const after = flow([
      text("a", "Hello", { aliases: ["/start"] }),
      text("b", "Bye", { title: "Farewell" }),
      text("d", "New"),
    ]);
    const d = diffFlows(before, after);
    expect(d.added).toEqual([{ id: "d", title: "D", type: "text" }]);
    expect(d.removed).toEqual([{ id: "c", title: "C", type: "text" }]);
    expect(d.changed).toEqual([
      { id: "a", title: "A", type: "text", fields: ["aliases", "config.text"] },
      { id: "b", title: "Farewell", type: "text", fields: ["title"] },
    ]);
    expect(stepDiffStatuses(d)).toEqual(
      new Map([
        ["d", "added"],
        ["c", "removed"],
        ["a", "changed"],
        ["b", "changed"],
      ]),
    );
  });

  it("names config keys that appear or disappear, and a changed type without comparing configs", () => {
    const before = flow([text("a", "Hi")]);
    const withMedia = flow([
      text("a", "Hi", { config: { text: "Hi", media: { kind: "photo", fileId: "f" } } } as Partial<Step>),
    ]);
    expect(diffFlows(before, withMedia).changed[0]?.fields).toEqual(["config.media"]);
    expect(diffFlows(withMedia, before).changed[0]?.fields).toEqual(["config.media"]);
    const asDelay = flow([
      {
        ...text("a", "Hi"),
        type: "delay",
        config: { amount: 1, unit: "minutes", allowAliases: true },
      } as Step,
    ]);
    expect(diffFlows(before, asDelay).changed[0]?.fields).toEqual(["type"]);
  });

  it("compares connections by what they link, not by edge id, and reports the start step", () => {
    const before = flow(
      [text("a", "1"), text("b", "2"), text("c", "3")],
      [
        ["a", "next", "b"],
        ["b", "next", "c"],
      ],
    );
    const after = {
      ...flow(
        [text("a", "1"), text("b", "2"), text("c", "3")],
        [
          ["b", "next", "c"],
          ["a", "next", "c"],
        ],
        "b",
      ),
    };
    // Same link under a new edge id is no change.
    after.edges[0]!.id = "renamed";
    const d = diffFlows(before, after);
    expect(d.connectionsAdded).toEqual([{ source: "a", sourceHandle: "next", target: "c" }]);
    expect(d.connectionsRemoved).toEqual([{ source: "a", sourceHandle: "next", target: "b" }]);
    expect(d.entry).toEqual({ before: "a", after: "b" });
    expect(d.changed).toEqual([]);
    expect(isEmptyDiff(d)).toBe(false);
  });

  it("treats a missing optional field like an undefined one and ignores key order", () => {
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: [] }, { a: {} })).toBe(false);
  });
});

describe("diffFieldLabel", () => {
  it("names fields in words", () => {
    expect(diffFieldLabel("config.retryText")).toBe("retry text");
    expect(diffFieldLabel("aliases")).toBe("keywords");
    expect(diffFieldLabel("config.text")).toBe("text");
  });
});
