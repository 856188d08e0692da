import { redactBotTokens } from "@switchboard/core";

/** One-line structured logs on stdout; the per-bot log a marketer sees lives in bot_logs (bot-log.ts). */
export type Logger = (
  level: "info" | "warn" | "error",
  message: string,
  extra?: Record<string, unknown>,
) => void;

const LEVELS = { info: 0, warn: 1, error: 2, silent: 3 } as const;

/** LOG_LEVEL=info|warn|error|silent (default info); the test suites run at "error". */
function threshold(): number {
  const level = process.env.LOG_LEVEL as keyof typeof LEVELS | undefined;
  return level && level in LEVELS ? LEVELS[level] : LEVELS.info;
}

export function createLogger(scope: string): Logger {
  const min = threshold();
  return (level, message, extra) => {
    if (LEVELS[level] < min) return;
    // Redacted as a whole line: a Telegram client's error text (in `message` or `extra.error`) can
    // carry the bot's token in a request URL.
    const line = redactBotTokens(
      `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${scope}] ${message}${
        extra ? ` ${JSON.stringify(extra)}` : ""
      }`,
    );
    if (level === "error") console.error(line);
    else console.log(line);
  };
}
