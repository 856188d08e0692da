// getMe, getUpdates and the webhook methods: how updates reach the bot.

import { badRequest, Errors } from "../errors";
import type { BotState } from "../store";
import { Described, type MethodContext, type MethodHandler } from "./context";

const SECRET_TOKEN = /^[A-Za-z0-9_-]+$/;

/** allowed_updates: JSON array of update type names; undefined when not given. */
function allowedUpdates(ctx: MethodContext): string[] | undefined {
  const raw = ctx.params.json("allowed_updates", "can't parse allowed updates JSON array");
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) throw badRequest("can't parse allowed updates JSON array");
  return raw.filter((item): item is string => typeof item === "string");
}

const getMe: MethodHandler = (ctx) => ctx.bot.user;

const getUpdates: MethodHandler = (ctx) => {
  if (ctx.bot.webhook) throw Errors.webhookActive();
  const queue = ctx.bot.updates;
  // Telegram clamps rather than rejects out-of-range limit/timeout values.
  const limit = Math.min(100, Math.max(1, ctx.params.int("limit") ?? 100));
  const timeoutSeconds = Math.max(0, ctx.params.int("timeout") ?? 0);
  const allowed = allowedUpdates(ctx);
  if (allowed) queue.allowedUpdates = allowed;
  queue.confirm(ctx.params.int("offset") ?? 0);
  return queue.take(limit, timeoutSeconds * 1000, ctx.signal);
};

const setWebhook: MethodHandler = (ctx) => {
  const bot = ctx.bot;
  const url = ctx.params.string("url") ?? "";
  if (url === "") return removeWebhook(ctx, bot);
  if (!isHttpUrl(url)) throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
  const secretToken = ctx.params.string("secret_token");
  if (secretToken !== undefined) {
    if (secretToken.length > 256) throw badRequest("secret token is too long");
    if (!SECRET_TOKEN.test(secretToken)) throw badRequest("secret token contains unallowed characters");
  }
  const allowed = allowedUpdates(ctx);
  if (allowed) bot.updates.allowedUpdates = allowed;
  if (ctx.params.bool("drop_pending_updates")) bot.updates.clear();
  const alreadySet = bot.webhook?.url === url;
  const maxConnections = Math.min(100, Math.max(1, ctx.params.int("max_connections") ?? 40));
  const ipAddress = ctx.params.string("ip_address");
  bot.webhook = {
    url,
    maxConnections,
    ...(secretToken ? { secretToken } : {}),
    ...(ipAddress ? { ipAddress } : {}),
  };
  // A pending long poll must not hand out updates the webhook is about to deliver.
  bot.updates.failPoller(Errors.webhookActive());
  ctx.webhookChanged(bot);
  return new Described(true, alreadySet ? "Webhook is already set" : "Webhook was set");
};

const deleteWebhook: MethodHandler = (ctx) => {
  if (ctx.params.bool("drop_pending_updates")) ctx.bot.updates.clear();
  return removeWebhook(ctx, ctx.bot);
};

function removeWebhook(ctx: MethodContext, bot: BotState): Described {
  const wasSet = bot.webhook !== null;
  bot.webhook = null;
  ctx.webhookChanged(bot);
  return new Described(true, wasSet ? "Webhook was deleted" : "Webhook is already deleted");
}

const getWebhookInfo: MethodHandler = (ctx) => {
  const hook = ctx.bot.webhook;
  const info: Record<string, unknown> = {
    url: hook?.url ?? "",
    has_custom_certificate: false,
    pending_update_count: ctx.bot.updates.pendingCount,
  };
  if (!hook) return info;
  if (hook.ipAddress) info.ip_address = hook.ipAddress;
  if (hook.lastErrorDate !== undefined) info.last_error_date = hook.lastErrorDate;
  if (hook.lastErrorMessage !== undefined) info.last_error_message = hook.lastErrorMessage;
  info.max_connections = hook.maxConnections;
  if (ctx.bot.updates.allowedUpdates?.length) info.allowed_updates = ctx.bot.updates.allowedUpdates;
  return info;
};

function isHttpUrl(value: string): boolean {
  try {
    // Telegram requires HTTPS; the sandbox also takes http:// because local bots rarely have TLS.
    const protocol = new URL(value).protocol;
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}

export const updateMethods: Record<string, MethodHandler> = {
  getMe,
  getUpdates,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
  // Moving a bot between servers has no meaning here; answer like a successful call.
  logOut: () => true,
  close: () => true,
};
