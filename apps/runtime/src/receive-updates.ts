import type { Db } from "@switchboard/db";
import { errorText } from "./error-text";
import { storeUpdates, type UpdateToStore } from "./inbox";
import type { Logger } from "./log";
import { logUnusableUpdate, setAsideUnstored } from "./set-aside";
import { jsonTextIsStorable, originalJsonOf, sanitizeJson } from "./telegram/sanitize";
import { chatIdOf, mapUpdate, type TelegramUpdate } from "./telegram/update-mapping";
import { isSafeId, updateShapeProblem } from "./telegram/update-shape";

/** Stores a bot's updates, returning the chats with new ones (UpdateStore's shared batches, or alone). */
export type StoreUpdates = (botId: string, updates: UpdateToStore[]) => Promise<Set<number>>;

export interface ReceivedUpdate {
  /** The parsed update, as Telegram sent it (any JSON: nothing about it is trusted yet). */
  update: unknown;
  /** Its JSON text when the caller has it (a webhook body); otherwise it is re-serialized. */
  text?: string;
}

/**
 * Stores received updates (getUpdates batches, webhook bodies) so that no single update can stall
 * the bot: one Telegram would hand out again and again until it is stored. Each update is made
 * storable (telegram/sanitize.ts); one the runtime can't read is set aside at once; the batch is
 * inserted in one statement and, if that fails, one by one, setting aside any that still fails.
 * Throws only if the database fails even to set an update aside (an outage): then the caller must
 * not confirm the batch (no offset move, no webhook 2xx). Returns the chats with new updates.
 */
export async function receiveUpdates(
  db: Db,
  log: Logger,
  botId: string,
  received: ReceivedUpdate[],
  store: StoreUpdates = (id, updates) => storeUpdates(db, id, updates),
): Promise<Set<number>> {
  const ready: UpdateToStore[] = [];
  const originals = new Map<number, string>();
  for (const r of received) {
    const updateId = (r.update as { update_id?: unknown } | null)?.update_id;
    if (!isSafeId(updateId)) {
      await logUnusableUpdate(db, log, botId, "it has no integer update_id");
      continue;
    }
    const original = r.text ?? originalJsonOf(r.update);
    originals.set(updateId, original);
    const prepared = prepareUpdate(r.update, updateId, original);
    if ("problem" in prepared)
      await setAsideUnstored(db, log, botId, {
        updateId,
        original,
        error: prepared.problem,
        stage: "receive",
      });
    else ready.push(prepared);
  }
  try {
    if (ready.length > 0) return await store(botId, ready);
    return new Set();
  } catch {
    // Some update in the batch can't be stored (or the database blinked): find which, one by one.
  }
  const chats = new Set<number>();
  for (const u of ready)
    for (const chat of await storeAloneOrSetAside(db, log, botId, u, originals)) chats.add(chat);
  return chats;
}

async function storeAloneOrSetAside(
  db: Db,
  log: Logger,
  botId: string,
  u: UpdateToStore,
  originals: Map<number, string>,
): Promise<Set<number>> {
  try {
    return await storeUpdates(db, botId, [u]);
  } catch (err) {
    // If the database is down, this throws too, and the caller keeps the update for later.
    await setAsideUnstored(db, log, botId, {
      updateId: u.updateId,
      original: originals.get(u.updateId) ?? originalJsonOf(u.payload),
      error: errorText(err),
      stage: "store",
    });
    return new Set();
  }
}

/** The row to store, or why the runtime can't read the update (it is then set aside, not retried). */
export function prepareUpdate(
  update: unknown,
  updateId: number,
  original: string,
): UpdateToStore | { problem: string } {
  try {
    // Nearly every update is storable as it came: no copy then (the JSON text says so, cheaply).
    const { value, changed } = jsonTextIsStorable(original)
      ? { value: update, changed: false }
      : sanitizeJson(update);
    const problem = updateShapeProblem(value);
    if (problem) return { problem };
    const payload = value as TelegramUpdate;
    // Mapping is pure: an update it can't map would fail every processing attempt.
    mapUpdate(payload);
    return { updateId, chatId: chatIdOf(payload), payload, original: changed ? original : null };
  } catch (err) {
    return { problem: `reading it failed: ${errorText(err)}` };
  }
}

/** getUpdates' next offset: past the highest update_id received (ignoring any that has none). */
export function offsetAfter(updates: unknown[], current: number): number {
  let offset = current;
  for (const u of updates) {
    const id = (u as { update_id?: unknown } | null)?.update_id;
    if (isSafeId(id) && id + 1 > offset) offset = id + 1;
  }
  return offset;
}
