import { conversations, type MessageRow, messages, type Tx } from "@switchboard/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { TelegramError } from "telegraf";
import type { BotHandle } from "./bot-handle";
import { logBotEvent } from "./bot-log";
import { lockChat } from "./locks";
import { sleep } from "./sleep";
import type { OutboundCall } from "./telegram/outbound";

/** Attempts before an outgoing message is given up as failed (network errors, 5xx). */
export const MAX_SEND_ATTEMPTS = 5;
/** How long a claimed message belongs to the process sending it; after that (a crash) anyone may retry. */
export const SEND_LEASE_MS = 30_000;
/** A send is abandoned before its lease ends, so a lease never expires while its send still runs. */
const SEND_TIMEOUT_MS = SEND_LEASE_MS - 5_000;
/** Longest single wait inline; a longer retry_after is left to the recovery sweep. */
const MAX_INLINE_WAIT_MS = 120_000;

type Claim =
  | { kind: "claimed"; msg: MessageRow; result: SendResult }
  | { kind: "done" }
  | { kind: "wait"; ms: number };
type SendResult = { ok: true; messageId: number } | { ok: false; error: unknown };
type Recorded = { kind: "next" } | { kind: "done" } | { kind: "wait"; ms: number } | { kind: "stop" };

/**
 * Sends a conversation's pending messages, oldest first, one at a time. Inside a rate-limiter slot,
 * each message is claimed under the chat's lock (a lease in `leased_until`), then sent with no
 * database connection held, then recorded. Two runtimes never send one message twice or out of
 * order; a slow Telegram never ties up the pool; a process that dies mid-send leaves a lease that
 * expires and is retried. Runs until nothing is left, so messages added meanwhile are not stranded.
 */
export async function deliverPending(bot: BotHandle, conversationId: string, chatId: number): Promise<void> {
  for (let guard = 0; guard < 1000 && !bot.signal.aborted; guard++) {
    const paused = bot.sendingPausedFor();
    if (paused > 0) {
      await sleep(paused, bot.signal);
      continue;
    }
    let claim: Claim;
    try {
      claim = await bot.limiter.schedule(() => claimAndSend(bot, conversationId, chatId));
    } catch (err) {
      if (bot.signal.aborted) return; // the limiter was stopped with the bot: nothing was claimed
      throw err;
    }
    if (claim.kind === "done") return;
    if (claim.kind === "wait") {
      await sleep(claim.ms, bot.signal);
      continue;
    }
    const recorded = claim.result.ok
      ? await recordSent(bot, claim.msg, claim.result.messageId)
      : await bot.db.transaction((tx) =>
          recordFailure(tx, bot, claim.msg, (claim.result as { error: unknown }).error),
        );
    if (recorded.kind === "done" || recorded.kind === "stop") return;
    if (recorded.kind === "wait") await sleep(recorded.ms, bot.signal);
  }
}

async function claimAndSend(bot: BotHandle, conversationId: string, chatId: number): Promise<Claim> {
  // A 429 may have arrived while this job waited for its slot.
  const paused = bot.sendingPausedFor();
  if (paused > 0) return { kind: "wait", ms: paused };
  const claim = await bot.db.transaction(async (tx) => {
    await lockChat(tx, bot.id, chatId);
    const [msg] = await tx
      .select()
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), eq(messages.deliveryStatus, "pending")))
      .orderBy(asc(messages.createdAt), asc(messages.seq))
      .limit(1);
    if (!msg) return { kind: "done" as const };
    const now = Date.now();
    // Another runtime is sending it: that runtime carries on with the rest of the chat.
    if (msg.leasedUntil && msg.leasedUntil.getTime() > now) return { kind: "done" as const };
    // Backing off after an error: the chat's order forbids sending anything after it meanwhile.
    if (msg.notBefore && msg.notBefore.getTime() > now)
      return { kind: "wait" as const, ms: Math.min(msg.notBefore.getTime() - now, MAX_INLINE_WAIT_MS) };
    const attempts = msg.attempts + 1;
    await tx
      .update(messages)
      .set({ attempts, leasedUntil: new Date(now + SEND_LEASE_MS) })
      .where(eq(messages.id, msg.id));
    return { kind: "claimed" as const, msg: { ...msg, attempts } };
  });
  if (claim.kind !== "claimed") return claim;
  return { ...claim, result: await send(bot, claim.msg.payload as OutboundCall) };
}

