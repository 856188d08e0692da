import { timingSafeEqual } from "node:crypto";
import type { StepCountBuffer } from "@switchboard/core";
import {
  type CoreEnv,
  conversationsWithPendingMessages,
  type FileStorage,
  operatorGroupOf,
  parseBotSettings,
  syncBotSchedules,
} from "@switchboard/core";
import { bots, type Db, decryptSecret } from "@switchboard/db";
import { eq } from "drizzle-orm";
import { Telegraf, TelegramError } from "telegraf";
import type { BotHandle } from "./bot-handle";
import { logBotEvent, markBotActive, markBotFailing } from "./bot-log";
import { KeyedSerialQueue } from "./chat-queue";
import type { RuntimeConfig } from "./config";
import { deliverPending } from "./delivery";
import { chatsWithPendingUpdates } from "./inbox";
import type { Logger } from "./log";
import { createBotPacer } from "./pacing/bot-pacer";
import type { BudgetReservations } from "./pacing/budget-reservations";
import type { PollLeadership } from "./poll-leadership";
import { runPolling } from "./polling";
import { drainChat } from "./process-chat";
import { receiveUpdates } from "./receive-updates";
import type { SentRecorder } from "./sent-recorder";
import { logUnusableUpdate } from "./set-aside";
import { withJsonTransport } from "./telegram/json-transport";
import { keepConnectionsAlive } from "./telegram/keep-alive";
import { TopicDelivery } from "./topic-delivery";
import type { UpdateBatcher } from "./update-batcher";
import type { UpdateStore } from "./update-store";
import { type WebhookBody, webhookBodyProblem } from "./webhook-body";

export type BotRow = typeof bots.$inferSelect;

export interface RunnerDeps {
  db: Db;
  leadership: PollLeadership;
  config: RuntimeConfig;
  log: Logger;
  secretKey: Buffer;
  core: CoreEnv;
  files: FileStorage;
  updates: UpdateBatcher;
  inbox: UpdateStore;
  /** Send slot reservations of every bot of the process, batched. */
  budgets: BudgetReservations;
  recorder: SentRecorder;
  stepCounts: StepCountBuffer;
}

/**
 * The fields whose change means the bot must be restarted. The entry flow and settings are not among
 * them: every update reads those fresh (flow-cache.ts).
 */
export function botFingerprint(b: BotRow): string {
  return JSON.stringify([b.tokenEncrypted, b.deliveryMode, b.webhookSecret]);
}

const RECOVERY_INTERVAL_MS = 15_000;

/** Runs one bot: receives its updates (polling or webhook), processes them per chat, sends replies. */
export class BotRunner {
  readonly fingerprint: string;
  private readonly abort = new AbortController();
  private readonly queue = new KeyedSerialQueue<number>();
  private readonly handle: BotHandle;
  private readonly topics: TopicDelivery;
  /** The operators' group last checked (getChat), so a settings change re-checks only a new group. */
  private checkedGroup: number | null = null;
  private recoveryTimer: NodeJS.Timeout | undefined;
  /** The polling loop, awaited on stop so it releases its lock before the pool closes. */
  private polling: Promise<void> = Promise.resolve();
  private stopped = false;
  failed = false;

  constructor(
    readonly row: BotRow,
    private readonly deps: RunnerDeps,
  ) {
    this.fingerprint = botFingerprint(row);
    const token = decryptSecret(row.tokenEncrypted, deps.secretKey);
    const telegraf = new Telegraf(token, { telegram: { apiRoot: deps.config.apiRoot, webhookReply: false } });
    withJsonTransport(keepConnectionsAlive(telegraf.telegram));
    const pacer = createBotPacer(deps.budgets, row.id, deps.config, (err) =>
      deps.log("warn", "reserving send slots failed", { botId: row.id, error: String(err) }),
    );
    this.handle = {
      id: row.id,
      workspaceId: row.workspaceId,
      username: row.username,
      db: deps.db,
      telegram: telegraf.telegram,
      core: deps.core,
      files: deps.files,
      updates: deps.updates,
      recorder: deps.recorder,
      inbox: deps.inbox,
      stepCounts: deps.stepCounts,
      pacer,
      signal: this.abort.signal,
      log: deps.log,
      pauseSending: (ms) => pacer.pauseBot(ms),
      sendingPausedFor: () => pacer.pausedFor(),
      onUnauthorized: (reason) => void this.fail(reason),
    };
    this.topics = new TopicDelivery(this.handle);
  }

