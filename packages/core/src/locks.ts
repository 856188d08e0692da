import { sql } from "drizzle-orm";
import type { Executor } from "./db";

/**
 * Advisory-lock keys use Postgres's two-key form: the first key separates the kinds of lock, so a
 * chat lock can never collide with a bot's poll lock; the second is hashtext() of the name. A hash
 * collision between two chats only makes them wait for each other, never mixes their data.
 */
// 4 is taken by leads/stages.ts (creating a workspace's default pipeline).
export const LOCK_SPACE = { chat: 1, poll: 2, schedules: 3, operatorChats: 5, phone: 6 } as const;

export const chatLockKey = (botId: string, chatId: number) => `${botId}:${chatId}`;

/**
 * Serializes all work on one chat (processing an update, firing a timer, an operator's action,
 * sending its outbox) across every process until the transaction ends.
 */
export async function lockChat(tx: Executor, botId: string, chatId: number) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(${LOCK_SPACE.chat}, hashtext(${chatLockKey(botId, chatId)}))`,
  );
}

/** Serializes the schedule bookkeeping of one bot (two runtimes syncing after a publish). */
export async function lockBotSchedules(tx: Executor, botId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_SPACE.schedules}, hashtext(${botId}))`);
}

/**
 * Serializes one operator's takes of one bot's conversations (each take holds a different chat's lock),
 * so two takes at once can't both pass the maximum-parallel-chats check.
 */
export async function lockOperatorChats(tx: Executor, botId: string, userId: string) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(${LOCK_SPACE.operatorChats}, hashtext(${`${botId}:${userId}`}))`,
  );
}

/**
 * Serializes saving one phone number in a workspace, so two chats giving the same number at the same
 * moment merge into one contact instead of both finding nobody and keeping two.
 */
export async function lockPhone(tx: Executor, workspaceId: string, phone: string) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(${LOCK_SPACE.phone}, hashtext(${`${workspaceId}:${phone}`}))`,
  );
}
