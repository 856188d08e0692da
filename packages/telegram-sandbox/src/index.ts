// Public entry: start a local Telegram Bot API sandbox.

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { BotApi } from "./bot-api/dispatcher";
import { ControlRoutes } from "./control/routes";
import { createRouter } from "./http/router";
import { StateFile } from "./persistence";
import { Store, TOKEN_PATTERN } from "./store";
import { WebhookDelivery } from "./webhook-delivery";

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  bots?: Array<{ token: string; username: string; firstName?: string }>;
  /** Set false to keep webhook updates pending instead of POSTing them (default true). */
  webhookDelivery?: boolean;
  /**
   * Flood limit for one bot sending to one group or supergroup: at most `messages` within
   * `windowSeconds`, else 429 "Too Many Requests: retry after N". Default 20 per 60 s, Telegram's
   * documented limit; `messages: null` turns it off. Also settable with SandboxClient.setGroupRateLimit.
   */
  groupRateLimit?: { messages: number | null; windowSeconds?: number };
  /**
   * How long an idle keep-alive connection stays open (default Node's 5 s). Load generators raise it:
   * a client that reuses a connection just as the server drops it gets "other side closed", which a
   * CPU-starved client (late timers) runs into often.
   */
  keepAliveTimeoutMs?: number;
  /**
   * Flood limit for one bot sending to one private chat (default off; windowSeconds defaults to 1).
   * Also settable with SandboxClient.setChatRateLimit.
   */
  chatRateLimit?: { messages: number | null; windowSeconds?: number };
  /** Flood limit for one bot across all its chats (default off; windowSeconds 1). SandboxClient.setBotRateLimit. */
  botRateLimit?: { messages: number | null; windowSeconds?: number };
  /**
   * A JSON file that keeps the sandbox's bots, chats, messages, supergroups and unfetched updates
   * across restarts (loaded at start, saved a moment after each change and on close). Without it
   * everything lives in memory only.
   */
  stateFile?: string;
}

/** A rate limit option checked and completed with its default window. */
function rateLimitOption(
  name: string,
  option: { messages: number | null; windowSeconds?: number },
  defaultWindowSeconds: number,
) {
  const { messages, windowSeconds = defaultWindowSeconds } = option;
  if ((messages !== null && (!Number.isInteger(messages) || messages < 1)) || !(windowSeconds >= 1))
    throw new Error(`telegram-sandbox: ${name} needs messages >= 1 (or null) and windowSeconds >= 1`);
  return { messages, windowSeconds };
}

export interface Sandbox {
  /** Base URL without trailing slash, e.g. http://127.0.0.1:8081 — use it as the bot's apiRoot. */
  url: string;
  port: number;
  /** The in-memory store, for tests that need to look at or tweak internals. */
  state: Store;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const store = new Store();
  const stateFile = options.stateFile ? new StateFile(store, options.stateFile) : null;
  // Saved first: the options' bots and rate limits apply on top (registering a kept bot is a no-op).
  const restoredBots = stateFile?.load() ?? [];
  if (options.groupRateLimit)
    store.groupRateLimit = rateLimitOption("groupRateLimit", options.groupRateLimit, 60);
  if (options.chatRateLimit) store.chatRateLimit = rateLimitOption("chatRateLimit", options.chatRateLimit, 1);
  if (options.botRateLimit) store.botRateLimit = rateLimitOption("botRateLimit", options.botRateLimit, 1);
  for (const bot of options.bots ?? []) {
    if (!TOKEN_PATTERN.test(bot.token))
      throw new Error(`telegram-sandbox: the bot @${bot.username} has an invalid token`);
    store.registerBot(bot.token, bot.username, bot.firstName);
  }

  // Webhook replies are executed like any other call; the two reference each other lazily.
  let api: BotApi | undefined;
  const delivery = new WebhookDelivery(
    store,
    options.webhookDelivery !== false,
    async (bot, method, params) => {
      await api?.call(bot, method, params, { viaWebhookReply: true });
    },
  );
  api = new BotApi(store, (bot) => delivery.webhookChanged(bot));
  // Restored webhook bots resume delivering what was queued when the sandbox stopped.
  for (const bot of restoredBots) if (bot.webhook) delivery.webhookChanged(bot);
  const route = createRouter({ store, api, control: new ControlRoutes(store) });
  const server = createServer((req, res) => {
    // Any request may change the world (control actions, bot calls, getUpdates confirming updates).
    if (stateFile) res.once("finish", () => stateFile.changed());
    route(req, res);
  });
  if (stateFile) store.onUpdatePushed(() => stateFile.changed());
  // Long polls hold requests open for up to 50 s; never let Node time them out first.
  server.requestTimeout = 0;
  if (options.keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = options.keepAliveTimeoutMs;

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const publicHost =
    host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${publicHost}:${port}`,
    port,
    state: store,
    close() {
      closing ??= new Promise<void>((resolve) => {
        delivery.close();
        // Answer pending long polls so bots see a normal empty response, then drop idle sockets.
        for (const bot of store.bots.values()) bot.updates.release();
        store.changes.notify();
        // Saved once no request can change anything any more.
        server.close(() => void (stateFile?.flush() ?? Promise.resolve()).then(() => resolve()));
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 50).unref();
      });
      return closing;
    },
  };
}

export * from "./control-client";
export { computeLoginHash, loginDataCheckString, loginRedirectUrl, verifyLoginData } from "./login-widget";
export type { Store } from "./store";
// Telegram object shapes (TgMessage, TgUpdate, ...) for typing test assertions.
export type * from "./types";
