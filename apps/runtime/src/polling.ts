import { TelegramError } from "telegraf";
import type { BotHandle } from "./bot-handle";
import type { PollLeadership } from "./poll-leadership";
import { offsetAfter, receiveUpdates } from "./receive-updates";
import { sleep } from "./sleep";
import type { TelegramUpdate } from "./telegram/update-mapping";

export interface PollingOptions {
  leadership: PollLeadership;
  timeoutSeconds: number;
  signal: AbortSignal;
  /** Called with the chats that received new updates, after they are stored. */
  onChats: (chatIds: Set<number>) => void;
}

/** Telegram's answer when another getUpdates (or a webhook) is active for the bot. */
const isConflict = (err: unknown) => err instanceof TelegramError && err.code === 409;

/**
 * Long polling with explicit offsets, by whichever runtime holds the bot's poll lock (see
 * PollLeadership). The offset only moves past updates once they are stored, so a crash never loses one.
 */
export async function runPolling(bot: BotHandle, opts: PollingOptions): Promise<void> {
  const { signal, leadership } = opts;
  while (!signal.aborted) {
    try {
      if (!(await leadership.tryAcquire(bot.id))) {
        await sleep(2000, signal);
        continue;
      }
      try {
        bot.log("info", "polling", { botId: bot.id, username: bot.username });
        await bot.telegram.deleteWebhook();
        await pollLoop(bot, opts);
      } finally {
        await leadership.release(bot.id);
      }
    } catch (err) {
      if (signal.aborted) break;
      if (err instanceof TelegramError && err.code === 401) {
        bot.onUnauthorized(`Telegram rejected the token (401 ${err.description}).`);
        return;
      }
      bot.log("warn", "polling stopped; retrying", { botId: bot.id, error: String(err) });
      await sleep(3000, signal);
    }
  }
}

async function pollLoop(bot: BotHandle, opts: PollingOptions) {
  let offset = 0;
  let failures = 0;
  while (!opts.signal.aborted) {
    if (!(await opts.leadership.holds(bot.id))) {
      bot.log("warn", "lost the poll lock; another runtime may poll now", { botId: bot.id });
      return;
    }
    let updates: TelegramUpdate[];
    try {
      updates = (await bot.telegram.callApi(
        "getUpdates",
        { offset, timeout: opts.timeoutSeconds, limit: 100 },
        // Telegraf types its signal with the abort-controller polyfill; node-fetch accepts the native one.
        { signal: opts.signal as never },
      )) as unknown as TelegramUpdate[];
      failures = 0;
    } catch (err) {
      if (opts.signal.aborted) return;
      if (err instanceof TelegramError && err.code === 401) throw err;
      if (isConflict(err)) {
        // Someone else is consuming this bot's updates: step back rather than fight over them.
        bot.log("warn", "getUpdates conflict (409); stepping back", { botId: bot.id });
        return;
      }
      failures++;
      const retryAfter = err instanceof TelegramError ? err.parameters?.retry_after : undefined;
      bot.log("warn", "getUpdates failed", { botId: bot.id, error: String(err), failures });
      await sleep(retryAfter ? retryAfter * 1000 : Math.min(30_000, 500 * 2 ** failures), opts.signal);
      continue;
    }
    if (updates.length === 0) continue;
    // Stored or set aside, every one (receive-updates.ts): a bad update can't hold the offset back.
    const chats = await receiveUpdates(
      bot.db,
      bot.log,
      bot.id,
      updates.map((update) => ({ update })),
      (botId, ready) => bot.inbox.store(botId, ready),
    );
    offset = offsetAfter(updates, offset);
    opts.onChats(chats);
  }
}
