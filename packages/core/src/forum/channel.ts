import { sql } from "drizzle-orm";
import { CHANNELS } from "../channels";
import type { Executor } from "../db";
import { LOCK_SPACE } from "../locks";

/** Transactional like every NOTIFY: the runtime wakes at commit, when the rows are visible. */
export async function notifyTopicOutbox(db: Executor, botId: string) {
  await db.execute(sql`select pg_notify(${CHANNELS.topicOutbox}, ${botId})`);
}

/** Serializes claiming one topic's lines and creating its topic. */
export async function lockTopic(
  tx: Executor,
  key: { botId: string; groupChatId: number; contactId: string },
) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(${LOCK_SPACE.topic}, hashtext(${`${key.botId}:${key.groupChatId}:${key.contactId}`}))`,
  );
}
