import type { Sql } from "postgres";
import { TelegramError } from "telegraf";
import type { BotHandle } from "./bot-handle";
import { storeUpdates } from "./inbox";
import { pollLockKey } from "./locks";
import type { TelegramUpdate } from "./telegram/update-mapping";

/** Sleeps, waking early when the bot stops; the listener is removed either way (no leak per loop). */
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });

export interface PollingOptions {
  sql: Sql;
  timeoutSeconds: number;
  signal: AbortSignal;
  /** Called with the chats that received new updates, after they are stored. */
  onChats: (chatIds: Set<number>) => void;
}

/**
 * Long polling with explicit offsets. Telegram allows one getUpdates consumer per bot, so among
 * several runtime processes only the holder of the bot's advisory lock polls; the others wait and
 * take over within seconds if it dies (its connection, and with it the lock, goes away).
 * The offset only moves past updates once they are stored, so a crash never loses one.
 */
export async function runPolling(bot: BotHandle, opts: PollingOptions): Promise<void> {
  const { signal } = opts;
  while (!signal.aborted) {
    const conn = await opts.sql.reserve();
    try {
      const [row] = await conn`select pg_try_advisory_lock(hashtext(${pollLockKey(bot.id)})) as locked`;
      if (!row?.locked) {
        await sleep(2000, signal);
        continue;
      }
      try {
        bot.log("info", "polling", { botId: bot.id, username: bot.username });
        await bot.telegram.deleteWebhook();
        await pollLoop(bot, opts);
      } finally {
        await conn`select pg_advisory_unlock(hashtext(${pollLockKey(bot.id)}))`.catch(() => {});
      }
    } catch (err) {
      if (signal.aborted) break;
      if (err instanceof TelegramError && err.code === 401) {
        bot.onUnauthorized(`Telegram rejected the token (401 ${err.description}).`);
        return;
      }
      bot.log("warn", "polling stopped; retrying", { botId: bot.id, error: String(err) });
      await sleep(3000, signal);
    } finally {
      conn.release();
    }
  }
}

async function pollLoop(bot: BotHandle, opts: PollingOptions) {
  let offset = 0;
  let failures = 0;
  while (!opts.signal.aborted) {
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
      failures++;
      const retryAfter = err instanceof TelegramError ? err.parameters?.retry_after : undefined;
      bot.log("warn", "getUpdates failed", { botId: bot.id, error: String(err), failures });
      await sleep(retryAfter ? retryAfter * 1000 : Math.min(30_000, 500 * 2 ** failures), opts.signal);
      continue;
    }
    if (updates.length === 0) continue;
    const chats = await storeUpdates(bot.db, bot.id, updates);
    offset = updates[updates.length - 1]!.update_id + 1;
    opts.onChats(chats);
  }
}
