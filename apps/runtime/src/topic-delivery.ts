import {
  claimTopicBatch,
  forgetTopic,
  pendingTopics,
  recordTopicSent,
  releaseTopicLines,
  retryTopicLater,
  saveTopic,
  TOPIC_LEASE_MS,
  type TopicBatch,
  type TopicKey,
} from "@switchboard/core";
import { TelegramError } from "telegraf";
import type { BotHandle } from "./bot-handle";
import { logBotEvent } from "./bot-log";
import type { SendSlot } from "./pacing/pacer";
import { sleep } from "./sleep";

/** With nothing to do, the topic outbox is looked at this often anyway (a missed NOTIFY, a crash's leases). */
const IDLE_MS = 15_000;
/** Two calls may go out per claim (create the topic, send): both end before the lease does. */
const CALL_TIMEOUT_MS = Math.floor((TOPIC_LEASE_MS - 5_000) / 2);
/** Longest single wait for a topic that backs off; the loop looks again after it. */
const MAX_INLINE_WAIT_MS = 120_000;
/** Failures other than flood control back off up to this; lines are never given up. */
const MAX_BACKOFF_MS = 5 * 60_000;
/** A retry_after longer than this is clamped (it is stored on the lines, so every process honours it). */
const MAX_RETRY_AFTER_S = 3600;

type Outcome =
  | { kind: "sent" }
  | { kind: "again" }
  | { kind: "done" }
  | { kind: "wait"; ms: number }
  | { kind: "stop" };

const TOPIC_GONE = /message thread not found|TOPIC_ID_INVALID|TOPIC_DELETED/i;

/**
 * Sends a bot's topic outbox (core forum/outbox.ts) to its operators' group: one loop per bot, one
 * message at a time, the topic waiting longest first and each topic strictly in order. Whatever piled up
 * in a topic goes out as one message (up to 4,096 characters), so when the group is throttled (Telegram:
 * about 20 messages a minute per group) the lines are coalesced rather than queued one by one. A 429
 * pauses this group only (the customers' chats have their own outbox and limits) for its retry_after,
 * stored on the lines so every process honours it. Other failures back off; lines are never dropped. A
 * topic is created on its first line (and again if it was deleted in the group).
 */
export class TopicDelivery {
  private loop: Promise<void> = Promise.resolve();
  private wake: (() => void) | null = null;
  private poked = false;
  private readonly groupPausedUntil = new Map<number, number>();

  constructor(private readonly bot: BotHandle) {}

  start() {
    this.loop = this.run();
  }

  /** Lines were queued (NOTIFY): look now. */
  poke() {
    this.poked = true;
    this.wake?.();
  }

  /** Resolves once the loop ended (the bot's signal aborts it; a send in flight finishes first). */
  async stopped() {
    this.wake?.();
    await this.loop;
  }

  private pausedFor(groupChatId: number) {
    return Math.max(0, (this.groupPausedUntil.get(groupChatId) ?? 0) - Date.now());
  }

  private async run() {
    const { signal } = this.bot;
    while (!signal.aborted) {
      this.poked = false;
      let next = IDLE_MS;
      let busy = false;
      try {
        for (const key of await pendingTopics(this.bot.db, this.bot.id)) {
          if (signal.aborted) return;
          const paused = Math.max(this.pausedFor(key.groupChatId), this.bot.sendingPausedFor());
          if (paused > 0) {
            next = Math.min(next, paused);
            continue;
          }
          const outcome = await this.deliverOne(key);
          if (outcome.kind === "stop") return;
          if (outcome.kind === "sent" || outcome.kind === "again") busy = true;
          else if (outcome.kind === "wait") next = Math.min(next, Math.max(outcome.ms, 50));
        }
      } catch (err) {
        if (signal.aborted) return;
        this.bot.log("warn", "topic delivery round failed", { botId: this.bot.id, error: String(err) });
        next = 5_000;
      }
      if (busy || this.poked) continue;
      await this.nap(next);
    }
  }

  /** Sleeps until `ms` passed, lines were queued, or the bot stops. */
  private async nap(ms: number) {
    const ac = new AbortController();
    const stop = () => ac.abort();
    this.bot.signal.addEventListener("abort", stop, { once: true });
    this.wake = stop;
    try {
      if (!this.poked) await sleep(ms, ac.signal);
    } finally {
      this.wake = null;
      this.bot.signal.removeEventListener("abort", stop);
    }
  }

