/*
 * Holds back an update while the pointer is pressed on a step. Pressing on an unselected step selects
 * it, and the builder's selection opens the side panel: on a large flow that re-render (the whole
 * builder and the step's editor) made the first frames of a drag that starts on that press long ones.
 * The step shows as selected on the canvas at once; the builder hears of it when the pointer is
 * released (a click, or the drop), after the next paint.
 */

export interface PressGate {
  /** Runs `update` now; while pressed, keeps it (only the latest) for the release instead. */
  run: (update: () => void) => void;
  press: () => void;
  /** Ends the press; the kept update runs later (see `schedule`), unless a newer one came first. */
  release: () => void;
}

export function createPressGate(schedule: (fn: () => void) => void): PressGate {
  let pressed = false;
  let held: (() => void) | null = null;
  return {
    run(update) {
      if (pressed) {
        held = update;
        return;
      }
      // Newer than one still waiting for its turn after a release: that one must not overwrite it.
      held = null;
      update();
    },
    press() {
      pressed = true;
    },
    release() {
      pressed = false;
      const update = held;
      if (!update) return;
      schedule(() => {
        if (held !== update) return;
        held = null;
        update();
      });
    },
  };
}
