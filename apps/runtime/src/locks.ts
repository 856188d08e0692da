import type { Tx } from "@switchboard/db";
import { sql } from "drizzle-orm";

/**
 * Advisory-lock keys. Postgres hashes the text to a 32-bit key; a collision only makes two chats
 * wait for each other, never mixes their data.
 */
export const chatLockKey = (botId: string, chatId: number) => `chat:${botId}:${chatId}`;
export const pollLockKey = (botId: string) => `poll:${botId}`;

/** Serializes work on one chat across every runtime process until the transaction ends. */
export async function lockChat(tx: Tx, botId: string, chatId: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${chatLockKey(botId, chatId)}))`);
}
