import type { FlowDocument } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import type { DraftAction } from "./draft";
import {
  type DraftHistory,
  HISTORY_LIMIT,
  type HistoryAction,
  historyReducer,
  initialHistory,
} from "./history";
import { edge, flowDoc, textStep } from "./test-helpers";

const start = () => initialHistory(flowDoc([textStep("a", ""), textStep("b", "")]));
const run = (h: DraftHistory, ...actions: HistoryAction[]) => actions.reduce(historyReducer, h);
const act = (action: DraftAction, group?: string): HistoryAction => ({ type: "do", action, group });
const type = (id: string, text: string, group?: string) =>
  act({ type: "update_step", id, patch: { config: { text } } }, group);
const title = (id: string, value: string, group?: string) =>
  act({ type: "update_step", id, patch: { title: value } }, group);
const move = (x: number, group?: string) => act({ type: "move", positions: { a: { x, y: 0 } } }, group);
const textOf = (doc: FlowDocument, id = "a") =>
  (doc.steps.find((s) => s.id === id)?.config as { text: string } | undefined)?.text;

describe("historyReducer", () => {
  it("starts empty", () => {
    expect(start()).toMatchObject({ past: [], future: [], lastGroup: null });
  });

  it("records a change and clears the redo stack", () => {
    const h0 = start();
    const h1 = run(h0, move(10), { type: "undo" });
    expect(h1.future).toHaveLength(1);
    const h2 = run(h1, move(20));
    expect(h2.past).toEqual([h0.present]);
    expect(h2.future).toEqual([]);
    expect(h2.present.steps[0]!.position.x).toBe(20);
  });

  it("ignores a change that changes nothing", () => {
    const h = run(start(), move(10));
    expect(historyReducer(h, move(10, "task:9"))).toBe(h);
    expect(historyReducer(h, act({ type: "remove", stepIds: ["zz"] }))).toBe(h);
  });

  it("undoes and redoes in order", () => {
    const h0 = start();
    const h2 = run(h0, move(10), move(20));
    const u1 = historyReducer(h2, { type: "undo" });
    expect(u1.present.steps[0]!.position.x).toBe(10);
    const u2 = historyReducer(u1, { type: "undo" });
    expect(u2.present).toBe(h0.present);
    expect(u2.past).toEqual([]);
    expect(u2.future).toHaveLength(2);
    const r1 = historyReducer(u2, { type: "redo" });
    expect(r1.present.steps[0]!.position.x).toBe(10);
    const r2 = historyReducer(r1, { type: "redo" });
    expect(r2.present).toBe(h2.present);
    expect(r2.future).toEqual([]);
  });

  it.each(["undo", "redo"] as const)("%s with nothing to go to returns the same history", (kind) => {
    const h = start();
    expect(historyReducer(h, { type: kind })).toBe(h);
  });

  it.each([
    {
      case: "typing in one field (one session)",
      actions: [type("a", "H", "field:1:a"), type("a", "Hi", "field:1:a"), type("a", "Hi!", "field:1:a")],
      undos: 1,
    },
    {
      case: "the same field after it lost focus (a new session)",
      actions: [type("a", "H", "field:1:a"), type("a", "Hi", "field:2:a")],
      undos: 2,
    },
    {
      case: "another field of the step",
      actions: [type("a", "H", "field:1:a"), title("a", "T", "field:2:a")],
      undos: 2,
    },
    {
      case: "the same field of another step",
      actions: [type("a", "H", "field:1:a"), type("b", "H", "field:1:b")],
      undos: 2,
    },
    { case: "changes of separate actions", actions: [move(10, "task:1"), move(20, "task:2")], undos: 2 },
    { case: "changes without a group", actions: [move(10), move(20)], undos: 2 },
  ])("$case: $undos undo step(s)", ({ actions, undos }) => {
    const h = run(start(), ...actions);
    expect(h.past).toHaveLength(undos);
    const back = run(h, ...Array.from({ length: undos }, () => ({ type: "undo" }) as const));
    expect(back.past).toEqual([]);
    expect(textOf(back.present)).toBe("");
    expect(back.present.steps[0]!.position.x).toBe(0);
  });

  it("a typing session undoes to the text before it, never to a partial text", () => {
    const h = run(
      start(),
      type("a", "Hello", "field:1:a"),
      move(5, "task:1"),
      type("a", "Hello w", "field:2:a"),
      type("a", "Hello wo", "field:2:a"),
      type("a", "Hello world", "field:2:a"),
    );
    const undone = historyReducer(h, { type: "undo" });
    expect(textOf(undone.present)).toBe("Hello");
    expect(undone.present.steps[0]!.position.x).toBe(5);
    const redone = historyReducer(undone, { type: "redo" });
    expect(textOf(redone.present)).toBe("Hello world");
  });

  it("another change in between ends a typing session", () => {
    const h = run(start(), type("a", "H", "field:1:a"), move(5, "task:1"), type("a", "Hi", "field:1:a"));
    expect(h.past).toHaveLength(3);
    expect(textOf(historyReducer(h, { type: "undo" }).present)).toBe("H");
  });

  it("doesn't fold a change into an undone step", () => {
    const h = run(
      start(),
      type("a", "H", "field:1:a"),
      type("a", "Hi", "field:1:a"),
      { type: "undo" },
      type("a", "Yo", "field:1:a"),
    );
    expect(h.past).toHaveLength(1);
    expect(h.lastGroup).toBe("field:1:a");
    expect(textOf(historyReducer(h, { type: "undo" }).present)).toBe("");
  });

  it("Delete on a connected step (its edges, then the step, in one task) is one undo step", () => {
    const h0 = initialHistory(
      flowDoc([textStep("a", "x"), textStep("b", "y")], [edge("e1", "a", "next", "b")]),
    );
    const h = run(
      h0,
      act({ type: "remove", edgeIds: ["e1"] }, "task:7"),
      act({ type: "remove", stepIds: ["b"] }, "task:7"),
    );
    expect(h.present.steps.map((s) => s.id)).toEqual(["a"]);
    expect(h.past).toHaveLength(1);
    const undone = historyReducer(h, { type: "undo" });
    expect(undone.present).toBe(h0.present);
    expect(undone.present.edges).toHaveLength(1);
  });

  it("a batch of changes in one task (a paste) is one undo step", () => {
    const h0 = start();
    const h = run(
      h0,
      act({ type: "add_step", id: "c", stepType: "text", position: { x: 300, y: 0 } }, "task:3"),
      act({ type: "add_step", id: "d", stepType: "text", position: { x: 600, y: 0 } }, "task:3"),
      act({ type: "connect", source: "c", sourceHandle: "next", target: "d" }, "task:3"),
    );
    expect(h.present.steps).toHaveLength(4);
    expect(historyReducer(h, { type: "undo" }).present).toBe(h0.present);
  });

  it(`keeps the last ${HISTORY_LIMIT} undo steps`, () => {
    const moves = Array.from({ length: HISTORY_LIMIT + 20 }, (_, i) => move(i + 1, `task:${i}`));
    const h = run(start(), ...moves);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]!.steps[0]!.position.x).toBe(20);
    const all = run(h, ...Array.from({ length: HISTORY_LIMIT + 5 }, () => ({ type: "undo" }) as const));
    expect(all.present.steps[0]!.position.x).toBe(20);
    expect(all.future).toHaveLength(HISTORY_LIMIT);
  });

  it("reset replaces the draft without an undo step", () => {
    const next = flowDoc([textStep("z")]);
    const h = run(start(), move(10), { type: "undo" }, type("a", "x"), { type: "reset", document: next });
    expect(h).toEqual(initialHistory(next));
    expect(h.present).toBe(next);
  });

  it("replace is an undoable change", () => {
    const h0 = start();
    const next = flowDoc([textStep("z")]);
    const h = run(h0, act({ type: "replace", document: next }));
    expect(h.present).toBe(next);
    expect(historyReducer(h, { type: "undo" }).present).toBe(h0.present);
  });
});
