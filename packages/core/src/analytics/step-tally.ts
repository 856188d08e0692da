import { REACHED_OUTPUT, WENT_ON_OUTPUT } from "@switchboard/db";
import type { EngineEvent } from "@switchboard/flow";
import { type CountedToday, countedTodayOf, markCounted } from "./counted-today";

/** Today's UTC date as step_counts stores it. */
export const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * One conversation's step counts over one dispatch, per flow version (a Go to flow step may run two
 * versions in one event), written once at its end. Each counter — a step reached, went on from it,
 * left through one of its outputs — counts the conversation at most once a UTC day: what it was already
 * counted for today comes from its row (`CountedToday`) and goes back there with this dispatch's
 * counters added. Pure: no database here, so the mapping is unit-tested alone.
 */
export class StepTally {
  /** The UTC day the counters are added to (the one they were checked against). */
  readonly day: string;
  private readonly counted: CountedToday;
  /** versionId → "stepId\0output" → count (1: the conversation counts once). */
  private readonly byVersion = new Map<string, Map<string, number>>();

  /** `counted`: the conversation's stored `counted_today` (null or another day's: nothing counted yet). */
  constructor(options: { counted?: unknown; at?: Date } = {}) {
    this.day = utcDay(options.at ?? new Date());
    this.counted = countedTodayOf(options.counted ?? null, this.day);
  }

  /**
   * Adds an engine run's events in a version of a flow: `step_reached` and a step skipped for its
   * audience (the conversation came to it and went on through its fallback) reach the step;
   * `output_taken` leaves it through that output, and goes on from it when the output leads to a step.
   * A counter the conversation already counts in today is not counted again.
   */
  add(versionId: string, events: readonly EngineEvent[], flowId: string = versionId): void {
    for (const e of events) {
      if (e.type === "step_reached" || e.type === "audience_skipped")
        this.count(flowId, versionId, e.stepId, REACHED_OUTPUT);
      else if (e.type === "output_taken") {
        this.count(flowId, versionId, e.stepId, e.output);
        if (e.targetStepId !== null) this.count(flowId, versionId, e.stepId, WENT_ON_OUTPUT);
      }
    }
  }

  /** What the conversation counts in today, this dispatch's counters included: to store on its row. */
  countedToday(): CountedToday {
    return this.counted;
  }

  /**
   * Every counter to increment, in a fixed (sorted) order: concurrent writers lock rows in the same
   * order. `output`: null for reached, WENT_ON_OUTPUT for went on, else the output handle.
   */
  entries(): { versionId: string; stepId: string; output: string | null; count: number }[] {
    const out = [];
    for (const [versionId, counts] of this.byVersion)
      for (const [key, count] of counts) {
        const [stepId, output] = key.split("\0") as [string, string];
        out.push({ versionId, stepId, output: output === REACHED_OUTPUT ? null : output, count });
      }
    return out.sort(
      (a, b) =>
        codeUnitOrder(a.versionId, b.versionId) ||
        codeUnitOrder(a.stepId, b.stepId) ||
        codeUnitOrder(a.output ?? "", b.output ?? ""),
    );
  }

  private count(flowId: string, versionId: string, stepId: string, output: string) {
    if (!markCounted(this.counted, { flowId, versionId, stepId }, output)) return;
    const counts = this.byVersion.get(versionId) ?? new Map<string, number>();
    this.byVersion.set(versionId, counts);
    const key = `${stepId}\0${output}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
}

/** Plain code-unit order, the same in every process (the lock order of counter rows). */
export const codeUnitOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
