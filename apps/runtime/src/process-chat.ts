import type { BotHandle } from "./bot-handle";
import { deliverClaimed, deliverPending } from "./delivery";
import { errorText } from "./error-text";
import { type HandledUpdate, handleUpdate, planOpen } from "./handle-update";
import { recordFailedAttempt } from "./inbox";
import { metrics } from "./metrics";
import { logSetAside } from "./set-aside";
import type { TelegramUpdate } from "./telegram/update-mapping";

/** Processing attempts before an update that keeps crashing is set aside (logged with its error). */
export const MAX_UPDATE_ATTEMPTS = 5;

/**
 * Processes every stored, unprocessed update of one chat in update_id order, then sends what they
 * produced. Safe to call from several places and processes at once: the chat lock serializes them,
 * and whoever comes second finds nothing left to do.
 */
export async function drainChat(bot: BotHandle, chatId: number): Promise<void> {
  for (let guard = 0; guard < 10_000 && !bot.signal.aborted; guard++) {
    let updateId: number | null = null;
    let more = false;
    let handled: HandledUpdate | null;
    const processed = metrics.processingTimer();
    try {
      handled = await bot.updates.withNextUpdate(
        bot.id,
        chatId,
        async (tx, next, batch) => {
          if (!next) return null;
          updateId = next.updateId;
          more = next.more;
          return handleUpdate(tx, bot, next.payload as TelegramUpdate, bot.core, batch);
        },
        (next) => planOpen(bot, next.payload as TelegramUpdate),
      );
    } catch (err) {
      if (updateId === null) throw err;
      const error = errorText(err);
      metrics.updateFailed();
      bot.log("error", "processing an update failed; will retry", { botId: bot.id, updateId, error });
      const { setAside } = await recordFailedAttempt(bot.db, bot.id, updateId, error, MAX_UPDATE_ATTEMPTS);
      // The chat waits for this update (order); the recovery sweep retries it after its backoff.
      if (!setAside) return;
      // Given up on: the bot's log says so, and the chat goes on with its next update now.
      await logSetAside(bot.db, bot.log, bot.id, updateId, error, "process");
      continue;
    }
    if (!handled) break;
    processed();
    bot.stepCounts.add(handled.stepCounts);
    await answerCallbacks(bot, handled);
    if (handled.claimed.length > 0)
      await deliverClaimed(bot, handled.claimed, handled.conversationId!, chatId);
    else if (handled.conversationId) await deliverPending(bot, handled.conversationId, chatId);
    // Updates stored after our look are drained by the call their arrival scheduled (or the sweep).
    if (!more) break;
  }
}

/** Stops the spinner on a pressed inline button. Best effort: an expired query is harmless. */
async function answerCallbacks(bot: BotHandle, handled: HandledUpdate) {
  for (const a of handled.callbackAnswers) {
    try {
      await bot.telegram.answerCbQuery(a.callbackQueryId, a.text);
    } catch (err) {
      bot.log("warn", "answerCallbackQuery failed", { botId: bot.id, error: String(err) });
    }
  }
}
