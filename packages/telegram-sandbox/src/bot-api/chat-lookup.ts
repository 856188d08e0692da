// Resolves chat_id / message_id parameters to stored state with Telegram's error answers.

import { badRequest, Errors } from "../errors";
import type { ChatState, StoredMessage } from "../store";
import type { MethodContext } from "./context";
import type { MarkupTarget } from "./reply-markup";

/**
 * The chat a method targets. A chat exists once the user wrote to the bot (as in Telegram, a
 * bot cannot start a private conversation); "@username" targets are channels, never known here.
 * A supergroup answers as the Bot API server's check_chat_access does for a private supergroup:
 * "chat not found" to a bot that was never in it, 403 to one that left or was banned.
 */
export function requireChat(ctx: MethodContext, options: { allowBlocked?: boolean } = {}): ChatState {
  if (!ctx.params.has("chat_id")) throw badRequest("chat_id is empty");
  const chatId = ctx.params.int("chat_id");
  const chat = chatId === undefined ? undefined : ctx.store.chatFor(ctx.bot, chatId);
  if (!chat) throw Errors.chatNotFound();
  if (chat.supergroup) {
    const status = chat.supergroup.botStatus(ctx.bot.id);
    if (status === undefined) throw Errors.chatNotFound();
    if (status === "kicked") throw Errors.botKicked();
    if (status === "left") throw Errors.botNotMember();
  }
  if (chat.blocked && !options.allowBlocked) throw Errors.blocked();
  return chat;
}

/** The message an edit targets: must exist and be the bot's own. */
export function requireEditable(ctx: MethodContext, chat: ChatState): StoredMessage {
  if (ctx.params.has("inline_message_id")) throw badRequest("MESSAGE_ID_INVALID");
  const messageId = ctx.params.int("message_id");
  if (messageId === undefined) throw badRequest("message identifier is not specified");
  const message = chat.get(messageId);
  if (!message) throw Errors.messageToEditNotFound();
  // In a group the message may be another bot's; service messages are never editable.
  if (!message.fromBot || message.from.id !== ctx.bot.id || message.service)
    throw badRequest("message can't be edited");
  return message;
}

/**
 * message_thread_id of a send: the forum topic the message goes to. As in the Bot API server
 * (TdOnCheckMessageThreadCallback), the id must be a message that starts its own thread, else
 * "message thread not found" (also in private chats, basic groups and for the General topic's 1).
 * Without message_thread_id, a reply to a topic message lands in that topic. 0 or less = absent.
 */
export function messageThread(
  ctx: MethodContext,
  chat: ChatState,
  replyToMessageId: number | undefined,
): number | undefined {
  const raw = ctx.params.int("message_thread_id");
  if (raw !== undefined && raw > 0) {
    const root = chat.get(raw);
    if (!root || root.threadId !== raw) throw Errors.messageThreadNotFound();
    return raw;
  }
  return replyToMessageId === undefined ? undefined : chat.get(replyToMessageId)?.threadId;
}

/** reply_parameters (or legacy reply_to_message_id) resolved to a message id in this chat. */
export function replyTarget(ctx: MethodContext, chat: ChatState): number | undefined {
  const parsed = ctx.params.json("reply_parameters", "can't parse reply parameters JSON object");
  const replyParams = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : undefined;
  const raw = replyParams?.message_id ?? ctx.params.int("reply_to_message_id");
  if (raw === undefined || raw === null) return undefined;
  const messageId = Number(raw);
  const allowMissing =
    replyParams?.allow_sending_without_reply === true ||
    ctx.params.bool("allow_sending_without_reply") === true;
  if (chat.get(messageId)) return messageId;
  if (allowMissing) return undefined;
  throw badRequest("message to be replied not found");
}

/** What reply_markup validation needs to know about where a message goes and who sends it. */
export function markupTarget(ctx: MethodContext, chat: ChatState): MarkupTarget {
  return {
    chatType: chat.chat.type,
    linkedDomain: (botUsername) => {
      const bot = botUsername === undefined ? ctx.bot : ctx.store.botByUsername(botUsername);
      // A bot the sandbox does not know has, as far as it can tell, no linked domain.
      return bot?.linkedDomain ?? null;
    },
  };
}
