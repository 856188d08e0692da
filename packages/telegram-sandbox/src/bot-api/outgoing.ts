// The last steps of every send, after the request itself was found valid: a closed forum topic
// refuses the message, the flood limits (group, chat, bot) may answer 429, then the message is stored.

import { Errors } from "../errors";
import type { ChatState, NewMessage, StoredMessage } from "../store";
import type { SandboxRateLimit } from "../types";
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
 * A sliding-window count: at most `messages` sends within any `windowSeconds`, else 429 with
 * retry_after = when the oldest counted send leaves the window. Prunes `times` as it goes.
 */
function checkWindow(times: number[], limit: SandboxRateLimit, now: number): void {
  const { messages, windowSeconds } = limit;
  if (messages === null) return;
  const windowMs = windowSeconds * 1000;
  while (times.length > 0 && now - times[0]! >= windowMs) times.shift();
  if (times.length < messages) return;
  const oldest = times[times.length - messages] ?? now;
  throw Errors.tooManyRequests(Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)));
}

/**
 * Telegram's Bots FAQ: "your bot will not be able to send more than 20 messages per minute to the
 * same group" (store.groupRateLimit); "avoid sending more than one message per second" in one chat
 * (store.chatRateLimit, private chats; off by default); "the API will not allow more than 30 messages
 * per second or so" per bot (store.botRateLimit; off by default). Counted per bot over sliding windows.
 */
export function checkFlood(ctx: MethodContext, chat: ChatState, now = Date.now()): void {
  const limit = chat.chat.type === "private" ? ctx.store.chatRateLimit : ctx.store.groupRateLimit;
  checkWindow(chat.sendTimesOf(ctx.bot.id), limit, now);
  checkWindow(ctx.bot.sendTimes, ctx.store.botRateLimit, now);
}

/** Counts a send in the windows checkFlood looks at (only those with a limit, so nothing grows unused). */
function countSend(ctx: MethodContext, chat: ChatState, now: number): void {
  const limit = chat.chat.type === "private" ? ctx.store.chatRateLimit : ctx.store.groupRateLimit;
  if (limit.messages !== null) chat.sendTimesOf(ctx.bot.id).push(now);
  if (ctx.store.botRateLimit.messages !== null) ctx.bot.sendTimes.push(now);
}

/** Stores a message the bot sends (text or media), after the topic and flood checks. */
export function addBotMessage(
  ctx: MethodContext,
  chat: ChatState,
  input: Omit<NewMessage, "fromBot" | "from">,
): StoredMessage {
  checkTopicOpen(ctx, chat, input.threadId);
  const now = Date.now();
  checkFlood(ctx, chat, now);
  const message = chat.add({ fromBot: true, from: ctx.bot.sender, ...input });
  countSend(ctx, chat, now);
  if (chat.supergroup) chat.supergroup.lastBotSenderId = ctx.bot.id;
  ctx.store.botMessageAdded(ctx.bot, chat, message);
  return message;
}
