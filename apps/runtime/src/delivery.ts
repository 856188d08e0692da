import {
  claimNextMessage,
  failMessage,
  forgetTelegramFileId,
  markConversationBlocked,
  mirrorDeliveredReply,
  type OutboundCall,
  recordSent,
  releaseMessage,
  releaseMessages,
  rememberTelegramFileId,
  retryMessageLater,
  SEND_LEASE_MS,
  storedFile,
  telegramFileIdFor,
} from "@switchboard/core";
import type { MessageRow, Tx } from "@switchboard/db";
import { TelegramError } from "telegraf";
import type { BotHandle } from "./bot-handle";
import { logBotEvent } from "./bot-log";
import { metrics, type SendOutcome } from "./metrics";
import { sleep } from "./sleep";

/** Attempts before an outgoing message is given up as failed (network errors, 5xx). */
export const MAX_SEND_ATTEMPTS = 5;
/** A send is abandoned before its lease ends, so a lease never expires while its send still runs. */
const SEND_TIMEOUT_MS = SEND_LEASE_MS - 5_000;
/** Longest single wait inline; a longer retry_after is left to the recovery sweep. */
const MAX_INLINE_WAIT_MS = 120_000;

type SendResult =
  | { ok: true; messageId: number; fileId: string | null }
  /** `byFileId`: the media went by a remembered file_id (which Telegram may no longer accept). */
  | { ok: false; error: unknown; byFileId: boolean };
type Attempt =
  | { kind: "sent"; msg: MessageRow; result: SendResult }
  | { kind: "done" }
  | { kind: "wait"; ms: number };
type Recorded =
  /** `morePending`: known only for a recorded success; undefined means "look". */
  | { kind: "next"; morePending?: boolean }
  | { kind: "done" }
  | { kind: "wait"; ms: number }
  | { kind: "stop" };

/**
 * Sends a conversation's pending messages, oldest first, one at a time. In a slot of the bot's pacer,
 * each message is claimed through the core's outbox protocol (a lease under the chat's lock), sent
 * with no database connection held, then recorded. Two runtimes never send one message twice or out
 * of order; a slow Telegram never ties up the pool; a process that dies mid-send leaves a lease that
 * expires and is retried. Runs until nothing is left, so messages added meanwhile are not stranded.
 */
export async function deliverPending(bot: BotHandle, conversationId: string, chatId: number): Promise<void> {
  for (let guard = 0; guard < 1000 && !bot.signal.aborted; guard++) {
    const paused = bot.sendingPausedFor();
    if (paused > 0) {
      await sleep(paused, bot.signal);
      continue;
    }
    let attempt: Attempt;
    try {
      // The slot is given back when nothing went out (no message left, or a pause/backoff).
      attempt = await bot.pacer.run(
        { chatId, signal: bot.signal },
        () => claimAndSend(bot, conversationId, chatId),
        (a) => a.kind === "sent",
      );
    } catch (err) {
      if (bot.signal.aborted) return; // the bot stopped while this send waited: nothing was claimed
      throw err;
    }
    if (attempt.kind === "done") return;
    if (attempt.kind === "wait") {
      await sleep(attempt.ms, bot.signal);
      continue;
    }
    const recorded = await recordOutcome(bot, attempt.msg, attempt.result);
    if (recorded.kind === "done" || recorded.kind === "stop") return;
    if (recorded.kind === "wait") await sleep(recorded.ms, bot.signal);
    // Recorded with nothing else pending: no need for a claim that finds nothing.
    if (recorded.kind === "next" && recorded.morePending === false) return;
  }
}

/**
 * Sends messages the update's own transaction wrote already claimed for this process (enqueueOutgoing's
 * `sendNow`): no claim transaction, no wake-up of other runtimes. Anything unusual — a failure, a 429
 * pause, a lease running short after a long wait for a rate-limit slot, another message queued
 * meanwhile — hands the rest back to the claim protocol above, which handles all of it.
 */
export async function deliverClaimed(
  bot: BotHandle,
  claimed: MessageRow[],
  conversationId: string,
  chatId: number,
): Promise<void> {
  for (let i = 0; i < claimed.length; i++) {
    const msg = claimed[i]!;
    let result: SendResult | null;
    try {
      result = await bot.pacer.run(
        { chatId, signal: bot.signal },
        async () =>
          bot.sendingPausedFor() > 0 || leaseLeft(msg) < SEND_TIMEOUT_MS
            ? null
            : send(bot, msg.payload as OutboundCall),
        (sent) => sent !== null,
      );
    } catch (err) {
      if (bot.signal.aborted) return; // stopped: the leases expire and any runtime sends them
      throw err;
    }
    if (result === null) {
      await releaseMessages(
        bot.db,
        claimed.slice(i).map((m) => m.id),
      );
      return deliverPending(bot, conversationId, chatId);
    }
    const recorded = await recordOutcome(bot, msg, result);
    if (recorded.kind !== "next") {
      await releaseMessages(
        bot.db,
        claimed.slice(i + 1).map((m) => m.id),
      );
      if (recorded.kind === "stop") return;
      return deliverPending(bot, conversationId, chatId);
    }
    if (i === claimed.length - 1 && recorded.morePending === false) return;
  }
  await deliverPending(bot, conversationId, chatId);
}

const leaseLeft = (msg: MessageRow) => (msg.leasedUntil ? msg.leasedUntil.getTime() - Date.now() : 0);

