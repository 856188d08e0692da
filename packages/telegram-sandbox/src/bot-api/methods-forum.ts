// Forum topics: createForumTopic, editForumTopic, closeForumTopic, reopenForumTopic and
// deleteForumTopic, checked in the order of the Bot API server (chat access) and TDLib's
// ForumTopicManager (is a forum, thread id, rights, name), then the Telegram server's answers
// (TOPIC_ID_INVALID for no such topic, TOPIC_NOT_MODIFIED for a change to nothing new).

import { badRequest, Errors } from "../errors";
import type { ChatState, ServiceContent } from "../store";
import {
  createTopic,
  postServiceMessage,
  type SupergroupInfo,
  TOPIC_ICON_COLORS,
  type TopicState,
} from "../supergroup";
import type { TgForumTopic } from "../types";
import { requireChat } from "./chat-lookup";
import type { MethodContext, MethodHandler } from "./context";
import { cleanTopicName } from "./topic-name";

/** TDLib's is_forum: only a supergroup with topics enabled. */
function requireForum(chat: ChatState): SupergroupInfo {
  if (!chat.supergroup || chat.chat.is_forum !== true) throw Errors.notAForum();
  return chat.supergroup;
}

/** TDLib's can_be_message_thread_id: a positive id (missing or 0 = invalid). */
function requireThreadId(ctx: MethodContext): number {
  const threadId = ctx.params.int("message_thread_id");
  if (threadId === undefined || threadId <= 0) throw Errors.invalidThreadId();
  return threadId;
}

/**
 * Custom emoji icons come from Telegram's sticker set (getForumTopicIconStickers), which the
 * sandbox does not have: refuse them rather than accept an id Telegram might not.
 */
function refuseCustomEmoji(ctx: MethodContext): void {
  if (ctx.params.has("icon_custom_emoji_id"))
    throw badRequest("icon_custom_emoji_id is not supported by the sandbox (it has no topic icon stickers)");
}

/** Administrators with can_manage_topics, or the topic's creator, may rename, close and reopen it. */
function canManage(ctx: MethodContext, info: SupergroupInfo, topic: TopicState): boolean {
  return info.botHasRight(ctx.bot.id, "can_manage_topics") || topic.creatorId === ctx.bot.id;
}

function postTopicEvent(
  ctx: MethodContext,
  chat: ChatState,
  topic: TopicState,
  service: ServiceContent,
): void {
  postServiceMessage(ctx.store, chat, {
    from: ctx.bot.sender,
    fromBot: true,
    service,
    threadId: topic.threadId,
  });
}

const createForumTopic: MethodHandler = (ctx): TgForumTopic => {
  const chat = requireChat(ctx);
  const info = requireForum(chat);
  if (!info.botCanCreateTopics(ctx.bot.id)) throw badRequest("not enough rights to create a topic");
  const name = cleanTopicName(ctx.params.string("name") ?? "");
  if (name === "") throw badRequest("title must be non-empty");
  // The Bot API server passes 0 when icon_color is absent; TDLib refuses only colors outside RGB.
  const color = ctx.params.int("icon_color") ?? 0;
  if (color < 0 || color > 0xffffff) throw badRequest("invalid icon color specified");
  // Sandbox-only: the docs allow six colors; Telegram's answer to another one is not documented.
  if (color !== 0 && !(TOPIC_ICON_COLORS as readonly number[]).includes(color))
    throw badRequest("invalid icon color specified");
  refuseCustomEmoji(ctx);
  const iconColor = color === 0 ? TOPIC_ICON_COLORS[0] : color;
  const topic = createTopic(ctx.store, chat, { from: ctx.bot.sender, fromBot: true }, name, iconColor);
  return { message_thread_id: topic.threadId, name, icon_color: iconColor };
};

const editForumTopic: MethodHandler = (ctx) => {
  const chat = requireChat(ctx);
  const info = requireForum(chat);
  const threadId = requireThreadId(ctx);
  const topic = info.topics.get(threadId);
  if (topic && !canManage(ctx, info, topic)) throw badRequest("not enough rights to edit the topic");
  const raw = ctx.params.string("name") ?? "";
  const name = cleanTopicName(raw);
  if (raw !== "" && name === "") throw badRequest("title must be non-empty");
  refuseCustomEmoji(ctx);
  // Neither a name nor an icon: TDLib answers true without asking Telegram.
  if (raw === "") return true;
  if (!topic) throw Errors.topicIdInvalid();
  if (name === topic.name) throw Errors.topicNotModified();
  topic.name = name;
  postTopicEvent(ctx, chat, topic, { forum_topic_edited: { name } });
  return true;
};

function toggleClosed(closed: boolean): MethodHandler {
  return (ctx) => {
    const chat = requireChat(ctx);
    const info = requireForum(chat);
    const threadId = requireThreadId(ctx);
    const topic = info.topics.get(threadId);
    if (topic && !canManage(ctx, info, topic))
      throw badRequest("not enough rights to close or open the topic");
    if (!topic) throw Errors.topicIdInvalid();
    if (topic.closed === closed) throw Errors.topicNotModified();
    topic.closed = closed;
    postTopicEvent(ctx, chat, topic, closed ? { forum_topic_closed: {} } : { forum_topic_reopened: {} });
    return true;
  };
}

const deleteForumTopic: MethodHandler = (ctx) => {
  const chat = requireChat(ctx);
  const info = requireForum(chat);
  const threadId = requireThreadId(ctx);
  const topic = info.topics.get(threadId);
  if (topic && !info.botHasRight(ctx.bot.id, "can_delete_messages") && topic.creatorId !== ctx.bot.id)
    throw badRequest("not enough rights to delete the topic");
  if (!topic) throw Errors.topicIdInvalid();
  // The topic goes with all its messages, the creation message included; no update is sent.
  for (const message of chat.list()) if (message.threadId === threadId) message.deleted = true;
  info.topics.delete(threadId);
  return true;
};

export const forumMethods: Record<string, MethodHandler> = {
  createForumTopic,
  editForumTopic,
  closeForumTopic: toggleClosed(true),
  reopenForumTopic: toggleClosed(false),
  deleteForumTopic,
};