  async start(): Promise<void> {
    const { db, config } = this.deps;
    try {
      const me = await this.handle.telegram.getMe();
      if (me.id !== this.row.telegramId)
        throw new Error(`token belongs to @${me.username}, not @${this.row.username}`);
    } catch (err) {
      const reason =
        err instanceof TelegramError && err.code === 401
          ? "Telegram rejected the token (401 Unauthorized). Reconnect the bot with a fresh token from @BotFather."
          : `Could not start: ${err instanceof TelegramError ? `${err.code} ${err.description}` : String(err)}`;
      await this.fail(reason);
      return;
    }
    if (this.row.status !== "active" || this.row.lastError) await markBotActive(db, this.row.id);

    if (this.row.deliveryMode === "webhook") {
      if (!config.webhookBaseUrl) {
        await this.fail(
          "Webhook delivery needs WEBHOOK_BASE_URL (the runtime's public HTTPS address). Use polling, or set it.",
        );
        return;
      }
      try {
        await this.handle.telegram.setWebhook(`${config.webhookBaseUrl}/telegram/${this.row.id}`, {
          secret_token: this.row.webhookSecret,
          allowed_updates: ["message", "callback_query", "my_chat_member"],
        });
      } catch (err) {
        await this.fail(`setWebhook failed: ${err instanceof Error ? err.message : String(err)}`);
        return;
      }
    } else {
      this.polling = runPolling(this.handle, {
        leadership: this.deps.leadership,
        timeoutSeconds: config.pollTimeoutSeconds,
        signal: this.abort.signal,
        onChats: (chats) => this.schedule(chats),
      });
    }
    await this.syncSchedules();
    this.topics.start();
    void this.checkOperatorGroup();
    await this.recover();
    this.recoveryTimer = setInterval(() => void this.recover(), RECOVERY_INTERVAL_MS);
  }

  /** Makes the bot's pending Schedule runs match its live flow (after start, a publish, a change). */
  async syncSchedules(): Promise<void> {
    try {
      await syncBotSchedules(this.deps.db, this.row.id);
    } catch (err) {
      this.deps.log("warn", "syncing schedules failed", { botId: this.row.id, error: String(err) });
    }
  }

  /** Another process queued messages in this chat's outbox (an operator's reply, a timer): send them. */
  deliverNow(conversationId: string, chatId: number) {
    if (this.stopped) return;
    void this.queue
      .run(chatId, () => deliverPending(this.handle, conversationId, chatId))
      .catch((err) => this.deps.log("error", "delivery failed", { botId: this.row.id, error: String(err) }));
  }

  /** Lines were queued for the bot's operators' group (NOTIFY): send them now. */
  deliverTopicsNow() {
    if (!this.stopped) this.topics.poke();
  }

