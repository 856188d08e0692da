import type { Tx } from "@switchboard/db";
import { sql } from "drizzle-orm";

/**
 * Advisory-lock keys use Postgres's two-key form: the first key separates the kinds of lock, so a
 * chat lock can never collide with a bot's poll lock; the second is hashtext() of the name. A hash
 * collision between two chats only makes them wait for each other, never mixes their data.
 */
export const LOCK_SPACE = { chat: 1, poll: 2 } as const;

export const chatLockKey = (botId: string, chatId: number) => `${botId}:${chatId}`;

/** Serializes work on one chat across every runtime process until the transaction ends. */
export async function lockChat(tx: Tx, botId: string, chatId: number) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(${LOCK_SPACE.chat}, hashtext(${chatLockKey(botId, chatId)}))`,
  );
}
