import { type CallbackAnswer, type CoreEnv, receiveFromUser, setBlockedByUser } from "@switchboard/core";
import { processedUpdates, type Tx } from "@switchboard/db";
import { and, eq, sql } from "drizzle-orm";
import type { BotHandle } from "./bot-handle";
import { mapUpdate, type TelegramUpdate } from "./telegram/update-mapping";

export interface HandledUpdate {
  conversationId: string | null;
  callbackAnswers: CallbackAnswer[];
}

async function markProcessed(tx: Tx, botId: string, updateId: number) {
  await tx
    .update(processedUpdates)
    .set({ processedAt: new Date(), attempts: sql`${processedUpdates.attempts} + 1`, error: null })
    .where(and(eq(processedUpdates.botId, botId), eq(processedUpdates.updateId, updateId)));
}

/**
 * One update, inside the chat's lock and one transaction: the Telegram side (mapping the update,
 * the inbox's "processed" mark) is here; everything it does to contacts, conversations, the outbox,
 * leads and timers is the core's (receiveFromUser), and commits with the mark or not at all.
 */
export async function handleUpdate(
  tx: Tx,
  bot: BotHandle,
  update: TelegramUpdate,
  env: CoreEnv,
): Promise<HandledUpdate> {
  const mapped = mapUpdate(update);
  const ref = { id: bot.id, workspaceId: bot.workspaceId };
  let handled: HandledUpdate = { conversationId: null, callbackAnswers: [] };
  switch (mapped.kind) {
    case "ignored":
      break;
    case "membership": {
      const conversation = await setBlockedByUser(tx, ref, mapped);
      handled = { conversationId: conversation.id, callbackAnswers: [] };
      break;
    }
    case "event": {
      const result = await receiveFromUser(tx, ref, { ...mapped, payload: update }, env);
      if (!result.ran && mapped.event)
        bot.log("warn", "no published flow for this bot; message stored, nothing sent", { botId: bot.id });
      handled = { conversationId: result.conversation.id, callbackAnswers: result.callbackAnswers };
      break;
    }
  }
  await markProcessed(tx, bot.id, update.update_id);
  return handled;
}
