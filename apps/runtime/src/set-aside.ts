import { type Db, processedUpdates } from "@switchboard/db";
import { sql } from "drizzle-orm";
import { logBotEvent } from "./bot-log";
import { UPDATE_ID_REUSE_AFTER } from "./inbox";
import type { Logger } from "./log";
import { sanitizeString } from "./telegram/sanitize";

/** Where on the receiving path an update was given up on (shown in the bot's log). */
export type SetAsideStage = "receive" | "store" | "process";

const STAGE_WORDS: Record<SetAsideStage, string> = {
  receive: "could not be read",
  store: "could not be stored",
  process: "failed every processing attempt",
};

/**
 * Records an update the bot could not keep or read, so receiving moves on: a processed_updates row
 * marked done, with the error and the update's JSON text but only its update_id as payload, so
 * nothing in it can make this insert fail the way storing the update did (the text is storable by
 * construction, telegram/sanitize.ts originalJsonOf). It keeps the update_id's dedupe too: Telegram
 * delivering it again does not set it aside twice. Throws only when the database itself fails; the
 * caller then must not move past the update.
 */
export async function setAsideUnstored(
  db: Db,
  log: Logger,
  botId: string,
  update: { updateId: number; original: string; error: string; stage: SetAsideStage },
): Promise<void> {
  const error = sanitizeString(update.error.slice(0, 2000));
  await db
    .insert(processedUpdates)
    .values({
      botId,
      updateId: update.updateId,
      chatId: null,
      payload: { update_id: update.updateId },
      original: update.original,
      processedAt: new Date(),
      error,
    })
    .onConflictDoUpdate({
      target: [processedUpdates.botId, processedUpdates.updateId],
      set: {
        chatId: null,
        payload: sql`excluded.payload`,
        original: sql`excluded.original`,
        receivedAt: sql`now()`,
        processedAt: sql`excluded.processed_at`,
        attempts: 0,
        error: sql`excluded.error`,
      },
      // A recent row with this id is the same update, already stored: it stays as it is.
      where: sql`${processedUpdates.receivedAt} < now() - ${UPDATE_ID_REUSE_AFTER}::interval`,
    });
  await logSetAside(db, log, botId, update.updateId, error, update.stage);
}

/** The line in the bot's log (admin → Bots → Logs) for an update set aside at any stage. */
export async function logSetAside(
  db: Pick<Db, "insert">,
  log: Logger,
  botId: string,
  updateId: number,
  error: string,
  stage: SetAsideStage,
): Promise<void> {
  await logBotEvent(db, log, botId, {
    level: "error",
    method: "update",
    message: `Update ${updateId} ${STAGE_WORDS[stage]} and was set aside: ${error}`,
    details: { kind: "set_aside", updateId, stage, error },
  });
}

/** A body that is no update at all (no usable update_id): nothing to store, only a line in the log. */
export async function logUnusableUpdate(db: Pick<Db, "insert">, log: Logger, botId: string, reason: string) {
  await logBotEvent(db, log, botId, {
    level: "warn",
    method: "update",
    message: `Ignored an update: ${reason}`,
    details: { kind: "ignored_update", reason },
  });
}
