import { conversations, messages } from "@switchboard/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { TelegramError } from "telegraf";
import type { BotHandle } from "./bot-handle";
import { logBotEvent } from "./bot-log";
import { lockChat } from "./locks";
import type { OutboundCall } from "./telegram/outbound";

/** Attempts before an outgoing message is given up as failed (network errors, 5xx). */
export const MAX_SEND_ATTEMPTS = 5;
/** Longest single wait on a 429 we honour inline; longer ones are retried by the recovery sweep. */
const MAX_INLINE_RETRY_AFTER_S = 120;

type Outcome = { kind: "sent" } | { kind: "done" } | { kind: "wait"; ms: number } | { kind: "stop" };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends a conversation's pending messages, oldest first. Each message is sent inside a short
 * transaction holding the chat's lock, so two runtimes never send one message twice or out of
 * order, and the "sent" mark is committed right after Telegram accepts it.
 */
export async function deliverPending(bot: BotHandle, conversationId: string, chatId: number): Promise<void> {
  for (let guard = 0; guard < 1000; guard++) {
    const outcome = await bot.db.transaction((tx) => sendNext(tx, bot, conversationId, chatId));
    if (outcome.kind === "done" || outcome.kind === "stop") return;
    if (outcome.kind === "wait") await sleep(outcome.ms);
  }
}

async function sendNext(
  tx: Parameters<Parameters<BotHandle["db"]["transaction"]>[0]>[0],
  bot: BotHandle,
  conversationId: string,
  chatId: number,
): Promise<Outcome> {
  await lockChat(tx, bot.id, chatId);
  const [msg] = await tx
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.deliveryStatus, "pending")))
    .orderBy(asc(messages.createdAt), asc(messages.seq))
    .limit(1);
  if (!msg) return { kind: "done" };
  const waitMs = msg.notBefore ? msg.notBefore.getTime() - Date.now() : 0;
  if (waitMs > 0) return { kind: "wait", ms: Math.min(waitMs, MAX_INLINE_RETRY_AFTER_S * 1000) };
  const call = msg.payload as OutboundCall;
  try {
    const sent = await bot.limiter.schedule(() =>
      // The payload was built by telegram/outbound.ts for exactly this method.
      bot.telegram.callApi(call.method, call.params as never),
    );
    await tx
      .update(messages)
      .set({
        deliveryStatus: "sent",
        telegramMessageId: (sent as { message_id: number }).message_id,
        sentAt: new Date(),
        attempts: msg.attempts + 1,
        error: null,
      })
      .where(eq(messages.id, msg.id));
    return { kind: "sent" };
  } catch (err) {
    return onSendError(tx, bot, msg, call, err);
  }
}

async function onSendError(
  tx: Parameters<Parameters<BotHandle["db"]["transaction"]>[0]>[0],
  bot: BotHandle,
  msg: typeof messages.$inferSelect,
  call: OutboundCall,
  err: unknown,
): Promise<Outcome> {
  const attempts = msg.attempts + 1;
  const fail = (error: string) =>
    tx.update(messages).set({ deliveryStatus: "failed", attempts, error }).where(eq(messages.id, msg.id));

  if (err instanceof TelegramError) {
    const description = err.description ?? err.message;
    await logBotEvent(bot.db, bot.log, bot.id, {
      level: "warn",
      method: call.method,
      message: `Telegram ${err.code}: ${description}`,
      details: { chatId: call.params.chat_id, messageId: msg.id },
    });
    if (err.code === 429) {
      const retryAfter = Math.min(err.parameters?.retry_after ?? 1, MAX_INLINE_RETRY_AFTER_S);
      const ms = retryAfter * 1000;
      await tx
        .update(messages)
        .set({ attempts, notBefore: new Date(Date.now() + ms) })
        .where(eq(messages.id, msg.id));
      return { kind: "wait", ms };
    }
    if (err.code === 403) {
      // The user blocked the bot (or deleted their account): nothing more can reach them.
      await tx
        .update(messages)
        .set({ deliveryStatus: "failed", error: description })
        .where(and(eq(messages.conversationId, msg.conversationId), eq(messages.deliveryStatus, "pending")));
      await tx
        .update(conversations)
        .set({ status: "blocked", state: sql`jsonb_set(${conversations.state}, '{status}', '"blocked"')` })
        .where(eq(conversations.id, msg.conversationId));
      return { kind: "done" };
    }
    if (err.code === 401) {
      bot.onUnauthorized(`Telegram rejected the token while sending (401 ${description}).`);
      return { kind: "stop" };
    }
    if (err.code >= 400 && err.code < 500) {
      // A permanent refusal of this message (chat not found, bad markup…): record it and move on.
      await fail(description);
      return { kind: "sent" };
    }
  } else {
    await logBotEvent(bot.db, bot.log, bot.id, {
      level: "warn",
      method: call.method,
      message: `Sending failed: ${err instanceof Error ? err.message : String(err)}`,
    });
  }
  if (attempts >= MAX_SEND_ATTEMPTS) {
    await fail(err instanceof Error ? err.message : String(err));
    return { kind: "sent" };
  }
  const backoffMs = 500 * 2 ** attempts;
  await tx
    .update(messages)
    .set({ attempts, notBefore: new Date(Date.now() + backoffMs) })
    .where(eq(messages.id, msg.id));
  return { kind: "wait", ms: backoffMs };
}
