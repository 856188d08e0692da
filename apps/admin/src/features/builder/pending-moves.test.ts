import { describe, expect, it } from "vitest";
import { createPendingMoves, type Positions } from "./pending-moves";

function setup() {
  const scheduled: (() => void)[] = [];
  const committed: Positions[] = [];
  const moves = createPendingMoves({
    schedule: (fn) => scheduled.push(fn),
    commit: (p) => committed.push(p),
  });
  return { moves, scheduled, committed };
}

describe("createPendingMoves", () => {
  it("commits a drop's positions later, not when they are added", () => {
    const { moves, scheduled, committed } = setup();
    moves.add({ a: { x: 1, y: 2 } });
    expect(committed).toEqual([]);
    expect(scheduled).toHaveLength(1);
    scheduled[0]!();
    expect(committed).toEqual([{ a: { x: 1, y: 2 } }]);
  });

  it("merges drops made before the commit into one move, the latest position winning", () => {
    const { moves, scheduled, committed } = setup();
    moves.add({ a: { x: 1, y: 1 } });
    moves.add({ a: { x: 5, y: 5 }, b: { x: 2, y: 2 } });
    expect(scheduled).toHaveLength(1);
    scheduled[0]!();
    expect(committed).toEqual([{ a: { x: 5, y: 5 }, b: { x: 2, y: 2 } }]);
  });

  it("flush commits at once, and the scheduled commit then has nothing left to do", () => {
    const { moves, scheduled, committed } = setup();
    expect(moves.pending()).toBe(false);
    moves.add({ a: { x: 1, y: 1 } });
    expect(moves.pending()).toBe(true);
    moves.flush();
    expect(moves.pending()).toBe(false);
    expect(committed).toEqual([{ a: { x: 1, y: 1 } }]);
    scheduled[0]!();
    moves.flush();
    expect(committed).toHaveLength(1);
  });

  it("schedules again for a drop after a commit", () => {
    const { moves, scheduled, committed } = setup();
    moves.add({ a: { x: 1, y: 1 } });
    scheduled[0]!();
    moves.add({ a: { x: 3, y: 3 } });
    expect(scheduled).toHaveLength(2);
    scheduled[1]!();
    expect(committed).toEqual([{ a: { x: 1, y: 1 } }, { a: { x: 3, y: 3 } }]);
  });
});
