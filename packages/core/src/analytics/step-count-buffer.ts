import type { Executor } from "../db";
import { type StepCountRow, stepCountRows, upsertStepCounts } from "./record-step-counts";
import type { StepTally } from "./step-tally";

/** A committed dispatch's step counts, waiting to be added to step_counts. */
export interface PendingStepCounts {
  tally: StepTally;
  botId: string;
  chatId: number;
}

/**
 * Step counts of committed dispatches, summed in memory and written in one statement per flush (the
 * runtime flushes every second and when it stops). Writing them in each update's transaction cost about
 * a third of the runtime's throughput (a contended upsert per message); summed, a busy bot writes one row
 * per step and output a second. What a crash loses is at most the last second's counts, never a
 * conversation's move. Counted only after the commit, so a rolled-back update counts nothing.
 */
export class StepCountBuffer {
  private rows = new Map<string, StepCountRow>();

  add(pending: readonly PendingStepCounts[]): void {
    for (const p of pending) for (const row of stepCountRows(p.tally, p)) this.hold(row);
  }

  /** Counters waiting (distinct rows). */
  get size(): number {
    return this.rows.size;
  }

  /** Writes every waiting count in one statement; on failure they wait for the next flush. */
  async flush(db: Executor): Promise<void> {
    if (this.rows.size === 0) return;
    const taken = this.rows;
    this.rows = new Map();
    try {
      await upsertStepCounts(db, [...taken.values()]);
    } catch (err) {
      for (const row of taken.values()) this.hold(row);
      throw err;
    }
  }

  /** Adds a row's count to the one waiting for the same counter. */
  private hold(row: StepCountRow): void {
    const key = [row.versionId, row.botId, row.day, row.stepId, row.output ?? "", row.shard].join("\0");
    const held = this.rows.get(key);
    if (held) held.count += row.count;
    else this.rows.set(key, { ...row });
  }
}
