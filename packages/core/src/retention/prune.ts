import { botLogs, processedUpdates } from "@switchboard/db";
import { and, isNotNull, sql } from "drizzle-orm";
import { foldStepCountShards } from "../analytics/fold-step-counts";
import type { Executor } from "../db";
import { pruneTopicOutbox } from "../forum/outbox";
import { pruneHttpJobs } from "../http/jobs";
import { pruneRealtimeEvents } from "../realtime/emit";
import { pruneWebhookDeliveries } from "../webhooks/queue";

/**
 * How long a handled update's row is kept. It is the dedupe of Telegram's redeliveries, and Telegram
 * may hand out an update_id again only after 7 days without updates (the runtime's
 * UPDATE_ID_REUSE_AFTER): keeping rows a day longer means an id within that window is always found.
 */
export const PROCESSED_UPDATES_KEEP_DAYS = 8;

/** The bots' logs (admin → Bots → Logs) are kept this long unless the runtime is told otherwise. */
export const DEFAULT_BOT_LOG_KEEP_DAYS = 30;

/**
 * Deletes handled updates older than `keepDays`. Unhandled ones stay, however old: they are work
 * still owed to a chat (the runtime's recovery picks them up).
 */
export async function pruneProcessedUpdates(db: Executor, keepDays = PROCESSED_UPDATES_KEEP_DAYS) {
  const rows = await db
    .delete(processedUpdates)
    .where(
      and(
        isNotNull(processedUpdates.processedAt),
        sql`${processedUpdates.receivedAt} < now() - ${keepDays} * interval '1 day'`,
      ),
    )
    .returning({ id: processedUpdates.updateId });
  return rows.length;
}

export async function pruneBotLogs(db: Executor, keepDays = DEFAULT_BOT_LOG_KEEP_DAYS) {
  const rows = await db
    .delete(botLogs)
    .where(sql`${botLogs.createdAt} < now() - ${keepDays} * interval '1 day'`)
    .returning({ id: botLogs.id });
  return rows.length;
}

export interface RetentionOptions {
  /** Days the bots' logs are kept (RUNTIME_BOT_LOG_RETENTION_DAYS); default 30. */
  botLogKeepDays?: number;
}

/**
 * Every table that grows with use and is only history, pruned in one place (the runtime's
 * RetentionWorker runs this about hourly). Each pruning is independent: one failing does not keep
 * the others from running; the failures are returned by name.
 */
export async function pruneHistory(db: Executor, opts: RetentionOptions = {}) {
  const jobs: Record<string, () => Promise<unknown>> = {
    processedUpdates: () => pruneProcessedUpdates(db),
    botLogs: () => pruneBotLogs(db, opts.botLogKeepDays ?? DEFAULT_BOT_LOG_KEEP_DAYS),
    // Realtime events a day, sent topic-outbox lines a week, finished webhook deliveries and HTTP jobs
    // per their own retention (webhooks/queue.ts, http/jobs.ts).
    realtimeEvents: () => pruneRealtimeEvents(db),
    topicOutbox: () => pruneTopicOutbox(db),
    webhookDeliveries: () => pruneWebhookDeliveries(db),
    httpJobs: () => pruneHttpJobs(db),
    // Not a pruning but the same rhythm: finished days' analytics counters fold their shards.
    stepCountShards: () => foldStepCountShards(db),
  };
  const failures: { job: string; error: unknown }[] = [];
  for (const [job, run] of Object.entries(jobs)) {
    try {
      await run();
    } catch (error) {
      failures.push({ job, error });
    }
  }
  return { failures };
}
