import {
  type CallbackAnswer,
  type CoreEnv,
  type GroupMessage,
  mirrorCustomerMessage,
  type PendingStepCounts,
  receiveFromOperatorGroup,
  receiveFromUser,
  type SendNow,
  setBlockedByUser,
} from "@switchboard/core";
import type { MessageRow, Tx } from "@switchboard/db";
import type { BotHandle } from "./bot-handle";
import {
  contentOf,
  isServiceMessage,
  mapUpdate,
  type TelegramMessage,
  type TelegramUpdate,
} from "./telegram/update-mapping";

export interface HandledUpdate {
  conversationId: string | null;
  callbackAnswers: CallbackAnswer[];
  /** Replies this update's transaction wrote already claimed for this process: sent right after commit. */
  claimed: MessageRow[];
  /** Its step counts, added to the runtime's buffer after the commit. */
  stepCounts: PendingStepCounts[];
}

/**
 * One update, inside the chat's lock and the transaction that took it from the inbox (takeNextUpdate
 * marked it processed there): the Telegram side (mapping the update) is here; everything it does to contacts, conversations, the outbox,
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
  let handled: HandledUpdate = { conversationId: null, callbackAnswers: [], claimed: [], stepCounts: [] };
  switch (mapped.kind) {
    case "ignored":
      // A file without a caption is not part of the flow, but the operators' group still sees it came.
      if (update.message?.chat.type === "private" && mapped.chatId !== null)
        await mirrorCustomerMessage(tx, ref, mapped.chatId, contentOf(update.message));
      break;
    case "membership": {
      const conversation = await setBlockedByUser(tx, ref, mapped);
      handled = { conversationId: conversation.id, callbackAnswers: [], claimed: [], stepCounts: [] };
      break;
    }
    case "group": {
      const outcome = await receiveFromOperatorGroup(
        tx,
        ref,
        groupMessage(mapped.chatId, mapped.message),
        env,
      );
      if (outcome.kind === "refused")
        bot.log("info", "a message in the operators' group was not sent", {
          botId: bot.id,
          reason: outcome.reason,
        });
      // The customer's outbox is woken by its NOTIFY at commit, in the customer's own chat queue.
      break;
    }
    case "event": {
      const sendNow: SendNow = { claimed: [], events: [], stepCounts: [] };
      const mirror = update.message ? contentOf(update.message) : null;
      const result = await receiveFromUser(tx, ref, { ...mapped, payload: update, mirror }, env, { sendNow });
      if (!result.ran && mapped.event)
        bot.log("warn", "no published flow for this bot; message stored, nothing sent", { botId: bot.id });
      handled = {
        conversationId: result.conversation.id,
        callbackAnswers: result.callbackAnswers,
        claimed: sendNow.claimed,
        stepCounts: sendNow.stepCounts ?? [],
      };
      break;
    }
  }
  return handled;
}

/** A group message in the core's terms. */
function groupMessage(chatId: number, m: TelegramMessage): GroupMessage {
  return {
    chatId,
    messageId: m.message_id,
    threadId: m.is_topic_message && m.message_thread_id ? m.message_thread_id : null,
    from: m.from
      ? {
          id: m.from.id,
          isBot: m.from.is_bot === true,
          firstName: m.from.first_name,
          lastName: m.from.last_name,
          username: m.from.username,
        }
      : null,
    content: contentOf(m),
    service: isServiceMessage(m),
  };
}
