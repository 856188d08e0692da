import { run, type Statement, statement } from "@switchboard/db";
import { sql } from "drizzle-orm";
import type { Executor } from "./db";

/**
 * Advisory-lock keys use Postgres's two-key form: the first key separates the kinds of lock, so a
 * chat lock can never collide with a bot's poll lock; the second is hashtext() of the name. A hash
 * collision between two chats only makes them wait for each other, never mixes their data.
 */
/** 4 was lead stages (now a unique index) and 5 one operator's takes (now the routing lock): not reused. */
export const LOCK_SPACE = { chat: 1, poll: 2, schedules: 3, phone: 6, routing: 7, topic: 8 } as const;

export const chatLockKey = (botId: string, chatId: number) => `${botId}:${chatId}`;

/**
 * Serializes all work on one chat (processing an update, firing a timer, an operator's action,
 * sending its outbox) across every process until the transaction ends.
 */
export async function lockChat(tx: Executor, botId: string, chatId: number) {
  await run(tx, ...chatLock(botId, chatId));
}

const LOCK_CHAT = statement("select pg_advisory_xact_lock($1, hashtext($2))");

/** The chat lock as a statement and its parameters, to send in one round trip with what follows it. */
export const chatLock = (botId: string, chatId: number): [Statement<unknown>, unknown[]] => [
  LOCK_CHAT,
  [LOCK_SPACE.chat, chatLockKey(botId, chatId)],
];

/**
 * Several chats' locks in one statement, taken in the order given (callers that lock more than one
 * chat — the runtime's update batches — all sort them by bot, then chat, so they never deadlock).
 */
export const chatLocks = (
  chats: readonly { botId: string; chatId: number }[],
): [Statement<unknown>, unknown[]] => [
  LOCK_CHATS,
  [LOCK_SPACE.chat, chats.map((c) => chatLockKey(c.botId, c.chatId))],
];

/** $1 the lock space, $2 the chats' keys, locked in the array's order. */
const LOCK_CHATS = statement(`
  select pg_advisory_xact_lock($1, hashtext(k.key))
  from unnest($2::text[]) with ordinality as k(key, n)
  order by k.n`);

/** Serializes the schedule bookkeeping of one bot (two runtimes syncing after a publish). */
export async function lockBotSchedules(tx: Executor, botId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_SPACE.schedules}, hashtext(${botId}))`);
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

/**
 * Serializes every assignment decision in a workspace (draining the queue, a take, an assign, a
 * transfer), so no operator goes over their maximum and no conversation is given twice. Always the
 * first lock a transaction takes: chat locks come after it, never before (no deadlock).
 */
export async function lockRouting(tx: Executor, workspaceId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_SPACE.routing}, hashtext(${workspaceId}))`);
}
