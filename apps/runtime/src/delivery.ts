import { conversations, messages, type Tx } from "@switchboard/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { TelegramError } from "telegraf";
import type { BotHandle } from "./bot-handle";
import { logBotEvent } from "./bot-log";
import { lockChat } from "./locks";
import type { OutboundCall } from "./telegram/outbound";

/** Attempts before an outgoing message is given up as failed (network errors, 5xx). */
export const MAX_SEND_ATTEMPTS = 5;
/** How long a claimed message belongs to the process sending it; after that (a crash) anyone may retry. */
export const SEND_LEASE_MS = 30_000;
/** Longest single wait inline; longer ones (a long retry_after, another process's lease) are re-checked. */
const MAX_INLINE_WAIT_MS = 120_000;

type MessageRow = typeof messages.$inferSelect;
type Claim =
  | { kind: "claimed"; msg: MessageRow; more: boolean }
  | { kind: "done" }
  | { kind: "wait"; ms: number };
type Recorded = { kind: "next" } | { kind: "done" } | { kind: "wait"; ms: number } | { kind: "stop" };
type SendResult = { ok: true; messageId: number } | { ok: false; error: unknown };

/** The common case, one autocommit statement: the claim makes this message ours alone. */
async function recordSent(bot: BotHandle, msg: MessageRow, messageId: number): Promise<Recorded> {
  await bot.db
    .update(messages)
    .set({
      deliveryStatus: "sent",
      telegramMessageId: messageId,
      sentAt: new Date(),
      notBefore: null,
      error: null,
    })
    .where(eq(messages.id, msg.id));
  return { kind: "next" };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends a conversation's pending messages, oldest first, one at a time. Each message is first claimed
 * under the chat's lock (a lease in `not_before`), then sent with no database connection held, then
 * recorded. So two runtimes never send one message twice or out of order, a slow Telegram never ties
 * up the connection pool, and a process that dies mid-send leaves a lease that expires and is retried.
 */
export async function deliverPending(bot: BotHandle, conversationId: string, chatId: number): Promise<void> {
  for (let guard = 0; guard < 1000; guard++) {
    const claim = await bot.db.transaction((tx) => claimNext(tx, bot, conversationId, chatId));
    if (claim.kind === "done") return;
    if (claim.kind === "wait") {
      await sleep(claim.ms);
      continue;
    }
    const result = await send(bot, claim.msg.payload as OutboundCall);
    const recorded = result.ok
      ? await recordSent(bot, claim.msg, result.messageId)
      : await bot.db.transaction((tx) => recordFailure(tx, bot, claim.msg, result.error));
    if (recorded.kind === "done" || recorded.kind === "stop") return;
    if (recorded.kind === "wait") await sleep(recorded.ms);
    else if (!claim.more) return;
  }
}

async function claimNext(tx: Tx, bot: BotHandle, conversationId: string, chatId: number): Promise<Claim> {
  await lockChat(tx, bot.id, chatId);
  // Two rows: the one to send, and whether another waits (saves a round trip that would find nothing).
  const [msg, next] = await tx
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.deliveryStatus, "pending")))
    .orderBy(asc(messages.createdAt), asc(messages.seq))
    .limit(2);
  if (!msg) return { kind: "done" };
  const waitMs = msg.notBefore ? msg.notBefore.getTime() - Date.now() : 0;
  // Backing off after an error, or being sent by someone else right now: the order forbids overtaking.
  if (waitMs > 0) return { kind: "wait", ms: Math.min(waitMs, MAX_INLINE_WAIT_MS) };
  const attempts = msg.attempts + 1;
  await tx
    .update(messages)
    .set({ attempts, notBefore: new Date(Date.now() + SEND_LEASE_MS) })
    .where(eq(messages.id, msg.id));
  return { kind: "claimed", msg: { ...msg, attempts }, more: next !== undefined };
}

async function send(bot: BotHandle, call: OutboundCall): Promise<SendResult> {
  try {
    // The payload was built by telegram/outbound.ts for exactly this method.
    const sent = await bot.limiter.schedule(() => bot.telegram.callApi(call.method, call.params as never));
    return { ok: true, messageId: (sent as { message_id: number }).message_id };
  } catch (error) {
    return { ok: false, error };
  }
}

async function recordFailure(tx: Tx, bot: BotHandle, msg: MessageRow, err: unknown): Promise<Recorded> {
  const setMessage = (values: Partial<MessageRow>) =>
    tx.update(messages).set(values).where(eq(messages.id, msg.id));
  const call = msg.payload as OutboundCall;
  const retryIn = async (ms: number): Promise<Recorded> => {
    await setMessage({ notBefore: new Date(Date.now() + ms) });
    return { kind: "wait", ms };
  };
  const fail = async (error: string): Promise<Recorded> => {
    await setMessage({ deliveryStatus: "failed", error, notBefore: null });
    return { kind: "next" };
  };

  if (err instanceof TelegramError) {
    const description = err.description ?? err.message;
    await logBotEvent(bot.db, bot.log, bot.id, {
      level: "warn",
      method: call.method,
      message: `Telegram ${err.code}: ${description}`,
      details: { chatId: call.params.chat_id, messageId: msg.id },
    });
    if (err.code === 429) return retryIn(Math.min(err.parameters?.retry_after ?? 1, 120) * 1000);
    if (err.code === 403) {
      // The user blocked the bot (or deleted their account): nothing more can reach them.
      await tx
        .update(messages)
        .set({ deliveryStatus: "failed", error: description, notBefore: null })
        .where(and(eq(messages.conversationId, msg.conversationId), eq(messages.deliveryStatus, "pending")));
      await tx
        .update(conversations)
        .set({ status: "blocked", state: sql`jsonb_set(${conversations.state}, '{status}', '"blocked"')` })
        .where(eq(conversations.id, msg.conversationId));
      return { kind: "done" };
    }
    if (err.code === 401) {
      // Leave the message pending (lease cleared) for when the bot is reconnected.
      await setMessage({ notBefore: null });
      bot.onUnauthorized(`Telegram rejected the token while sending (401 ${description}).`);
      return { kind: "stop" };
    }
    // A permanent refusal of this message (chat not found, bad markup…): record it and move on.
    if (err.code >= 400 && err.code < 500) return fail(description);
  } else {
    await logBotEvent(bot.db, bot.log, bot.id, {
      level: "warn",
      method: call.method,
      message: `Sending failed: ${err instanceof Error ? err.message : String(err)}`,
    });
  }
  if (msg.attempts >= MAX_SEND_ATTEMPTS) return fail(err instanceof Error ? err.message : String(err));
  return retryIn(500 * 2 ** msg.attempts);
}
