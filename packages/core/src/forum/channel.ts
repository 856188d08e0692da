import { sql } from "drizzle-orm";
import type { Executor } from "../db";

/**
 * Lines were queued in a bot's topic outbox (the operators' group). Payload: the bot id. Kept next to
 * the forum code rather than in channels.ts so this feature stays in one folder; the name follows
 * CHANNELS' pattern and must not be reused there.
 */
export const TOPIC_OUTBOX_CHANNEL = "switchboard_topic_outbox";

/** Transactional like every NOTIFY: the runtime wakes at commit, when the rows are visible. */
export async function notifyTopicOutbox(db: Executor, botId: string) {
  await db.execute(sql`select pg_notify(${TOPIC_OUTBOX_CHANNEL}, ${botId})`);
}

/**
 * The forum's advisory-lock key space (see locks.ts's LOCK_SPACE: 1, 2, 3, 6 and 7 are taken, 4 and 5
 * retired). Serializes claiming one topic's lines and creating its topic.
 */
export const TOPIC_LOCK_SPACE = 8;

export async function lockTopic(
  tx: Executor,
  key: { botId: string; groupChatId: number; contactId: string },
) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(${TOPIC_LOCK_SPACE}, hashtext(${`${key.botId}:${key.groupChatId}:${key.contactId}`}))`,
  );
}
