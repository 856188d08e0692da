/** One-line structured logs on stdout; the per-bot log a marketer sees lives in bot_logs (bot-log.ts). */
export type Logger = (
  level: "info" | "warn" | "error",
  message: string,
  extra?: Record<string, unknown>,
) => void;

export function createLogger(scope: string): Logger {
  return (level, message, extra) => {
    const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${scope}] ${message}${
      extra ? ` ${JSON.stringify(extra)}` : ""
    }`;
    if (level === "error") console.error(line);
    else console.log(line);
  };
}