async function recordOutcome(bot: BotHandle, msg: MessageRow, result: SendResult): Promise<Recorded> {
  return result.ok
    ? recordSuccess(bot, msg, result.messageId, result.fileId)
    : bot.db.transaction((tx) => recordFailure(tx, bot, msg, result.error, result.byFileId));
}

async function claimAndSend(bot: BotHandle, conversationId: string, chatId: number): Promise<Attempt> {
  // A 429 may have arrived while this job waited for its slot.
  const paused = bot.sendingPausedFor();
  if (paused > 0) return { kind: "wait", ms: paused };
  const claim = await claimNextMessage(
    bot.db,
    { botId: bot.id, chatId, id: conversationId },
    MAX_INLINE_WAIT_MS,
  );
  if (claim.kind !== "claimed") return claim;
  return { kind: "sent", msg: claim.msg, result: await send(bot, claim.msg.payload as OutboundCall) };
}

/**
 * The Bot API parameters of a call. A media file goes by the file_id Telegram gave this bot before,
 * else by upload from the file storage (Telegraf sends multipart for `{ source, filename }`).
 */
async function paramsOf(
  bot: BotHandle,
  call: OutboundCall,
): Promise<{ params: Record<string, unknown>; byFileId: boolean }> {
  if (call.method === "sendMessage") return { params: call.params, byFileId: false };
  const { fileId, kind, name } = call.media;
  const known = await telegramFileIdFor(bot.db, fileId, bot.id);
  if (known) return { params: { ...call.params, [kind]: known }, byFileId: true };
  const file = await storedFile(bot.db, fileId);
  if (!file) throw new MissingFileError(`The file "${name}" was deleted from Switchboard.`);
  const source = await bot.files.get(file.storageKey);
  return { params: { ...call.params, [kind]: { source, filename: file.name } }, byFileId: false };
}

class MissingFileError extends Error {}

/** The file_id Telegram assigned to what we uploaded (the largest photo size for a photo). */
function sentFileId(call: OutboundCall, sent: Record<string, unknown>): string | null {
  if (call.method === "sendMessage") return null;
  const media = sent[call.media.kind] as { file_id?: string } | { file_id?: string }[] | undefined;
  const item = Array.isArray(media) ? media[media.length - 1] : media;
  return item?.file_id ?? null;
}

async function send(bot: BotHandle, call: OutboundCall): Promise<SendResult> {
  let byFileId = false;
  try {
    const resolved = await paramsOf(bot, call);
    byFileId = resolved.byFileId;
    const params = resolved.params;
    // The payload was built by the core's telegram-calls for exactly this method.
    const sent = (await bot.telegram.callApi(call.method, params as never, {
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS) as never,
    })) as unknown as Record<string, unknown> & { message_id: number };
    return { ok: true, messageId: sent.message_id, fileId: sentFileId(call, sent) };
  } catch (error) {
    return { ok: false, error, byFileId };
  }
}

async function recordSuccess(
  bot: BotHandle,
  msg: MessageRow,
  messageId: number,
  fileId: string | null,
): Promise<Recorded> {
  let recorded: Recorded = { kind: "next" };
  if (msg.senderUserId)
    // An operator's reply from the web inbox: mirrored into the customer's topic in the same commit.
    await bot.db.transaction(async (tx) => {
      await recordSent(tx, msg.id, messageId);
      await mirrorDeliveredReply(tx, bot.id, msg);
    });
  else recorded = { kind: "next", ...(await bot.recorder.record(msg.id, messageId)) };
  metrics.sent("ok");
  const call = msg.payload as OutboundCall;
  // Next time this bot sends the file, it goes by Telegram's id instead of another upload.
  if (fileId && call.method !== "sendMessage")
    await rememberTelegramFileId(bot.db, call.media.fileId, bot.id, fileId).catch((err) =>
      bot.log("warn", "could not remember a Telegram file_id", { botId: bot.id, error: String(err) }),
    );
  return recorded;
}

async function recordFailure(
  tx: Tx,
  bot: BotHandle,
  msg: MessageRow,
  err: unknown,
  byFileId: boolean,
): Promise<Recorded> {
  const call = msg.payload as OutboundCall;
  const retryIn = async (ms: number, result: SendOutcome = "retry"): Promise<Recorded> => {
    await retryMessageLater(tx, msg.id, ms);
    metrics.sent(result);
    return { kind: "wait", ms };
  };
  const fail = async (error: string): Promise<Recorded> => {
    await failMessage(tx, msg.id, error);
    metrics.sent("failed");
    return { kind: "next" };
  };

  if (err instanceof MissingFileError) return fail(err.message);
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
      metrics.rateLimited(bot.id);
      return retryIn(ms, "rate_limited");
    }
    if (err.code === 403) {
      await markConversationBlocked(tx, msg.conversationId, description);
      metrics.sent("blocked");
      return { kind: "done" };
    }
    if (err.code === 400 && byFileId && call.method !== "sendMessage") {
      // Telegram no longer accepts the remembered file_id: forget it, the retry uploads the file.
      await forgetTelegramFileId(tx, call.media.fileId, bot.id);
      if (msg.attempts < MAX_SEND_ATTEMPTS) return retryIn(0);
    }
    if (err.code === 401) {
      await releaseMessage(tx, msg.id);
      metrics.sent("unauthorized");
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
