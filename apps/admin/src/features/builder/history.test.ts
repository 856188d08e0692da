import type { FlowDocument } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import type { DraftAction } from "./draft";
import {
  type DraftHistory,
  HISTORY_LIMIT,
  type HistoryAction,
  historyReducer,
  initialHistory,
  MERGE_WINDOW_MS,
} from "./history";
import { flowDoc, textStep } from "./test-helpers";

const start = () => initialHistory(flowDoc([textStep("a", ""), textStep("b", "")]));
const run = (h: DraftHistory, ...actions: HistoryAction[]) => actions.reduce(historyReducer, h);
const act = (action: DraftAction, at = 0): HistoryAction => ({ type: "do", action, at });
const type = (id: string, text: string, at: number) =>
  act({ type: "update_step", id, patch: { config: { text } } }, at);
const title = (id: string, value: string, at: number) =>
  act({ type: "update_step", id, patch: { title: value } }, at);
const move = (x: number, at = 0) => act({ type: "move", positions: { a: { x, y: 0 } } }, at);
const textOf = (doc: FlowDocument, id = "a") =>
  (doc.steps.find((s) => s.id === id)?.config as { text: string } | undefined)?.text;

describe("historyReducer", () => {
  it("starts empty", () => {
    expect(start()).toMatchObject({ past: [], future: [], lastKey: null, lastAt: 0 });
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
    expect(historyReducer(h, move(10, 5000))).toBe(h);
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
      case: "typing in one field within the window",
      actions: [type("a", "H", 0), type("a", "Hi", 999)],
      undos: 1,
    },
    {
      case: "a pause of the merge window",
      actions: [type("a", "H", 0), type("a", "Hi", MERGE_WINDOW_MS)],
      undos: 2,
    },
    {
      case: "the window runs from the last keystroke",
      actions: [type("a", "H", 0), type("a", "Hi", 900), type("a", "Hi!", 1800)],
      undos: 1,
    },
    { case: "another field of the step", actions: [type("a", "H", 0), title("a", "T", 100)], undos: 2 },
    { case: "the same field of another step", actions: [type("a", "H", 0), type("b", "H", 100)], undos: 2 },
    { case: "changes that aren't typing", actions: [move(10, 0), move(20, 100)], undos: 2 },
  ])("$case: $undos undo step(s)", ({ actions, undos }) => {
    const h = run(start(), ...actions);
    expect(h.past).toHaveLength(undos);
    const back = run(h, ...Array.from({ length: undos }, () => ({ type: "undo" }) as const));
    expect(back.past).toEqual([]);
    expect(textOf(back.present)).toBe("");
  });

  it("merged typing undoes to the text before it", () => {
    const h = run(
      start(),
      type("a", "Hello", 0),
      move(5, 100),
      type("a", "Hello w", 5000),
      type("a", "Hello world", 5500),
    );
    const undone = historyReducer(h, { type: "undo" });
    expect(textOf(undone.present)).toBe("Hello");
    expect(undone.present.steps[0]!.position.x).toBe(5);
  });

  it("doesn't merge typing across an undo", () => {
    const h = run(start(), type("a", "H", 0), type("a", "Hi", 100), { type: "undo" }, type("a", "Yo", 200));
    expect(h.past).toHaveLength(1);
    expect(h.lastKey).not.toBeNull();
    expect(textOf(historyReducer(h, { type: "undo" }).present)).toBe("");
  });

  it(`keeps the last ${HISTORY_LIMIT} undo steps`, () => {
    const moves = Array.from({ length: HISTORY_LIMIT + 20 }, (_, i) => move(i + 1, i * 10_000));
    const h = run(start(), ...moves);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]!.steps[0]!.position.x).toBe(20);
    const all = run(h, ...Array.from({ length: HISTORY_LIMIT + 5 }, () => ({ type: "undo" }) as const));
    expect(all.present.steps[0]!.position.x).toBe(20);
    expect(all.future).toHaveLength(HISTORY_LIMIT);
  });

  it("reset replaces the draft without an undo step", () => {
    const next = flowDoc([textStep("z")]);
    const h = run(start(), move(10), { type: "undo" }, type("a", "x", 0), { type: "reset", document: next });
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
