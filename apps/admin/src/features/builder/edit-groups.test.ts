import { describe, expect, it } from "vitest";
import type { DraftAction } from "./draft";
import { createEditGrouper } from "./edit-groups";

/** A grouper whose "tasks" end when the test says so, with a focus the test moves. */
function setup() {
  let focused: object | null = null;
  let pending: (() => void)[] = [];
  const grouper = createEditGrouper({
    activeField: () => focused,
    defer: (fn) => {
      pending.push(fn);
    },
  });
  return {
    grouper,
    focus: (field: object | null) => {
      focused = field;
    },
    /** The current task of the event loop ends. */
    nextTask: () => {
      const run = pending;
      pending = [];
      for (const fn of run) fn();
    },
  };
}

const typeIn = (id: string): DraftAction => ({ type: "update_step", id, patch: { title: "x" } });
const move: DraftAction = { type: "move", positions: { a: { x: 1, y: 1 } } };
const removeEdges: DraftAction = { type: "remove", edgeIds: ["e"] };
const removeSteps: DraftAction = { type: "remove", stepIds: ["a"] };

describe("createEditGrouper", () => {
  it("puts the changes of one task in one group, and the next task's in another", () => {
    const { grouper, nextTask } = setup();
    const a = grouper.groupFor(removeEdges);
    const b = grouper.groupFor(removeSteps);
    expect(b).toBe(a);
    nextTask();
    expect(grouper.groupFor(move)).not.toBe(a);
  });

  it("keeps typing in one focused field in one group across tasks, until it loses focus", () => {
    const { grouper, focus, nextTask } = setup();
    const field = {};
    focus(field);
    const first = grouper.groupFor(typeIn("a"));
    nextTask();
    expect(grouper.groupFor(typeIn("a"))).toBe(first);
    nextTask();
    grouper.endSession(field);
    expect(grouper.groupFor(typeIn("a"))).not.toBe(first);
  });

  it("tells fields and steps apart", () => {
    const { grouper, focus } = setup();
    const one = {};
    const two = {};
    focus(one);
    const a = grouper.groupFor(typeIn("a"));
    expect(grouper.groupFor(typeIn("b"))).not.toBe(a);
    focus(two);
    expect(grouper.groupFor(typeIn("a"))).not.toBe(a);
  });

  it("groups a change that isn't typing by its task, even while a field has focus", () => {
    const { grouper, focus, nextTask } = setup();
    focus({});
    const typed = grouper.groupFor(typeIn("a"));
    const moved = grouper.groupFor(move);
    expect(moved).not.toBe(typed);
    nextTask();
    expect(grouper.groupFor(move)).not.toBe(moved);
  });
});
