// Resolves chat_id / message_id parameters to stored state with Telegram's error answers.

import { badRequest, Errors } from "../errors";
import type { ChatState, StoredMessage } from "../store";
import type { MethodContext } from "./context";
import type { MarkupTarget } from "./reply-markup";

/**
 * The chat a method targets. A chat exists once the user wrote to the bot (as in Telegram, a
 * bot cannot start a private conversation); "@username" targets are channels, never known here.
 */
export function requireChat(ctx: MethodContext, options: { allowBlocked?: boolean } = {}): ChatState {
  if (!ctx.params.has("chat_id")) throw badRequest("chat_id is empty");
  const chatId = ctx.params.int("chat_id");
  const chat = chatId === undefined ? undefined : ctx.bot.chats.get(chatId);
  if (!chat) throw Errors.chatNotFound();
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
  if (!message.fromBot) throw badRequest("message can't be edited");
  return message;
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
