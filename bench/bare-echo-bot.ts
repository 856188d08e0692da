/**
 * The throughput benchmark's reference point (bench/throughput.ts): the least a Telegram bot can do per
 * message — one Telegraf instance per bot, long polling, `ctx.reply("echo: <text>")` — with no database,
 * no engine and no limiter. Run by the benchmark in its own process:
 *   BARE_API_ROOT=http://127.0.0.1:8081 BARE_TOKENS=<token>,<token>… tsx bare-echo-bot.ts
 */
import http from "node:http";
import { Telegraf } from "telegraf";

const apiRoot = process.env.BARE_API_ROOT;
const tokens = (process.env.BARE_TOKENS ?? "").split(",").filter(Boolean);
if (!apiRoot || tokens.length === 0) {
  console.error("bare-echo-bot: set BARE_API_ROOT and BARE_TOKENS (comma-separated bot tokens).");
  process.exit(1);
}

// Kept connections, as Telegraf has against api.telegram.org and as the runtime has against the sandbox
// (apps/runtime telegram/keep-alive.ts): Telegraf drops its agent for an http:// root.
const agent = new http.Agent({ keepAlive: true, keepAliveMsecs: 10_000 });

const bots = tokens.map((token) => {
  const bot = new Telegraf(token, { telegram: { apiRoot } });
  (bot.telegram as unknown as { options: { agent?: http.Agent } }).options.agent = agent;
  bot.on("text", (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
  bot.catch((error) => console.error("bare-echo-bot: handler failed:", error));
  return bot;
});
// launch() settles only when polling stops; the benchmark sees the bots are up by their replies.
for (const bot of bots) void bot.launch({ dropPendingUpdates: false });

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    for (const bot of bots) {
      try {
        bot.stop(signal);
      } catch {
        // Not launched yet (still in getMe): nothing to stop.
      }
    }
    // Telegraf's stop ends the pending long poll; don't wait out its timeout.
    setTimeout(() => process.exit(0), 500).unref();
  });
