import { type Db, processedUpdates } from "@switchboard/db";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { metrics } from "./metrics";
import { chatIdOf, type TelegramUpdate } from "./telegram/update-mapping";

/**
 * Durably records received updates before anything else happens. A redelivered update (webhook
 * retry, getUpdates after a crash) hits the primary key and is ignored. Telegram may reuse an id after
 * a week without updates (it then picks the next one at random), so an id last seen longer ago than
 * that is a new update and replaces the old row. Returns the chats that got new updates.
 */
/** After this long, Telegram may hand out an update_id again. */
export const UPDATE_ID_REUSE_AFTER = "7 days";

export async function storeUpdates(db: Db, botId: string, updates: TelegramUpdate[]): Promise<Set<number>> {
  if (updates.length === 0) return new Set();
  metrics.updatesReceived(botId, updates.length);
  const rows = await db
    .insert(processedUpdates)
    .values(
      updates.map((u) => {
        const chatId = chatIdOf(u);
        // Updates outside any chat have nothing to process: they are stored as done.
        return {
          botId,
          updateId: u.update_id,
          chatId,
          payload: u,
          processedAt: chatId === null ? new Date() : null,
        };
      }),
    )
    .onConflictDoUpdate({
      target: [processedUpdates.botId, processedUpdates.updateId],
      set: {
        chatId: sql`excluded.chat_id`,
        payload: sql`excluded.payload`,
        receivedAt: sql`now()`,
        processedAt: sql`excluded.processed_at`,
        attempts: 0,
        error: null,
      },
      where: sql`${processedUpdates.receivedAt} < now() - ${UPDATE_ID_REUSE_AFTER}::interval`,
    })
    .returning({ chatId: processedUpdates.chatId });
  return new Set(rows.flatMap((r) => (r.chatId === null ? [] : [r.chatId])));
}

/** Chats with stored but unprocessed updates (after a crash, or ones another process left). */
export async function chatsWithPendingUpdates(db: Db, botId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ chatId: processedUpdates.chatId })
    .from(processedUpdates)
    .where(and(eq(processedUpdates.botId, botId), isNull(processedUpdates.processedAt)));
  return rows.flatMap((r) => (r.chatId === null ? [] : [r.chatId]));
}

/**
 * The chat's oldest unprocessed update, and whether more wait behind it. Null when there is none, or
 * when the oldest is backing off after a failure: later updates must not overtake it.
 */
export async function nextPendingUpdate(db: Pick<Db, "select">, botId: string, chatId: number) {
  const [row, next] = await db
    .select()
    .from(processedUpdates)
    .where(
      and(
        eq(processedUpdates.botId, botId),
        eq(processedUpdates.chatId, chatId),
        isNull(processedUpdates.processedAt),
      ),
    )
    .orderBy(asc(processedUpdates.updateId))
    .limit(2);
  if (!row || (row.notBefore && row.notBefore.getTime() > Date.now())) return null;
  return { row, more: next !== undefined };
}

/** Processing threw: count the attempt; after `maxAttempts` the update is set aside so the chat can move on. */
export async function recordFailedAttempt(
  db: Db,
  botId: string,
  updateId: number,
  error: string,
  maxAttempts: number,
) {
  await db
    .update(processedUpdates)
    .set({
      attempts: sql`${processedUpdates.attempts} + 1`,
      error: error.slice(0, 2000),
      processedAt: sql`case when ${processedUpdates.attempts} + 1 >= ${maxAttempts} then now() else null end`,
    })
    .where(and(eq(processedUpdates.botId, botId), eq(processedUpdates.updateId, updateId)));
}
