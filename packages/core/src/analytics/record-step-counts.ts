import { REACHED_OUTPUT, stepCounts } from "@switchboard/db";
import { sql } from "drizzle-orm";
import type { Executor } from "../db";
import type { StepTally } from "./step-tally";

/** Rows one hot counter is spread over (see `step_counts.shard`). */
export const STEP_COUNT_SHARDS = 8;

export const stepCountShard = (chatId: number) => Math.abs(chatId % STEP_COUNT_SHARDS);

/**
 * Adds a dispatch's step counts to today's (UTC) rows in one statement, in the caller's transaction,
 * so the counts commit with the conversation's move or not at all.
 */
export async function recordStepCounts(
  tx: Executor,
  tally: StepTally,
  where: { botId: string; chatId: number },
): Promise<void> {
  const entries = tally.entries();
  if (entries.length === 0) return;
  const shard = stepCountShard(where.chatId);
  await tx
    .insert(stepCounts)
    .values(
      entries.map((e) => ({
        flowVersionId: e.versionId,
        botId: where.botId,
        day: sql`(now() at time zone 'utc')::date`,
        stepId: e.stepId,
        output: e.output ?? REACHED_OUTPUT,
        shard,
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
