// Pushes queued updates to a bot's webhook: one at a time per bot, in order, retrying with a
// short backoff until a 2xx. A JSON body with `method` in the response is executed as a Bot
// API call ("webhook reply"; Telegraf uses it for answerCallbackQuery & co by default).

import http from "node:http";
import https from "node:https";
import { type Params, parseParams } from "./http/params";
import type { BotState, Store, WebhookState } from "./store";
import { nowSeconds } from "./store";
import type { TgUpdate } from "./types";

/** Retry delays; far shorter than Telegram's so tests see a retry within a second. */
const BACKOFF_MS = [200, 500, 1000, 2000];
const REQUEST_TIMEOUT_MS = 10_000;

export type WebhookReplyHandler = (bot: BotState, method: string, params: Params) => Promise<unknown>;

interface HttpAnswer {
  status: number;
  statusText: string;
  contentType: string;
  body: Buffer;
}

export class WebhookDelivery {
  private readonly running = new Set<BotState>();
  private readonly wakers = new Map<BotState, () => void>();
  private readonly inFlight = new Set<http.ClientRequest>();
  private closed = false;

  constructor(
    store: Store,
    private readonly enabled: boolean,
    private readonly onWebhookReply: WebhookReplyHandler,
  ) {
    store.onUpdatePushed((bot) => this.kick(bot));
  }

  /** The webhook was set or removed: retry right away instead of finishing a backoff. */
  webhookChanged(bot: BotState): void {
    this.wakers.get(bot)?.();
    this.kick(bot);
  }

  /** Starts the delivery loop of a bot unless it is already running. */
  kick(bot: BotState): void {
    if (!this.enabled || this.closed || this.running.has(bot)) return;
    this.running.add(bot);
    void this.run(bot);
  }

  close(): void {
    this.closed = true;
    for (const wake of this.wakers.values()) wake();
    for (const request of this.inFlight) request.destroy();
  }

  private async run(bot: BotState): Promise<void> {
    try {
      let attempt = 0;
      while (!this.closed) {
        const hook = bot.webhook;
        const update = bot.updates.first();
        // The finally below runs synchronously with this return, so a push racing with it
        // always finds `running` cleared and starts a new loop.
        if (!hook || !update) return;
        const error = await this.deliver(hook, update, bot);
        if (error === null) {
          bot.updates.remove(update.update_id);
          attempt = 0;
          continue;
        }
        if (this.closed) return;
        hook.lastErrorDate = nowSeconds();
        hook.lastErrorMessage = error;
        await this.sleep(bot, BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)] ?? 1000);
        attempt += 1;
      }
    } finally {
      this.running.delete(bot);
    }
  }

  /** Returns null on success, else Telegram-style last_error_message text. */
  private async deliver(hook: WebhookState, update: TgUpdate, bot: BotState): Promise<string | null> {
    let answer: HttpAnswer;
    try {
      answer = await this.post(hook, JSON.stringify(update));
    } catch (error) {
      return describeNetworkError(error);
    }
    if (answer.status < 200 || answer.status > 299) {
      return `Wrong response from the webhook: ${answer.status} ${answer.statusText}`;
    }
    await this.handleReply(bot, answer).catch((error: unknown) => {
      console.error("[telegram-sandbox] webhook reply failed:", error);
    });
    return null;
  }

  private async handleReply(bot: BotState, answer: HttpAnswer): Promise<void> {
    if (answer.body.length === 0) return;
    let params: Params;
    try {
      params = parseParams(new URLSearchParams(), answer.contentType, answer.body);
    } catch {
      return; // Telegram ignores bodies it cannot parse.
    }
    const method = params.string("method");
    if (method) await this.onWebhookReply(bot, method, params);
  }

  private post(hook: WebhookState, body: string): Promise<HttpAnswer> {
    const url = new URL(hook.url);
    const client = url.protocol === "https:" ? https : http;
    return new Promise((resolve, reject) => {
      const request = client.request(
        url,
        {
          method: "POST",
          // No keep-alive: the bot's server must be able to close promptly when a test ends.
          agent: false,
          timeout: REQUEST_TIMEOUT_MS,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            connection: "close",
            ...(hook.secretToken ? { "x-telegram-bot-api-secret-token": hook.secretToken } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("end", () =>
            resolve({
              status: response.statusCode ?? 0,
              statusText: response.statusMessage ?? "",
              contentType: String(response.headers["content-type"] ?? ""),
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      this.inFlight.add(request);
      request.on("close", () => this.inFlight.delete(request));
      request.on("timeout", () =>
        request.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })),
      );
      request.on("error", reject);
      request.end(body);
    });
  }

  private sleep(bot: BotState, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.wakers.get(bot) === done) this.wakers.delete(bot);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.set(bot, done);
    });
  }
}

function describeNetworkError(error: unknown): string {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === "ECONNREFUSED") return "Connection refused";
  if (code === "ETIMEDOUT") return "Read timeout expired";
  if (code === "ENOTFOUND") return "Failed to resolve host: Name or service not known";
  return `Connection failed: ${(error as Error)?.message ?? String(error)}`;
}
