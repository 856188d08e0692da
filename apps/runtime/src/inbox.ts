import { batchRows, type Db, processedUpdates, run, statement } from "@switchboard/db";
import { and, eq, isNull, sql } from "drizzle-orm";
import { metrics } from "./metrics";
import { sanitizeString } from "./telegram/sanitize";

/**
 * Durably records received updates before anything else happens. A redelivered update (webhook
 * retry, getUpdates after a crash) hits the primary key and is ignored. Telegram may reuse an id after
 * a week without updates (it then picks the next one at random), so an id last seen longer ago than
 * that is a new update and replaces the old row. Returns the chats that got new updates.
 */
/** After this long, Telegram may hand out an update_id again. */
export const UPDATE_ID_REUSE_AFTER = "7 days";

/** An update ready to store (receive-updates.ts prepares it: storable strings, its chat). */
export interface UpdateToStore {
  updateId: number;
  chatId: number | null;
  payload: unknown;
  /** The update's JSON as sent, when `payload` differs from it (telegram/sanitize.ts); else null. */
  original: string | null;
}

export async function storeUpdates(db: Db, botId: string, updates: UpdateToStore[]): Promise<Set<number>> {
  return (await storeUpdatesOfBots(db, [{ botId, updates }])).get(botId) ?? new Set();
}

/** Several bots' received updates in one statement (UpdateStore batches polls and webhooks); new chats per bot. */
export async function storeUpdatesOfBots(
  db: Db,
  received: readonly { botId: string; updates: readonly UpdateToStore[] }[],
): Promise<Map<string, Set<number>>> {
  const chats = new Map<string, Set<number>>();
  const rows = received.flatMap(({ botId, updates }) =>
    updates.map((u) => ({
      bot_id: botId,
      update_id: u.updateId,
      chat_id: u.chatId,
      payload: u.payload,
      original: u.original,
      // Updates outside any chat have nothing to process: they are stored as done.
      done: u.chatId === null,
    })),
  );
  if (rows.length === 0) return chats;
  for (const { botId, updates } of received) metrics.updatesReceived(botId, updates.length);
  for (const r of await run(db, STORE_UPDATES, [JSON.stringify(rows)])) {
    if (r.chat_id === null) continue;
    const set = chats.get(r.bot_id) ?? new Set<number>();
    chats.set(r.bot_id, set);
    set.add(Number(r.chat_id));
  }
  return chats;
}

/**
 * $1 the updates as a JSON array (bot_id, update_id, chat_id, payload, original, done). One fixed
 * text whatever the batch's size: a multi-row VALUES list built by Drizzle was a new statement text
 * (built, parsed and planned again) for every poll. The payloads are storable already (sanitize.ts),
 * and `original` is JSON text, whose escapes a JSON string keeps as they are.
 */
const STORE_UPDATES = statement<{ bot_id: string; chat_id: string | null }>(`
  insert into processed_updates (bot_id, update_id, chat_id, payload, original, processed_at)
  select u.bot_id, u.update_id, u.chat_id, u.payload, u.original, case when u.done then now() end
  from jsonb_to_recordset($1::jsonb)
    as u(bot_id uuid, update_id bigint, chat_id bigint, payload jsonb, original text, done boolean)
  on conflict (bot_id, update_id) do update
    set chat_id = excluded.chat_id, payload = excluded.payload, original = excluded.original,
      created_at = now(), processed_at = excluded.processed_at, attempts = 0, error = null
    where processed_updates.created_at < now() - interval '${UPDATE_ID_REUSE_AFTER}'
  returning bot_id, chat_id`);

/** Chats with stored but unprocessed updates (after a crash, or ones another process left). */
export async function chatsWithPendingUpdates(db: Db, botId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ chatId: processedUpdates.chatId })
    .from(processedUpdates)
    .where(and(eq(processedUpdates.botId, botId), isNull(processedUpdates.processedAt)));
  return rows.flatMap((r) => (r.chatId === null ? [] : [r.chatId]));
}

/**
 * Marks each chat's oldest unprocessed update processed and returns it, for several chats at once
 * ($1: [{ i, bot_id, chat_id }], answers tagged with `i`); run under the chats' locks (update-batcher.ts).
 * A chat whose oldest update is backing off after a failure (not_before) gets nothing: later updates
 * must not overtake it. `more`: more of the chat's updates wait behind the one taken.
 */
export const TAKE_NEXT_UPDATES = statement<{
  i: number;
  update_id: string;
  payload: unknown;
  more: boolean;
}>(`
  with next as (
    select r.i, r.bot_id, r.chat_id, p.update_id
    from ${batchRows("$1", "r", "i int, bot_id uuid, chat_id bigint")}
    cross join lateral (
      select p.update_id from processed_updates p
      where p.bot_id = r.bot_id and p.chat_id = r.chat_id and p.processed_at is null
      order by p.update_id limit 1
    ) p
  )
  update processed_updates u
  set processed_at = now(), attempts = u.attempts + 1, error = null
  from next n
  where u.bot_id = n.bot_id and u.update_id = n.update_id
    and (u.not_before is null or u.not_before <= now())
  returning n.i, u.update_id, u.payload, exists (
    select 1 from processed_updates q
    where q.bot_id = n.bot_id and q.chat_id = n.chat_id and q.processed_at is null and q.update_id > u.update_id
  ) as more`);

/** TAKE_NEXT_UPDATES' parameters for the chats, in order (answers carry their index). */
export const takeParams = (chats: readonly { botId: string; chatId: number }[]): unknown[] => [
  JSON.stringify(chats.map((c, i) => ({ i, bot_id: c.botId, chat_id: c.chatId }))),
];

/** A stored update taken for processing. */
export interface TakenUpdate {
  updateId: number;
  payload: unknown;
  /** More of the chat's updates wait behind it. */
  more: boolean;
}

/** Each chat's taken update (null: nothing ready) from TAKE_NEXT_UPDATES' answer, in the chats' order. */
export function takenUpdatesOf(
  count: number,
  rows: readonly { i: number; update_id: string; payload: unknown; more: boolean }[],
): (TakenUpdate | null)[] {
  const taken: (TakenUpdate | null)[] = new Array(count).fill(null);
  for (const row of rows)
    taken[row.i] = { updateId: Number(row.update_id), payload: row.payload, more: row.more };
  return taken;
}

/**
 * Processing threw: count the attempt; after `maxAttempts` the update is set aside so the chat can
 * move on. Returns whether it was set aside. (The error may quote the update's text: made storable.)
 */
export async function recordFailedAttempt(
  db: Db,
  botId: string,
  updateId: number,
  error: string,
  maxAttempts: number,
): Promise<{ setAside: boolean }> {
  const [row] = await db
    .update(processedUpdates)
    .set({
      attempts: sql`${processedUpdates.attempts} + 1`,
      error: sanitizeString(error.slice(0, 2000)),
      processedAt: sql`case when ${processedUpdates.attempts} + 1 >= ${maxAttempts} then now() else null end`,
    })
    .where(and(eq(processedUpdates.botId, botId), eq(processedUpdates.updateId, updateId)))
    .returning({ processedAt: processedUpdates.processedAt });
  return { setAside: row?.processedAt != null };
}
