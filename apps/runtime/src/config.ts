import { hostname } from "node:os";
import path from "node:path";
import {
  DEFAULT_BOT_LOG_KEEP_DAYS,
  flagVar,
  intVar,
  oneOfVar,
  parseEnv,
  portVar,
  positiveNumberVar,
  postgresUrlVar,
  textVar,
  urlVar,
  type WebhookRetryPolicy,
} from "@switchboard/core";
import type { AddressPolicy } from "./http/address-policy";
import { LOG_LEVELS } from "./log";
import { DEFAULT_BATCHING, type UpdateBatcherOptions } from "./update-batcher";

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
  /** When set, GET /metrics needs `Authorization: Bearer <token>` (METRICS_TOKEN); else it is open. */
  metricsToken?: string | null;
  /**
   * Update batches (update-batcher.ts): transactions in flight at once (RUNTIME_UPDATE_BATCHES) and chats
   * per transaction at most (RUNTIME_UPDATE_BATCH_CHATS). Default DEFAULT_BATCHING.
   */
  updateBatching?: UpdateBatcherOptions;
}

/** Every variable the runtime reads, checked at start (all problems listed at once, see EnvError). */
export const runtimeEnvShape = {
  DATABASE_URL: postgresUrlVar("DATABASE_URL"),
  TELEGRAM_API_ROOT: urlVar("TELEGRAM_API_ROOT", "https://api.telegram.org"),
  WEBHOOK_BASE_URL: urlVar("WEBHOOK_BASE_URL", null),
  RUNTIME_PORT: portVar("RUNTIME_PORT", 3001, { allowZero: "to not listen" }),
  RUNTIME_RELOAD_MS: intVar("RUNTIME_RELOAD_MS", { min: 100, default: 5000 }),
  RUNTIME_POLL_TIMEOUT: intVar("RUNTIME_POLL_TIMEOUT", { min: 0, max: 50, default: 25 }),
  RUNTIME_INSTANCE_ID: textVar("RUNTIME_INSTANCE_ID"),
  // Unset: each bot's own setting applies. Tests and benchmarks raise it (the bench uses 10000).
  RUNTIME_BOT_MESSAGES_PER_SECOND: positiveNumberVar("RUNTIME_BOT_MESSAGES_PER_SECOND", null),
  RUNTIME_CHAT_MESSAGES_PER_SECOND: positiveNumberVar("RUNTIME_CHAT_MESSAGES_PER_SECOND", 1),
  RUNTIME_CHAT_BURST: positiveNumberVar("RUNTIME_CHAT_BURST", 3),
  RUNTIME_BOT_LOG_RETENTION_DAYS: intVar("RUNTIME_BOT_LOG_RETENTION_DAYS", {
    min: 1,
    default: DEFAULT_BOT_LOG_KEEP_DAYS,
    what: "a whole number of days (1 or more)",
  }),
  ADMIN_URL: urlVar("ADMIN_URL", "http://localhost:3000"),
  SWITCHBOARD_FILES_DIR: textVar("SWITCHBOARD_FILES_DIR", { default: ".data/files" }),
  RUNTIME_TIMER_POLL_MS: intVar("RUNTIME_TIMER_POLL_MS", { min: 10, default: 1000 }),
  RUNTIME_MEDIA_DOWNLOADS: flagVar("RUNTIME_MEDIA_DOWNLOADS", true),
  RUNTIME_DOWNLOAD_POLL_MS: intVar("RUNTIME_DOWNLOAD_POLL_MS", { min: 10, default: 2000 }),
  RUNTIME_WEBHOOKS: flagVar("RUNTIME_WEBHOOKS", true),
  RUNTIME_WEBHOOK_POLL_MS: intVar("RUNTIME_WEBHOOK_POLL_MS", { min: 10, default: 2000 }),
  SWITCHBOARD_HTTP_ALLOW_PRIVATE: flagVar("SWITCHBOARD_HTTP_ALLOW_PRIVATE", false),
  RUNTIME_HTTP_CALLS: flagVar("RUNTIME_HTTP_CALLS", true),
  RUNTIME_HTTP_POLL_MS: intVar("RUNTIME_HTTP_POLL_MS", { min: 10, default: 2000 }),
  METRICS_TOKEN: textVar("METRICS_TOKEN", { minLength: 16 }),
  RUNTIME_UPDATE_BATCHES: intVar("RUNTIME_UPDATE_BATCHES", {
    min: 1,
    max: 64,
    default: DEFAULT_BATCHING.maxBatches,
  }),
  RUNTIME_UPDATE_BATCH_CHATS: intVar("RUNTIME_UPDATE_BATCH_CHATS", {
    min: 1,
    max: 256,
    default: DEFAULT_BATCHING.maxChats,
  }),
  LOG_LEVEL: oneOfVar("LOG_LEVEL", LOG_LEVELS, "info"),
  SWITCHBOARD_SECRET: textVar("SWITCHBOARD_SECRET", { minLength: 16 }),
};

/** The runtime's configuration from the environment; throws EnvError naming every bad variable. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const e = parseEnv(runtimeEnvShape, env);
  return {
    databaseUrl: e.DATABASE_URL!,
    apiRoot: e.TELEGRAM_API_ROOT,
    webhookBaseUrl: e.WEBHOOK_BASE_URL,
    port: e.RUNTIME_PORT,
    reloadIntervalMs: e.RUNTIME_RELOAD_MS,
    pollTimeoutSeconds: e.RUNTIME_POLL_TIMEOUT,
    instanceId: e.RUNTIME_INSTANCE_ID ?? `${hostname()}:${process.pid}`,
    messagesPerSecond: e.RUNTIME_BOT_MESSAGES_PER_SECOND,
    chatMessagesPerSecond: e.RUNTIME_CHAT_MESSAGES_PER_SECOND,
    chatBurst: e.RUNTIME_CHAT_BURST,
    adminBaseUrl: e.ADMIN_URL,
    filesDir: path.resolve(e.SWITCHBOARD_FILES_DIR!),
    timerPollMs: e.RUNTIME_TIMER_POLL_MS,
    mediaDownloads: e.RUNTIME_MEDIA_DOWNLOADS,
    downloadPollMs: e.RUNTIME_DOWNLOAD_POLL_MS,
    webhooks: e.RUNTIME_WEBHOOKS,
    webhookPollMs: e.RUNTIME_WEBHOOK_POLL_MS,
    httpAllowPrivate: e.SWITCHBOARD_HTTP_ALLOW_PRIVATE,
    httpCalls: e.RUNTIME_HTTP_CALLS,
    httpPollMs: e.RUNTIME_HTTP_POLL_MS,
    botLogRetentionDays: e.RUNTIME_BOT_LOG_RETENTION_DAYS,
    metricsToken: e.METRICS_TOKEN,
    updateBatching: { maxBatches: e.RUNTIME_UPDATE_BATCHES, maxChats: e.RUNTIME_UPDATE_BATCH_CHATS },
  };
}