  /**
   * When the bot's operators' group is set (or changed), checks what the runtime can see of it and
   * writes the result to the bot's log: a forum supergroup where the bot is an administrator allowed to
   * manage topics (administrators also get every message, whatever the privacy mode). Informational:
   * lines wait in the topic outbox until the group works.
   */
  async checkOperatorGroup(): Promise<void> {
    const { db, log } = this.deps;
    try {
      const [row] = await db.select({ settings: bots.settings }).from(bots).where(eq(bots.id, this.row.id));
      const group = row ? operatorGroupOf(parseBotSettings(row.settings)) : null;
      if (group === null || group === this.checkedGroup) {
        this.checkedGroup = group;
        return;
      }
      this.checkedGroup = group;
      const problems: string[] = [];
      let title = String(group);
      try {
        const chat = (await this.handle.telegram.getChat(group)) as {
          type: string;
          title?: string;
          is_forum?: boolean;
        };
        title = chat.title ? `“${chat.title}”` : title;
        if (chat.type !== "supergroup" || !chat.is_forum)
          problems.push("it is not a supergroup with topics (turn Topics on in the group's settings)");
        const me = (await this.handle.telegram.getChatMember(group, this.row.telegramId)) as {
          status: string;
          can_manage_topics?: boolean;
        };
        if (me.status !== "administrator" && me.status !== "creator")
          problems.push("the bot is not an administrator there");
        else if (me.status === "administrator" && !me.can_manage_topics)
          problems.push("the bot may not manage topics (give it the “Manage topics” right)");
      } catch (err) {
        problems.push(
          `Telegram answered ${err instanceof TelegramError ? `${err.code} ${err.description}` : String(err)} (is the bot in the group, and is the id right?)`,
        );
      }
      await logBotEvent(db, log, this.row.id, {
        level: problems.length ? "warn" : "info",
        method: "getChat",
        message: problems.length
          ? `Operators' group ${title}: ${problems.join("; ")}.`
          : `Operators' group ${title} is ready: customers' topics will be created there.`,
        details: { chatId: group },
      });
    } catch (err) {
      log("warn", "checking the operators' group failed", { botId: this.row.id, error: String(err) });
    }
  }

  /**
   * Webhook entry: verifies Telegram's secret header, then stores the update (or sets it aside, or
   * logs a body that is no update) before answering 200. Throws only when the database fails: the
   * one case where Telegram should retry.
   */
  async acceptWebhook(secretHeader: string | undefined, body: WebhookBody): Promise<"ok" | "forbidden"> {
    if (!secretHeader || !safeEqual(secretHeader, this.row.webhookSecret)) return "forbidden";
    const { db, log } = this.deps;
    if (body.kind !== "json") {
      await logUnusableUpdate(db, log, this.row.id, webhookBodyProblem(body));
      return "ok";
    }
    const chats = await receiveUpdates(
      db,
      log,
      this.row.id,
      [{ update: body.json, text: body.text }],
      (botId, updates) => this.deps.inbox.store(botId, updates),
    );
    this.schedule(chats);
    return "ok";
  }

  /** Picks up work a crash (of this or another process) left behind. */
  async recover(): Promise<void> {
    if (this.stopped) return;
    try {
      this.schedule(new Set(await chatsWithPendingUpdates(this.deps.db, this.row.id)));
      for (const c of await conversationsWithPendingMessages(this.deps.db, this.row.id))
        void this.queue.run(c.chatId, () => deliverPending(this.handle, c.id, c.chatId));
    } catch (err) {
      this.deps.log("warn", "recovery sweep failed", { botId: this.row.id, error: String(err) });
    }
  }

  private schedule(chats: Set<number>) {
    for (const chatId of chats)
      void this.queue
        .run(chatId, () => drainChat(this.handle, chatId))
        .catch((err) =>
          this.deps.log("error", "chat processing failed", {
            botId: this.row.id,
            chatId,
            error: String(err),
          }),
        );
  }

  private async fail(reason: string) {
    this.failed = true;
    await logBotEvent(this.deps.db, this.deps.log, this.row.id, { level: "error", message: reason }).catch(
      () => {},
    );
    await markBotFailing(this.deps.db, this.row.id, reason).catch(() => {});
    await this.stop();
  }

  /** Stops receiving; work already queued finishes first. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.abort.abort();
    clearInterval(this.recoveryTimer);
    await this.polling.catch(() => {});
    // Sends waiting for a slot were dropped by the abort (their acquire rejects): a message is only
    // claimed once its slot comes, so they stay pending for the next runtime.
    await this.topics.stopped();
    await this.queue.idle();
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
