import { redactBotTokens } from "@switchboard/core";
import pino, { type DestinationStream } from "pino";

/**
 * Structured JSON logs on stdout (one object a line: time, level, scope, msg, and botId / chatId /
 * updateId / requestId when the caller knows them); the per-bot log a marketer sees lives in
 * bot_logs (bot-log.ts). Call sites keep this small function type; pino does the formatting.
 */
export type Logger = (
  level: "debug" | "info" | "warn" | "error",
  message: string,
  extra?: Record<string, unknown>,
) => void;

export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** LOG_LEVEL=debug|info|warn|error|silent (default info); the test suites run at "error". */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const level = env.LOG_LEVEL as LogLevel | undefined;
  return level && LOG_LEVELS.includes(level) ? level : "info";
}

/** One pino root per process: every scope is a child, so they share one stdout writer. */
let root: pino.Logger | undefined;

function rootLogger(): pino.Logger {
  root ??= createPino(logLevelFromEnv());
  return root;
}

/**
 * Level names instead of pino's numbers, ISO times, and no pid/hostname (the instance id is in
 * the scope); bot tokens redacted. `destination` is for tests.
 */
export function createPino(level: LogLevel, destination?: DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // Redacted as a whole line: a Telegram client's error text (in the message or any field) can
    // carry the bot's token in a request URL.
    hooks: { streamWrite: redactBotTokens },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** A Logger whose lines carry `scope`; `base` overrides the process-wide pino root (tests). */
export function createLogger(scope: string, base: pino.Logger = rootLogger()): Logger {
  const logger = base.child({ scope });
  return (level, message, extra) => {
    if (extra) logger[level](extra, message);
    else logger[level](message);
  };
}
