import { sql } from "drizzle-orm";
import { CHANNELS, type OutboxWakeUp } from "./channels";
import type { Executor } from "./db";

/*
 * NOTIFY is transactional: sent inside a transaction, it is delivered when (and only if) it commits,
 * so a listener never wakes up before the rows it is told about are visible.
 */

/** Runtimes reload this bot now (connected, changed, removed, its flow published). */
export async function notifyBotChanged(db: Executor, botId: string) {
  await db.execute(sql`select pg_notify(${CHANNELS.bots}, ${botId})`);
}

/** The runtime that runs the bot delivers this conversation's outbox now instead of at its next sweep. */
export async function notifyOutbox(db: Executor, wake: OutboxWakeUp) {
  await db.execute(sql`select pg_notify(${CHANNELS.outbox}, ${JSON.stringify(wake)})`);
}

/** Timer workers look for due timers now. */
export async function notifyTimers(db: Executor, botId: string) {
  await db.execute(sql`select pg_notify(${CHANNELS.timers}, ${botId})`);
}

export function parseOutboxWakeUp(payload: string): OutboxWakeUp | null {
  try {
    const v = JSON.parse(payload) as Partial<OutboxWakeUp>;
    return typeof v.botId === "string" && typeof v.conversationId === "string" && typeof v.chatId === "number"
      ? { botId: v.botId, conversationId: v.conversationId, chatId: v.chatId }
      : null;
  } catch {
    return null;
  }
}

/** A workspace's operator queue may be drained now (routing/drain.ts). */
export async function notifyRouting(db: Executor, workspaceId: string) {
  await db.execute(sql`select pg_notify(${CHANNELS.routing}, ${workspaceId})`);
}
