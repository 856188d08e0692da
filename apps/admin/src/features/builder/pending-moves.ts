/*
 * A drop's `move` edit, committed after the drop's frame is painted. React Flow already shows the
 * steps where they were dropped (the canvas' nodes have their positions); committing the move to the
 * draft means a new draft, a re-render of the builder, a compile and an autosave, which on a large
 * flow made the drop's frame a long one. Anything else that changes the draft (an edit, undo, redo)
 * commits the pending move first, so edits stay in the order they were made.
 */

export type Positions = Record<string, { x: number; y: number }>;

export interface PendingMoves {
  /** Queues new positions; they are committed as one move, later (see `schedule`) or by `flush`. */
  add: (positions: Positions) => void;
  /** Commits the queued positions now, if there are any. */
  flush: () => void;
  /** Whether positions are queued. */
  pending: () => boolean;
}

export function createPendingMoves({
  schedule,
  commit,
}: {
  /** Runs the commit later (after the next paint in the browser). */
  schedule: (commitLater: () => void) => void;
  commit: (positions: Positions) => void;
}): PendingMoves {
  let pending: Positions | null = null;
  const flush = () => {
    if (!pending) return;
    const positions = pending;
    pending = null;
    commit(positions);
  };
  return {
    add(positions) {
      // Several drops before the commit (or several steps dropped in two changes): one move.
      if (pending) {
        pending = { ...pending, ...positions };
        return;
      }
      pending = { ...positions };
      schedule(flush);
    },
    flush,
    pending: () => pending !== null,
  };
}
