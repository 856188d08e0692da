// The last steps of every send, after the request itself was found valid: a closed forum topic
// refuses the message, the group flood limit may answer 429, then the message is stored.

import { Errors } from "../errors";
import type { ChatState, NewMessage, StoredMessage } from "../store";
import type { MethodContext } from "./context";

/**
 * A closed topic takes messages only from administrators with can_manage_topics and from the
 * topic's creator; anyone else gets Telegram's TOPIC_CLOSED (MTProto forumTopic.closed: "no
 * messages can be sent to it"; the exemptions are TDLib's can_send_message_to_forum_topic).
 */
export function checkTopicOpen(ctx: MethodContext, chat: ChatState, threadId: number | undefined): void {
  if (threadId === undefined || !chat.supergroup) return;
  const topic = chat.supergroup.topics.get(threadId);
  if (!topic?.closed) return;
  if (chat.supergroup.botHasRight(ctx.bot.id, "can_manage_topics") || topic.creatorId === ctx.bot.id) return;
  throw Errors.topicClosed();
}

/**
 * Telegram's Bots FAQ: "your bot will not be able to send more than 20 messages per minute to
 * the same group". Counted per bot and group over a sliding window (store.groupRateLimit);
 * private chats are not limited here. retry_after is when the oldest counted message leaves it.
 */
export function checkGroupFlood(ctx: MethodContext, chat: ChatState, now = Date.now()): void {
  if (chat.chat.type === "private") return;
  const { messages, windowSeconds } = ctx.store.groupRateLimit;
  if (messages === null) return;
  const windowMs = windowSeconds * 1000;
  const recent = (chat.sendTimes.get(ctx.bot.id) ?? []).filter((at) => now - at < windowMs);
  chat.sendTimes.set(ctx.bot.id, recent);
  if (recent.length < messages) return;
  const oldest = recent[recent.length - messages] ?? now;
  throw Errors.tooManyRequests(Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)));
}

/** Stores a message the bot sends (text or media), after the topic and flood checks. */
export function addBotMessage(
  ctx: MethodContext,
  chat: ChatState,
  input: Omit<NewMessage, "fromBot" | "from">,
): StoredMessage {
  checkTopicOpen(ctx, chat, input.threadId);
  const now = Date.now();
  checkGroupFlood(ctx, chat, now);
  const message = chat.add({ fromBot: true, from: ctx.bot.sender, ...input });
  if (chat.chat.type !== "private" && ctx.store.groupRateLimit.messages !== null) {
    const times = chat.sendTimes.get(ctx.bot.id) ?? [];
    times.push(now);
    chat.sendTimes.set(ctx.bot.id, times);
  }
  if (chat.supergroup) chat.supergroup.lastBotSenderId = ctx.bot.id;
  ctx.store.botMessageAdded(ctx.bot, chat, message);
  return message;
}
