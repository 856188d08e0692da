// Text messages, edits, deletion, chat actions and callback query answers.

import { badRequest, Errors } from "../errors";
import { type ChatState, nowSeconds, toTgMessage } from "../store";
import type { ReplyMarkup } from "../types";
import { markupTarget, messageThread, replyTarget, requireChat, requireEditable } from "./chat-lookup";
import type { MethodContext, MethodHandler } from "./context";
import { formatText, requireMessageText } from "./formatted-text";
import { addBotMessage } from "./outgoing";
import { parseReplyMarkup, stableJson } from "./reply-markup";

/** How long a callback query can be answered. Telegram does not document it; tests can age queries via state. */
export const CALLBACK_QUERY_TTL_MS = 60_000;

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

/** Tracks the reply keyboard the user currently sees; tapReplyButton validates against it. */
export function applyKeyboard(chat: ChatState, markup: ReplyMarkup | undefined): void {
  if (!markup) return;
  if ("keyboard" in markup) chat.replyKeyboard = markup;
  else if ("remove_keyboard" in markup) chat.replyKeyboard = null;
}

const sendMessage: MethodHandler = (ctx) => {
  const chat = requireChat(ctx);
  const { text, entities } = requireMessageText(ctx.params);
  const replyMarkup = parseReplyMarkup(ctx.params, markupTarget(ctx, chat));
  const replyToMessageId = replyTarget(ctx, chat);
  const threadId = messageThread(ctx, chat, replyToMessageId);
  const linkPreviewOptions = ctx.params.json("link_preview_options", "can't parse link preview options");
  const message = addBotMessage(ctx, chat, {
    text,
    entities,
    ...(replyMarkup ? { replyMarkup } : {}),
    ...(replyToMessageId !== undefined ? { replyToMessageId } : {}),
    ...(threadId !== undefined ? { threadId } : {}),
    ...(linkPreviewOptions !== undefined ? { linkPreviewOptions } : {}),
  });
  applyKeyboard(chat, replyMarkup);
  return toTgMessage(chat, message);
};

const editMessageText: MethodHandler = (ctx) => {
  const chat = requireChat(ctx);
  const message = requireEditable(ctx, chat);
  if (message.text === undefined) throw badRequest("there is no text in the message to edit");
  const { text, entities } = requireMessageText(ctx.params);
  // Omitting reply_markup on an edit removes the inline keyboard, as in Telegram.
  const replyMarkup = parseReplyMarkup(ctx.params, markupTarget(ctx, chat), { inlineOnly: true });
  const unchanged =
    text === message.text &&
    stableJson(entities) === stableJson(message.entities ?? []) &&
    stableJson(replyMarkup) === stableJson(message.replyMarkup);
  if (unchanged) throw Errors.messageNotModified();
  message.text = text;
  message.entities = entities;
  message.replyMarkup = replyMarkup;
  message.editDate = nowSeconds();
  return toTgMessage(chat, message);
};

const editMessageCaption: MethodHandler = (ctx) => {
  const chat = requireChat(ctx);
  const message = requireEditable(ctx, chat);
  if (!message.media) throw badRequest("there is no caption in the message to edit");
  const formatted = formatText(ctx.params, "caption") ?? { text: "", entities: [] };
  if (formatted.text.length > 1024) throw Errors.captionTooLong();
  const replyMarkup = parseReplyMarkup(ctx.params, markupTarget(ctx, chat), { inlineOnly: true });
  const unchanged =
    formatted.text === (message.caption ?? "") &&
    stableJson(formatted.entities) === stableJson(message.captionEntities ?? []) &&
    stableJson(replyMarkup) === stableJson(message.replyMarkup);
  if (unchanged) throw Errors.messageNotModified();
  message.caption = formatted.text === "" ? undefined : formatted.text;
  message.captionEntities = formatted.entities;
  message.replyMarkup = replyMarkup;
  message.editDate = nowSeconds();
  return toTgMessage(chat, message);
};

const editMessageReplyMarkup: MethodHandler = (ctx) => {
  const chat = requireChat(ctx);
  const message = requireEditable(ctx, chat);
  const replyMarkup = parseReplyMarkup(ctx.params, markupTarget(ctx, chat), { inlineOnly: true });
  if (stableJson(replyMarkup) === stableJson(message.replyMarkup)) throw Errors.messageNotModified();
  message.replyMarkup = replyMarkup;
  message.editDate = nowSeconds();
  return toTgMessage(chat, message);
};

const deleteMessage: MethodHandler = (ctx) => {
  const chat = requireChat(ctx);
  const messageId = ctx.params.int("message_id");
  if (messageId === undefined) throw badRequest("message identifier is not specified");
  // Bots may delete their own and, in private chats, the user's messages; in a supergroup
  // others' messages need can_delete_messages (MESSAGE_DELETE_FORBIDDEN otherwise).
  const message = chat.get(messageId);
  if (!message) throw Errors.messageToDeleteNotFound();
  const own = message.fromBot && message.from.id === ctx.bot.id;
  if (chat.supergroup && !own && !chat.supergroup.botHasRight(ctx.bot.id, "can_delete_messages"))
    throw Errors.messageCantBeDeleted();
  message.deleted = true;
  return true;
};

const sendChatAction: MethodHandler = (ctx) => {
  const chat = requireChat(ctx);
  const action = ctx.params.string("action") ?? "";
  if (!CHAT_ACTIONS.has(action)) throw badRequest("wrong parameter action in request");
  chat.lastChatAction = { action, at: Date.now() };
  return true;
};

const answerCallbackQuery: MethodHandler = (ctx: MethodContext) => {
  const id = ctx.params.string("callback_query_id") ?? "";
  const query = ctx.bot.callbackQueries.get(id);
  if (!query || query.answer || Date.now() - query.createdAt > CALLBACK_QUERY_TTL_MS)
    throw Errors.queryTooOld();
  const text = ctx.params.string("text");
  const url = ctx.params.string("url");
  const showAlert = ctx.params.bool("show_alert");
  query.answer = {
    ...(text !== undefined ? { text } : {}),
    ...(showAlert !== undefined ? { show_alert: showAlert } : {}),
    ...(url !== undefined ? { url } : {}),
  };
  return true;
};

export const messageMethods: Record<string, MethodHandler> = {
  sendMessage,
  editMessageText,
  editMessageCaption,
  editMessageReplyMarkup,
  deleteMessage,
  sendChatAction,
  answerCallbackQuery,
};
