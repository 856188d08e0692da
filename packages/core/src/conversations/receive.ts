import { type ConversationRow, conversations } from "@switchboard/db";
import type { InboundEvent } from "@switchboard/flow";
import { eq, sql } from "drizzle-orm";
import { survivorOf, type TelegramUserInfo, upsertTelegramContact } from "../contacts/telegram";
import type { Executor } from "../db";
import { mirrorIntoTopic } from "../forum/mirror";
import type { CustomerContent } from "../forum/text";
import { type InboundMedia, recordInboundMedia } from "../media/inbound";
import type { SendNow } from "../outbox/enqueue";
import { emitRealtimeMany, type RealtimeEvent } from "../realtime/emit";
import { currentAssignee } from "../routing/assign";
import { touchIdleClose } from "../routing/idle-close";
import type { DeferredWrites } from "./deferred-writes";
import { type CoreEnv, type DispatchResult, dispatchEvent } from "./dispatch";
import { openConversation } from "./open";
import { type OpenChatRequest, type OpenedChat, openChat } from "./open-chat";

export interface BotRef {
  id: string;
  workspaceId: string;
}

export interface UserMessage {
  chatId: number;
  from: TelegramUserInfo;
  /**
   * What the flow hears. null: nothing — a file without a caption is kept in the transcript (and
   * downloaded) but the flow has nothing to say about it, whether the bot or an operator has the chat.
   */
  event: InboundEvent | null;
  /** What the transcript shows for the user's side (null: a button press, a file without a caption). */
  text: string | null;
  /** The file the user sent (photo, document, voice, ...): queued for download with the message. */
  media?: InboundMedia | null;
  telegramMessageId: number | null;
  /** The raw update, kept with the message. */
  payload: unknown;
  /**
   * What the operators' forum topic shows of this message while the conversation is with operators
   * (mirrored before the flow hears it, so a /end shows before "the customer ended the conversation").
   */
  mirror?: CustomerContent | null;
}

export interface ReceiveOptions {
  /** The caller sends the outbox right after the commit (see enqueueOutgoing's `sendNow`). */
  sendNow?: SendNow;
  /**
   * The chat as the caller already opened it for this message in this transaction (openChats, with
   * other chats of a batch): the contact, the conversation, the inbound message and the bot's behaviour.
   */
  opened?: OpenedChat;
  /** With sendNow: the dispatch's end-of-dispatch writes are held for the batch's statements (deferred-writes.ts). */
  deferred?: DeferredWrites;
}

/** The chat a user's message opens: its contact, its conversation, the inbound message (openChat, openChats). */
export function openRequestOf(
  bot: BotRef,
  input: Pick<UserMessage, "chatId" | "from" | "telegramMessageId" | "text" | "payload">,
): OpenChatRequest {
  return {
    workspaceId: bot.workspaceId,
    botId: bot.id,
    chatId: input.chatId,
    from: input.from,
    inbound: { telegramMessageId: input.telegramMessageId, text: input.text, payload: input.payload },
  };
}

/**
 * Something a Telegram user did, inside the chat's lock and one transaction: the contact, the
 * conversation, the inbound message (seq 0) with its file's download queued, then the flow
 * (dispatch.ts) with everything it produces — unless the message has nothing for the flow (`event`
 * null). All of it commits together or not at all.
 */
export async function receiveFromUser(
  tx: Executor,
  bot: BotRef,
  input: UserMessage,
  env: CoreEnv,
  options: ReceiveOptions = {},
): Promise<DispatchResult> {
  const opened = options.opened ?? (await openChat(tx, openRequestOf(bot, input)));
  if (opened.conversation.botId !== bot.id || opened.conversation.chatId !== input.chatId)
    throw new Error("receiveFromUser: the opened chat is another chat");
  const { conversation } = opened;
  // A merged contact leads to the one the merge kept (one more read, only then).
  const contact = opened.contact.mergedIntoId ? await survivorOf(tx, opened.contact) : opened.contact;
  const message = { id: opened.messageId };
  if (input.mirror) await mirrorIntoTopic(tx, bot, conversation, input.mirror, contact);
  if (input.media)
    await recordInboundMedia(
      tx,
      { id: message.id, workspaceId: bot.workspaceId, botId: bot.id },
      input.media,
    );
  const received: RealtimeEvent = {
    type: "message",
    conversationId: conversation.id,
    botId: bot.id,
    direction: "in",
  };
  // With sendNow, dispatchEvent emits it with the replies' event and the new state, in one round trip.
  options.sendNow?.events.unshift(received);
  const result: DispatchResult = input.event
    ? await dispatchEvent(tx, { ...conversation, contactId: contact.id }, input.event, env, {
        contact,
        behaviour: opened.behaviour,
        ...(options.sendNow ? { sendNow: options.sendNow } : {}),
        ...(options.deferred ? { deferred: options.deferred } : {}),
      })
    : { conversation, callbackAnswers: [], ran: false, reachedBeyondChat: false };
  if (!result.ran) await touch(tx, conversation);
  // Whatever dispatchEvent did not emit (nothing ran), or the message's event without sendNow.
  await emitRealtimeMany(
    tx,
    bot.workspaceId,
    options.sendNow ? options.sendNow.events.splice(0) : [received],
  );
  // A message in a dialog with an operator restarts the silence before the dialog closes itself.
  if (result.conversation.status === "operator" && (await currentAssignee(tx, conversation.id))) {
    const settings = result.settings ?? opened.behaviour?.settings;
    await touchIdleClose(tx, result.conversation, settings?.operator.closeAfterMinutes ?? 0);
  }
  return result;
}

async function touch(tx: Executor, conversation: ConversationRow) {
  await tx
    .update(conversations)
    .set({ lastMessageAt: sql`now()` })
    .where(eq(conversations.id, conversation.id));
}

/**
 * The user blocked the bot (Telegram's my_chat_member "kicked") or unblocked it. Blocked conversations
 * are silent and broadcasts skip them; unblocking hands the conversation back to the flow.
 */
export async function setBlockedByUser(
  tx: Executor,
  bot: BotRef,
  input: { chatId: number; from: TelegramUserInfo; blocked: boolean },
) {
  const contact = await upsertTelegramContact(tx, bot.workspaceId, input.from);
  const conversation = await openConversation(tx, {
    workspaceId: bot.workspaceId,
    botId: bot.id,
    chatId: input.chatId,
    contactId: contact.id,
  });
  await tx
    .update(conversations)
    .set({ status: input.blocked ? "blocked" : "bot" })
    .where(eq(conversations.id, conversation.id));
  return conversation;
}