  /**
   * One message of one topic, in a slot of the bot's pacer: the group's own pace (20 a minute, the
   * group's negative id tells the pacer) within the bot's budget shared with its customers' chats.
   */
  private async deliverOne(key: TopicKey): Promise<Outcome> {
    let slot: SendSlot;
    try {
      slot = await this.bot.pacer.acquire({ chatId: key.groupChatId, signal: this.bot.signal });
    } catch (err) {
      if (this.bot.signal.aborted) return { kind: "stop" }; // the bot stopped meanwhile: nothing was claimed
      throw err;
    }
    return this.claimAndSend(key, slot);
  }

  private async claimAndSend(key: TopicKey, slot: SendSlot): Promise<Outcome> {
    const paused = Math.max(this.pausedFor(key.groupChatId), this.bot.sendingPausedFor());
    const claim =
      paused > 0
        ? { kind: "wait" as const, ms: paused }
        : await claimTopicBatch(this.bot.db, key, MAX_INLINE_WAIT_MS);
    if (claim.kind !== "claimed") {
      slot.giveBack(); // nothing went out: the group's next message need not wait for this one
      return claim;
    }
    const batch = claim.batch;
    let threadId = batch.messageThreadId;
    let method = "createForumTopic";
    try {
      if (threadId === null) {
        const topic = (await this.bot.telegram.callApi(
          "createForumTopic",
          { chat_id: batch.groupChatId, name: batch.name },
          { signal: AbortSignal.timeout(CALL_TIMEOUT_MS) as never },
        )) as unknown as { message_thread_id: number; name: string };
        threadId = topic.message_thread_id;
        await saveTopic(this.bot.db, { ...key, messageThreadId: threadId, name: topic.name });
      }
      method = "sendMessage";
      await this.bot.telegram.callApi(
        "sendMessage",
        {
          chat_id: batch.groupChatId,
          message_thread_id: threadId,
          text: batch.text,
          // The lines' formatting (a customer's bold, a link), never parse_mode: the text is not markup.
          ...(batch.entities.length ? { entities: batch.entities } : {}),
        } as never,
        { signal: AbortSignal.timeout(CALL_TIMEOUT_MS) as never },
      );
    } catch (err) {
      return this.recordFailure(batch, method, threadId, err);
    }
    await recordTopicSent(this.bot.db, batch.ids);
    return { kind: "sent" };
  }

  private async recordFailure(
    batch: TopicBatch,
    method: string,
    threadId: number | null,
    err: unknown,
  ): Promise<Outcome> {
    const { db, id: botId } = this.bot;
    const key: TopicKey = { botId, groupChatId: batch.groupChatId, contactId: batch.contactId };
    const telegram = err instanceof TelegramError ? err : null;
    const description = telegram
      ? (telegram.description ?? telegram.message)
      : err instanceof Error
        ? err.message
        : String(err);
    await logBotEvent(db, this.bot.log, botId, {
      level: "warn",
      method,
      message: telegram
        ? `Operators' group: Telegram ${telegram.code}: ${description}`
        : `Operators' group: sending failed: ${description}`,
      details: { chatId: batch.groupChatId, messageThreadId: threadId, lines: batch.ids.length },
    });
    if (telegram?.code === 429) {
      const ms = Math.min(telegram.parameters?.retry_after ?? 1, MAX_RETRY_AFTER_S) * 1000;
      // The group's own limit: every topic of this group waits; the bot's other chats do not.
      this.groupPausedUntil.set(batch.groupChatId, Date.now() + ms);
      await retryTopicLater(db, batch.ids, ms, description);
      return { kind: "wait", ms };
    }
    if (telegram?.code === 401) {
      await releaseTopicLines(db, batch.ids);
      this.bot.onUnauthorized(`Telegram rejected the token while sending (401 ${description}).`);
      return { kind: "stop" };
    }
    if (
      method === "sendMessage" &&
      threadId !== null &&
      telegram?.code === 400 &&
      TOPIC_GONE.test(description)
    ) {
      // Deleted in the group: forget it; the next attempt creates the topic again.
      await forgetTopic(db, key, threadId);
      if (batch.attempts <= 3) {
        await retryTopicLater(db, batch.ids, 0, description);
        return { kind: "again" };
      }
    }
    // The group is misconfigured (the bot removed, no rights, not a forum) or Telegram is down: back off
    // and keep the lines until it works again.
    const ms = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(batch.attempts - 1, 20));
    await retryTopicLater(db, batch.ids, ms, description);
    return { kind: "wait", ms };
  }
}
