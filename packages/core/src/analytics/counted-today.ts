/**
 * What one conversation was already counted for in the canvas analytics today: kept on its row
 * (`conversations.counted_today`, written by the update that stores its state), so a conversation that
 * loops back to a menu counts once a day in "reached", "went on" and each output, without a read or a
 * write of its own. Pure: the dispatch hands it the stored JSON and writes back what it returns.
 *
 * It stays small: a new UTC day starts it empty, and a flow's entry starts over when the conversation
 * runs a new version of that flow (that version's counters are others). Flows are kept apart because a
 * Go to flow step can move a conversation back and forth between two flows in one day.
 */
export interface CountedToday {
  /** The UTC day ('YYYY-MM-DD') the counters below were added on. */
  day: string;
  /** flowId → the version counted in, and per step the counters already added (see `CounterCode`). */
  flows: Record<string, { version: string; steps: Record<string, CounterCode[]> }>;
}

/** A step's counter: "" reached (REACHED_OUTPUT), "*" went on (WENT_ON_OUTPUT), else an output handle. */
export type CounterCode = string;

/** A copy of the stored record when it is of `day`; else (another day, none yet, not readable) an empty one. */
export function countedTodayOf(stored: unknown, day: string): CountedToday {
  if (isCountedToday(stored) && stored.day === day) return structuredClone(stored);
  return { day, flows: {} };
}

/**
 * Marks a counter as counted for the conversation; true when it was not yet (count it now), false when
 * it already counts today. A version other than the one the flow's entry holds starts that entry over.
 */
export function markCounted(
  counted: CountedToday,
  at: { flowId: string; versionId: string; stepId: string },
  code: CounterCode,
): boolean {
  let flow = counted.flows[at.flowId];
  if (!flow || flow.version !== at.versionId) {
    flow = { version: at.versionId, steps: {} };
    counted.flows[at.flowId] = flow;
  }
  const codes = flow.steps[at.stepId] ?? [];
  flow.steps[at.stepId] = codes;
  if (codes.includes(code)) return false;
  codes.push(code);
  return true;
}

function isCountedToday(value: unknown): value is CountedToday {
  if (typeof value !== "object" || value === null) return false;
  const { day, flows } = value as Partial<CountedToday>;
  if (typeof day !== "string" || typeof flows !== "object" || flows === null) return false;
  return Object.values(flows).every(
    (f) =>
      typeof f === "object" &&
      f !== null &&
      typeof f.version === "string" &&
      typeof f.steps === "object" &&
      f.steps !== null &&
      Object.values(f.steps).every(
        (codes) => Array.isArray(codes) && codes.every((c) => typeof c === "string"),
      ),
  );
}