async function send(bot: BotHandle, call: OutboundCall): Promise<SendResult> {
  try {
    // The payload was built by telegram/outbound.ts for exactly this method.
    const sent = await bot.telegram.callApi(call.method, call.params as never, {
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS) as never,
    });
    return { ok: true, messageId: (sent as { message_id: number }).message_id };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The common case, one autocommit statement: the lease makes this message ours alone. */
async function recordSent(bot: BotHandle, msg: MessageRow, messageId: number): Promise<Recorded> {
  await bot.db
    .update(messages)
    .set({
      deliveryStatus: "sent",
      telegramMessageId: messageId,
      sentAt: new Date(),
      leasedUntil: null,
      error: null,
    })
    .where(eq(messages.id, msg.id));
  return { kind: "next" };
}

async function recordFailure(tx: Tx, bot: BotHandle, msg: MessageRow, err: unknown): Promise<Recorded> {
  const setMessage = (values: Partial<MessageRow>) =>
    tx
      .update(messages)
      .set({ leasedUntil: null, ...values })
      .where(eq(messages.id, msg.id));
  const call = msg.payload as OutboundCall;
  const retryIn = async (ms: number): Promise<Recorded> => {
    await setMessage({ notBefore: new Date(Date.now() + ms) });
    return { kind: "wait", ms };
  };
  const fail = async (error: string): Promise<Recorded> => {
    await setMessage({ deliveryStatus: "failed", error });
    return { kind: "next" };
  };

  if (err instanceof TelegramError) {
    const description = err.description ?? err.message;
    // Through the same transaction: a second pool connection here could deadlock a busy pool.
    await logBotEvent(tx, bot.log, bot.id, {
      level: "warn",
      method: call.method,
      message: `Telegram ${err.code}: ${description}`,
      details: { chatId: call.params.chat_id, messageId: msg.id },
    });
    if (err.code === 429) {
      const ms = Math.min(err.parameters?.retry_after ?? 1, 120) * 1000;
      // Flood control is per bot: hold back every chat of the bot, not just this one.
      bot.pauseSending(ms);
      return retryIn(ms);
    }
    if (err.code === 403) {
      // The user blocked the bot (or deleted their account): nothing more can reach them.
      await tx
        .update(messages)
        .set({ deliveryStatus: "failed", error: description, leasedUntil: null })
        .where(and(eq(messages.conversationId, msg.conversationId), eq(messages.deliveryStatus, "pending")));
      await tx
        .update(conversations)
        .set({ status: "blocked", state: sql`jsonb_set(${conversations.state}, '{status}', '"blocked"')` })
        .where(eq(conversations.id, msg.conversationId));
      return { kind: "done" };
    }
    if (err.code === 401) {
      // Left pending (lease cleared) for when the bot is reconnected.
      await setMessage({});
      bot.onUnauthorized(`Telegram rejected the token while sending (401 ${description}).`);
      return { kind: "stop" };
    }
    // A permanent refusal of this message (chat not found, bad markup…): record it and move on.
    if (err.code >= 400 && err.code < 500) return fail(description);
  } else {
    await logBotEvent(tx, bot.log, bot.id, {
      level: "warn",
      method: call.method,
      message: `Sending failed: ${err instanceof Error ? err.message : String(err)}`,
    });
  }
  if (msg.attempts >= MAX_SEND_ATTEMPTS) return fail(err instanceof Error ? err.message : String(err));
  return retryIn(500 * 2 ** (msg.attempts - 1));
}
