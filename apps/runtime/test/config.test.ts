import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { EnvError } from "@switchboard/core";
import { describe, expect, it } from "vitest";
import { configFromEnv } from "../src/config";

const DB = "postgres://u:p@localhost:5432/switchboard";

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    configFromEnv(env);
  } catch (err) {
    if (err instanceof EnvError) return err.problems;
    throw err;
  }
  throw new Error("expected an EnvError");
}

describe("runtime configuration from the environment", () => {
  it("fills the defaults from DATABASE_URL alone", () => {
    const config = configFromEnv({ DATABASE_URL: DB });
    expect(config).toMatchObject({
      databaseUrl: DB,
      apiRoot: "https://api.telegram.org",
      webhookBaseUrl: null,
      port: 3001,
      reloadIntervalMs: 5000,
      pollTimeoutSeconds: 25,
      // No override: each bot's own setting applies (default 30/s); a private chat gets 1/s after 3.
      messagesPerSecond: null,
      chatMessagesPerSecond: 1,
      chatBurst: 3,
      botLogRetentionDays: 30,
      adminBaseUrl: "http://localhost:3000",
      mediaDownloads: true,
      webhooks: true,
      httpAllowPrivate: false,
      httpCalls: true,
      metricsToken: null,
      updateBatching: { maxBatches: Math.max(2, availableParallelism()), maxChats: 32 },
    });
  });

  it("reads the variables, trimming URLs' trailing slashes and accepting port 0", () => {
    const config = configFromEnv({
      DATABASE_URL: DB,
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      WEBHOOK_BASE_URL: "https://bots.example.com//",
      RUNTIME_PORT: "0",
      RUNTIME_MEDIA_DOWNLOADS: "0",
      SWITCHBOARD_HTTP_ALLOW_PRIVATE: "true",
      RUNTIME_INSTANCE_ID: "rt-1",
      RUNTIME_UPDATE_BATCHES: "12",
      RUNTIME_UPDATE_BATCH_CHATS: "8",
    });
    expect(config).toMatchObject({
      updateBatching: { maxBatches: 12, maxChats: 8 },
      apiRoot: "http://127.0.0.1:8081",
      webhookBaseUrl: "https://bots.example.com",
      port: 0,
      mediaDownloads: false,
      httpAllowPrivate: true,
      instanceId: "rt-1",
    });
  });

  it("lists every problem at once, each a sentence naming the variable and the value", () => {
    const problems = problemsOf({
      RUNTIME_PORT: "abc",
      TELEGRAM_API_ROOT: "api.telegram.org",
      RUNTIME_WEBHOOKS: "maybe",
      RUNTIME_RELOAD_MS: "1.5",
      LOG_LEVEL: "loud",
      METRICS_TOKEN: "short",
    });
    expect(problems).toEqual([
      "DATABASE_URL is not set (a postgres:// URL).",
      "TELEGRAM_API_ROOT must be an http(s) URL like https://example.com, got 'api.telegram.org'.",
      "RUNTIME_PORT must be a port number (1-65535, or 0 to not listen), got 'abc'.",
      "RUNTIME_RELOAD_MS must be a whole number ≥ 100, got '1.5'.",
      "RUNTIME_WEBHOOKS must be 1 or 0 (true or false), got 'maybe'.",
      "METRICS_TOKEN must be at least 16 characters long, it has 5.",
      "LOG_LEVEL must be one of debug, info, warn, error, silent, got 'loud'.",
    ]);
  });

  it("hides the password of a malformed database URL and rejects an out-of-range port", () => {
    expect(problemsOf({ DATABASE_URL: "mysql://root:hunter2@db/x", RUNTIME_PORT: "70000" })).toEqual([
      "DATABASE_URL must be a postgres:// or postgresql:// URL, got 'mysql://root:***@db/x'.",
      "RUNTIME_PORT must be a port number (1-65535, or 0 to not listen), got '70000'.",
    ]);
  });

  it("says it all in one message", () => {
    expect(() => configFromEnv({ RUNTIME_PORT: "abc" })).toThrow(
      /cannot start[\s\S]*- DATABASE_URL is not set[\s\S]*- RUNTIME_PORT must be a port number/,
    );
  });
});

describe("the runtime process", () => {
  it("prints every problem and exits 1 before touching the database", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      env: { PATH: process.env.PATH, RUNTIME_PORT: "abc", LOG_LEVEL: "error" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("- DATABASE_URL is not set (a postgres:// URL).");
    expect(run.stderr).toContain(
      "- RUNTIME_PORT must be a port number (1-65535, or 0 to not listen), got 'abc'.",
    );
  });
});
