/** Starting the two systems under test, each in its own process against the sandbox. */
import path from "node:path";
import { type Child, repoPath, startChild } from "./children";

/** The bare Telegraf echo bot (bench/bare-echo-bot.ts), one Telegraf per token in one process. */
export function startBareBot(options: { sandboxUrl: string; tokens: string[]; logFile: string }): Child {
  return startChild({
    name: "bare echo bot",
    cwd: repoPath("bench"),
    entry: "bare-echo-bot.ts",
    env: { BARE_API_ROOT: options.sandboxUrl, BARE_TOKENS: options.tokens.join(",") },
    logFile: options.logFile,
  });
}

/**
 * The runtime through its real entry point (apps/runtime/src/main.ts, configured by env as in
 * apps/runtime/src/config.ts); it runs every enabled bot in the database. The rest of the caller's
 * environment is passed on, so the lead can set any RUNTIME_* knob for a run.
 */
export function startRuntimeProcess(options: {
  databaseUrl: string;
  sandboxUrl: string;
  secret: string;
  dataDir: string;
  instanceId: string;
  messagesPerSecond: string;
  logFile: string;
}): Child {
  return startChild({
    name: "runtime",
    cwd: repoPath("apps/runtime"),
    entry: "src/main.ts",
    env: {
      DATABASE_URL: options.databaseUrl,
      TELEGRAM_API_ROOT: options.sandboxUrl,
      SWITCHBOARD_SECRET: options.secret,
      SWITCHBOARD_FILES_DIR: path.join(options.dataDir, "files"),
      RUNTIME_PORT: "0",
      RUNTIME_INSTANCE_ID: options.instanceId,
      RUNTIME_BOT_MESSAGES_PER_SECOND: options.messagesPerSecond,
    },
    logFile: options.logFile,
  });
}
