import {
  type CallbackAnswer,
  type CoreEnv,
  type GroupMessage,
  mirrorCustomerMessage,
  type OpenChatRequest,
  type OpenedChat,
  openRequestOf,
  type PendingStepCounts,
  receiveFromOperatorGroup,
  receiveFromUser,
  rereadOpenedChat,
  type SendNow,
  setBlockedByUser,
} from "@switchboard/core";
import type { MessageRow, Tx } from "@switchboard/db";
import type { BotHandle } from "./bot-handle";
import {
  contentOf,
  isServiceMessage,
  type MappedUpdate,
  mapUpdate,
  type TelegramMessage,
  type TelegramUpdate,
} from "./telegram/update-mapping";
import type { TurnContext } from "./update-batcher";

export interface HandledUpdate {
  conversationId: string | null;
  callbackAnswers: CallbackAnswer[];
  /** Replies this update's transaction wrote already claimed for this process: sent right after commit. */
  claimed: MessageRow[];
  /** Its step counts, added to the runtime's buffer after the commit. */
  stepCounts: PendingStepCounts[];
}

/**
 * The chat to open for an update with its batch's other chats (update-batcher.ts): a user's message or
 * button press opens their chat; anything else opens nothing.
 */
export function planOpen(bot: BotHandle, update: TelegramUpdate): OpenChatRequest | null {
  const mapped = mappedOf(update);
  if (mapped.kind !== "event") return null;
  return openRequestOf({ id: bot.id, workspaceId: bot.workspaceId }, { ...mapped, payload: update });
}

/** Updates are mapped when their chat is planned and again when handled: once is enough. */
const mapped = new WeakMap<TelegramUpdate, MappedUpdate>();
function mappedOf(update: TelegramUpdate): MappedUpdate {
  let m = mapped.get(update);
  if (!m) {
    m = mapUpdate(update);
    mapped.set(update, m);
  }
  return m;
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
  batch?: TurnContext,
): Promise<HandledUpdate> {
  const mapped = mappedOf(update);
  const ref = { id: bot.id, workspaceId: bot.workspaceId };
  let handled: HandledUpdate = { conversationId: null, callbackAnswers: [], claimed: [], stepCounts: [] };
  // Anything but a user's message may change rows other chats of the batch read (their contact, their
  // conversation from the operators' group); a message says so itself (reachedBeyondChat).
  if (mapped.kind !== "event") batch?.reachedBeyondChat();
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
      const opened = await openedFor(tx, batch);
      const result = await receiveFromUser(tx, ref, { ...mapped, payload: update, mirror }, env, {
        sendNow,
        ...(opened ? { opened } : {}),
        ...(batch ? { deferred: batch.deferred } : {}),
      });
      if (result.reachedBeyondChat) batch?.reachedBeyondChat();
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

/** The chat the batch opened for this update, read again if an earlier chat of the batch may have changed it. */
async function openedFor(tx: Tx, batch: TurnContext | undefined): Promise<OpenedChat | null> {
  if (!batch?.opened) return null;
  return batch.openedMayBeStale ? rereadOpenedChat(tx, batch.opened) : batch.opened;
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
