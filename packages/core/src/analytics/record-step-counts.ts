import { REACHED_OUTPUT, stepCounts } from "@switchboard/db";
import { sql } from "drizzle-orm";
import type { Executor } from "../db";
import { codeUnitOrder, type StepTally } from "./step-tally";

/** Rows one hot counter is spread over (see `step_counts.shard`). */
export const STEP_COUNT_SHARDS = 8;

export const stepCountShard = (chatId: number) => Math.abs(chatId % STEP_COUNT_SHARDS);

/** One counter increment as stored: `day` is the UTC date ('YYYY-MM-DD') it was counted on. */
export interface StepCountRow {
  versionId: string;
  botId: string;
  day: string;
  stepId: string;
  output: string | null;
  shard: number;
  count: number;
}

/**
 * The rows a dispatch's tally adds, in the tally's fixed order, on the day it was counted against (so a
 * tally buffered across midnight still adds to the day its conversation was counted once on).
 */
export function stepCountRows(tally: StepTally, where: { botId: string; chatId: number }): StepCountRow[] {
  const shard = stepCountShard(where.chatId);
  return tally.entries().map((e) => ({ ...e, botId: where.botId, day: tally.day, shard }));
}

/**
 * Adds a dispatch's step counts to today's (UTC) rows in one statement, in the caller's transaction,
 * so the counts commit with the conversation's move or not at all. (The runtime batches them after
 * its commit instead: StepCountBuffer.)
 */
export async function recordStepCounts(
  tx: Executor,
  tally: StepTally,
  where: { botId: string; chatId: number },
): Promise<void> {
  await upsertStepCounts(tx, stepCountRows(tally, where));
}

/** Adds the rows' counts in one statement; rows locked in a fixed order, so concurrent writers never deadlock. */
export async function upsertStepCounts(tx: Executor, rows: StepCountRow[]): Promise<void> {
  if (rows.length === 0) return;
  const sorted = [...rows].sort(
    (a, b) =>
      codeUnitOrder(a.versionId, b.versionId) ||
      codeUnitOrder(a.day, b.day) ||
      codeUnitOrder(a.stepId, b.stepId) ||
      codeUnitOrder(a.output ?? "", b.output ?? "") ||
      codeUnitOrder(a.botId, b.botId) ||
      a.shard - b.shard,
  );
  await tx
    .insert(stepCounts)
    .values(
      sorted.map((e) => ({
        flowVersionId: e.versionId,
        botId: e.botId,
        day: e.day,
        stepId: e.stepId,
        output: e.output ?? REACHED_OUTPUT,
        shard: e.shard,
        count: e.count,
      })),
    )
    .onConflictDoUpdate({
      target: [
        stepCounts.flowVersionId,
        stepCounts.day,
        stepCounts.stepId,
        stepCounts.output,
        stepCounts.botId,
        stepCounts.shard,
      ],
      set: { count: sql`${stepCounts.count} + excluded.count` },
    });
}
