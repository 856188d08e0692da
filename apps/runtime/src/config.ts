import { hostname } from "node:os";
import path from "node:path";
import { DEFAULT_BOT_LOG_KEEP_DAYS, type WebhookRetryPolicy } from "@switchboard/core";
import type { AddressPolicy } from "./http/address-policy";

export interface RuntimeConfig {
  databaseUrl: string;
  /** Telegram Bot API root: https://api.telegram.org, or the local sandbox. */
  apiRoot: string;
  /** Public HTTPS base for webhooks (e.g. https://bots.example.com); needed only by webhook-mode bots. */
  webhookBaseUrl: string | null;
  /** Port of the webhook receiver and health check; 0 = do not listen. */
  port: number;
  /** How often bots are re-read even without a change notification. */
  reloadIntervalMs: number;
  /** Long-poll timeout for getUpdates, seconds. */
  pollTimeoutSeconds: number;
  instanceId: string;
  /**
   * Replaces every bot's own send limit (its `messagesPerSecond` setting, default 30/s) when set:
   * RUNTIME_BOT_MESSAGES_PER_SECOND, for tests and benchmarks. Unset, each bot's setting applies.
   */
  messagesPerSecond?: number | null;
  /** Messages per second in one private chat (RUNTIME_CHAT_MESSAGES_PER_SECOND, default 1: Telegram's advice). */
  chatMessagesPerSecond?: number;
  /** Messages one private chat may get at once before that pace applies (RUNTIME_CHAT_BURST, default 3). */
  chatBurst?: number;
  /** The admin's public address (Login steps' links point there). */
  adminBaseUrl: string;
  /** Folder of uploaded files (shared with the admin). */
  filesDir: string;
  /** How often due timers are looked for (they also wake on NOTIFY). */
  timerPollMs: number;
  /**
   * Download the files users send (default true). Off, they wait in the queue for a runtime that
   * does (RUNTIME_MEDIA_DOWNLOADS=0).
   */
  mediaDownloads?: boolean;
  /** How often due downloads are looked for (they also wake on NOTIFY); default 2000. */
  downloadPollMs?: number;
  /** Deliver Send-webhook POSTs (default true; RUNTIME_WEBHOOKS=0 leaves them to other runtimes). */
  webhooks?: boolean;
  /** How often due webhook deliveries are looked for (they also wake on NOTIFY); default 2000. */
  webhookPollMs?: number;
  /** Backoff and give-up of failed deliveries (tests shorten it); default 30 s doubling, ≤ 1 h, 24 h. */
  webhookRetry?: Partial<WebhookRetryPolicy>;
  /**
   * HTTP request steps may call private, loopback and link-local addresses
   * (SWITCHBOARD_HTTP_ALLOW_PRIVATE=1; off by default, see docs/engine.md).
   */
  httpAllowPrivate?: boolean;
  /** Tests only: decides per address and port instead of the rule above. */
  httpAddressPolicy?: AddressPolicy;
  /** Perform HTTP request steps' calls (default true; RUNTIME_HTTP_CALLS=0 leaves them to other runtimes). */
  httpCalls?: boolean;
  /** How often open HTTP calls are looked for (they also wake on NOTIFY); default 2000. */
  httpPollMs?: number;
  /** Days the bots' logs are kept (RUNTIME_BOT_LOG_RETENTION_DAYS); default 30 (core DEFAULT_BOT_LOG_KEEP_DAYS). */
  botLogRetentionDays?: number;
  /** How often history is pruned (retention-worker.ts); tests shorten it. Default hourly. */
  pruneEveryMs?: number;
}

/** A whole number of days from the environment; the default when unset, with a clear error when not a number. */
function positiveDays(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1)
    throw new Error(
      `RUNTIME_BOT_LOG_RETENTION_DAYS must be a whole number of days (1 or more), not "${raw}".`,
    );
  return days;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set.");
  return {
    databaseUrl,
    apiRoot: (env.TELEGRAM_API_ROOT ?? "https://api.telegram.org").replace(/\/+$/, ""),
    webhookBaseUrl: env.WEBHOOK_BASE_URL ? env.WEBHOOK_BASE_URL.replace(/\/+$/, "") : null,
    port: Number(env.RUNTIME_PORT ?? 3001),
    reloadIntervalMs: Number(env.RUNTIME_RELOAD_MS ?? 5000),
    pollTimeoutSeconds: Number(env.RUNTIME_POLL_TIMEOUT ?? 25),
    instanceId: env.RUNTIME_INSTANCE_ID ?? `${hostname()}:${process.pid}`,
    messagesPerSecond: positiveOrNull(env.RUNTIME_BOT_MESSAGES_PER_SECOND, "RUNTIME_BOT_MESSAGES_PER_SECOND"),
    chatMessagesPerSecond:
      positiveOrNull(env.RUNTIME_CHAT_MESSAGES_PER_SECOND, "RUNTIME_CHAT_MESSAGES_PER_SECOND") ?? 1,
    chatBurst: positiveOrNull(env.RUNTIME_CHAT_BURST, "RUNTIME_CHAT_BURST") ?? 3,
    adminBaseUrl: (env.ADMIN_URL ?? "http://localhost:3000").replace(/\/+$/, ""),
    filesDir: path.resolve(env.SWITCHBOARD_FILES_DIR ?? ".data/files"),
    timerPollMs: Number(env.RUNTIME_TIMER_POLL_MS ?? 1000),
    mediaDownloads: env.RUNTIME_MEDIA_DOWNLOADS !== "0",
    downloadPollMs: Number(env.RUNTIME_DOWNLOAD_POLL_MS ?? 2000),
    webhooks: env.RUNTIME_WEBHOOKS !== "0",
    webhookPollMs: Number(env.RUNTIME_WEBHOOK_POLL_MS ?? 2000),
    httpAllowPrivate: env.SWITCHBOARD_HTTP_ALLOW_PRIVATE === "1",
    httpCalls: env.RUNTIME_HTTP_CALLS !== "0",
    httpPollMs: Number(env.RUNTIME_HTTP_POLL_MS ?? 2000),
    botLogRetentionDays: positiveDays(env.RUNTIME_BOT_LOG_RETENTION_DAYS, DEFAULT_BOT_LOG_KEEP_DAYS),
  };
}

/** An optional positive number from the environment; anything else set there is a mistake worth stopping for. */
function positiveOrNull(raw: string | undefined, name: string): number | null {
  if (raw === undefined || raw.trim() === "") return null;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, got "${raw}".`);
  return value;
}
