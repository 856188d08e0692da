import type { EngineEvent } from "@switchboard/flow";

/** What a counter row counts: arrivals at a step (output null) or departures through one of its outputs. */
export interface StepCountKey {
  stepId: string;
  /** The output handle; null: the step was reached. */
  output: string | null;
}

/**
 * Step counts gathered over one dispatch, per flow version (a Go to flow step may run two versions in
 * one event), written once at its end. Pure: no database here, so the mapping is unit-tested alone.
 */
export class StepTally {
  /** versionId → "stepId\0output" → count */
  private readonly byVersion = new Map<string, Map<string, number>>();

  /**
   * Adds an engine run's events: `step_reached` and a step skipped for its audience (the conversation
   * came to it and went on through its fallback) are arrivals; `output_taken` is a departure.
   */
  add(versionId: string, events: readonly EngineEvent[]): void {
    for (const e of events) {
      if (e.type === "step_reached" || e.type === "audience_skipped") this.bump(versionId, e.stepId, null);
      else if (e.type === "output_taken") this.bump(versionId, e.stepId, e.output);
    }
  }

  /** Every counter to increment, in a fixed (sorted) order: concurrent writers lock rows in the same order. */
  entries(): { versionId: string; stepId: string; output: string | null; count: number }[] {
    const out = [];
    for (const [versionId, counts] of this.byVersion)
      for (const [key, count] of counts) {
        const [stepId, output] = key.split("\0") as [string, string];
        out.push({ versionId, stepId, output: output === "" ? null : output, count });
      }
    return out.sort(
      (a, b) =>
        codeUnitOrder(a.versionId, b.versionId) ||
        codeUnitOrder(a.stepId, b.stepId) ||
        codeUnitOrder(a.output ?? "", b.output ?? ""),
    );
  }

  private bump(versionId: string, stepId: string, output: string | null) {
    const counts = this.byVersion.get(versionId) ?? new Map<string, number>();
    this.byVersion.set(versionId, counts);
    const key = `${stepId}\0${output ?? ""}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
}

/** Plain code-unit order, the same in every process (the lock order of counter rows). */
export const codeUnitOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
