import { lockChat } from "@switchboard/core";
import type { BotHandle } from "./bot-handle";
import { deliverPending } from "./delivery";
import { type HandledUpdate, handleUpdate } from "./handle-update";
import { nextPendingUpdate, recordFailedAttempt } from "./inbox";
import { metrics } from "./metrics";
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
      handled = await bot.db.transaction(async (tx) => {
        await lockChat(tx, bot.id, chatId);
        const next = await nextPendingUpdate(tx, bot.id, chatId);
        if (!next) return null;
        updateId = next.row.updateId;
        more = next.more;
        return handleUpdate(tx, bot, next.row.payload as TelegramUpdate, bot.core);
      });
    } catch (err) {
      if (updateId === null) throw err;
      metrics.updateFailed();
      bot.log("error", "processing an update failed; will retry", {
        botId: bot.id,
        updateId,
        error: String(err),
      });
      await recordFailedAttempt(bot.db, bot.id, updateId, String(err), MAX_UPDATE_ATTEMPTS);
      // The chat waits for this update (order); the recovery sweep retries it after its backoff.
      return;
    }
    if (!handled) break;
    processed();
    await answerCallbacks(bot, handled);
    if (handled.conversationId) await deliverPending(bot, handled.conversationId, chatId);
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
