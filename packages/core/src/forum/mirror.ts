import {
  bots,
  type ContactRow,
  type ConversationRow,
  contacts,
  conversations,
  forumTopics,
  type MessageRow,
  messages,
  user,
} from "@switchboard/db";
import type { CompiledFlow, InboundEvent } from "@switchboard/flow";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { type BotSettings, operatorGroupOf, parseBotSettings } from "../bot-settings";
import type { Executor } from "../db";
import { conversationLiveFlow } from "../flows/live-flow";
import { callText, type OutboundCall } from "../outbox/telegram-calls";
import { enqueueTopicText, topicOutboxIdle } from "./outbox";
import {
  type CustomerContent,
  contentFormatted,
  contentText,
  customerLine,
  eventLine,
  inboxReplyLine,
  personName,
  SUMMARY_RECENT,
  summaryText,
} from "./text";

/*
 * What the operators' group is told, written in the transaction of what happened: a conversation
 * reaching operators opens (or reopens) the customer's topic with a summary; the customer's messages
 * and the web inbox's replies are mirrored while the conversation is with operators; taking, closing
 * and returning it leave a line. Nothing here talks to Telegram: the runtime's topic delivery does.
 */

/**
 * A message the group wrote to a customer carries who wrote it in its outbox payload (next to the Bot
 * API call, which is all the runtime sends), so it is not mirrored back and the inbox can show the name.
 */
export interface ForumAuthor {
  telegramUserId: number;
  name: string;
}

export function forumAuthorOf(payload: unknown): ForumAuthor | null {
  const forum = (payload as { forum?: Partial<ForumAuthor> } | null)?.forum;
  return forum && typeof forum.telegramUserId === "number" && typeof forum.name === "string"
    ? { telegramUserId: forum.telegramUserId, name: forum.name }
    : null;
}

/**
 * Called by dispatchEvent (the one place a conversation's status changes) after every event, in its
 * transaction: nothing to do unless the bot has an operators' group and the event moved the conversation
 * to, within or away from the operators.
 */
export async function forumAfterDispatch(
  tx: Executor,
  settings: BotSettings,
  flow: CompiledFlow,
  before: ConversationRow,
  after: ConversationRow,
  event: InboundEvent,
): Promise<void> {
  const groupChatId = operatorGroupOf(settings);
  if (groupChatId === null) return;
  const was = before.status === "operator";
  const is = after.status === "operator";
  if (!was && !is) return;
  const target = { botId: after.botId, groupChatId, contactId: after.contactId, conversationId: after.id };
  if (!was && is) {
    await enqueueTopicText(tx, target, await summaryOf(tx, after, groupChatId, flow));
    return;
  }
  if (was && is) {
    if (event.type === "operator_joined")
      await enqueueTopicText(
        tx,
        target,
        eventLine(`${event.operatorName || "An operator"} took the conversation.`),
      );
    return;
  }
  await enqueueTopicText(tx, target, eventLine(endedText(event, after.status)));
}

function endedText(event: InboundEvent, status: ConversationRow["status"]): string {
  switch (event.type) {
    case "operator_closed":
      return event.reason === "idle"
        ? "The conversation closed itself after the bot's dialog close time of silence."
        : "The conversation was closed.";
    case "operator_returned":
      return "The conversation went back to the bot.";
    case "text":
      return status === "closed"
        ? "The customer ended the conversation."
        : "The conversation left the operators.";
    case "timer":
      return "Nobody took the conversation in time: it went back to the bot.";
    default:
      return status === "closed" ? "The conversation was closed." : "The conversation went back to the bot.";
  }
}

/**
 * The summary first when the customer has no topic in the group and none is on its way: the group was
 * switched on while the conversation was already with operators, or the topic was deleted there.
 */
async function openTopicIfNeeded(tx: Executor, conversationId: string, groupChatId: number) {
  const [conversation] = await tx.select().from(conversations).where(eq(conversations.id, conversationId));
  if (!conversation) return;
  const key = { botId: conversation.botId, groupChatId, contactId: conversation.contactId };
  if (!(await topicOutboxIdle(tx, key))) return;
  const flow = (await conversationLiveFlow(tx, conversation))?.flow ?? null;
  await enqueueTopicText(
    tx,
    { ...key, conversationId },
    await summaryOf(tx, conversation, groupChatId, flow),
  );
}

async function summaryOf(
  tx: Executor,
  conversation: ConversationRow,
  groupChatId: number,
  flow: CompiledFlow | null,
) {
  const [contact] = await tx.select().from(contacts).where(eq(contacts.id, conversation.contactId));
  const [bot] = await tx
    .select({ username: bots.username })
    .from(bots)
    .where(eq(bots.id, conversation.botId));
  const [known] = await tx
    .select({ groupChatId: forumTopics.groupChatId })
    .from(forumTopics)
    .where(and(eq(forumTopics.botId, conversation.botId), eq(forumTopics.contactId, conversation.contactId)));
  const recent = await tx
    .select({ text: messages.text })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversation.id),
        eq(messages.direction, "in"),
        isNotNull(messages.text),
      ),
    )
    .orderBy(desc(messages.createdAt))
    .limit(SUMMARY_RECENT);
  const stepId = conversation.currentStepId;
  const step = stepId ? flow?.steps[stepId] : undefined;
  return summaryText({
    customer: customerOf(contact),
    botUsername: bot?.username ?? "",
    step: stepId ? { id: stepId, title: step?.title ?? "" } : null,
    recent: recent.map((r) => r.text ?? "").reverse(),
    again: known?.groupChatId === groupChatId,
  });
}

const customerOf = (c: ContactRow | undefined) => ({
  firstName: c?.firstName ?? "",
  lastName: c?.lastName ?? null,
  username: c?.username ?? null,
  telegramUserId: c?.telegramUserId ?? null,
  phone: c?.phone ?? null,
});

/**
 * A customer's message while their conversation is with operators, into their topic: "Ann: Hello",
 * "Ann: [photo] caption". Called by the runtime in the update's transaction, under the chat's lock,
 * before the core processes the message (so a /end shows before "the customer ended it"). Returns
 * whether a line was queued.
 */
export async function mirrorCustomerMessage(
  tx: Executor,
  bot: { id: string },
  chatId: number,
  content: CustomerContent,
): Promise<boolean> {
  if (contentText(content) === null) return false;
  const [conversation] = await tx
    .select({ id: conversations.id, status: conversations.status, contactId: conversations.contactId })
    .from(conversations)
    .where(and(eq(conversations.botId, bot.id), eq(conversations.chatId, chatId)));
  return conversation ? mirrorIntoTopic(tx, bot, conversation, content) : false;
}

/**
 * The same for a conversation the caller already read (receiveFromUser): costs nothing unless the
 * conversation is with operators.
 */
export async function mirrorIntoTopic(
  tx: Executor,
  bot: { id: string },
  conversation: { id: string; status: ConversationRow["status"]; contactId: string },
  content: CustomerContent,
  knownContact?: ContactRow,
): Promise<boolean> {
  const text = contentFormatted(content);
  if (text === null || conversation.status !== "operator") return false;
  const [row] = await tx.select({ settings: bots.settings }).from(bots).where(eq(bots.id, bot.id));
  const groupChatId = row ? operatorGroupOf(parseBotSettings(row.settings)) : null;
  if (groupChatId === null) return false;
  await openTopicIfNeeded(tx, conversation.id, groupChatId);
  const contact =
    knownContact?.id === conversation.contactId
      ? knownContact
      : (await tx.select().from(contacts).where(eq(contacts.id, conversation.contactId)))[0];
  await enqueueTopicText(
    tx,
    { botId: bot.id, groupChatId, contactId: conversation.contactId, conversationId: conversation.id },
    customerLine(personName(customerOf(contact)), text),
  );
  return true;
}

/**
 * An operator's reply from the web inbox, mirrored once Telegram took it: "Oscar (inbox): …". Called by
 * the runtime's delivery in the transaction that records the message as sent. Replies written in the
 * group itself (they carry a ForumAuthor) and the bot's own messages are not mirrored.
 */
export async function mirrorDeliveredReply(tx: Executor, botId: string, msg: MessageRow): Promise<boolean> {
  if (!msg.senderUserId || msg.direction !== "out" || forumAuthorOf(msg.payload)) return false;
  const [row] = await tx
    .select({ settings: bots.settings, contactId: conversations.contactId })
    .from(conversations)
    .innerJoin(bots, eq(bots.id, conversations.botId))
    .where(and(eq(conversations.id, msg.conversationId), eq(conversations.botId, botId)));
  if (!row) return false;
  const groupChatId = operatorGroupOf(parseBotSettings(row.settings));
  if (groupChatId === null) return false;
  const [sender] = await tx.select({ name: user.name }).from(user).where(eq(user.id, msg.senderUserId));
  const call = msg.payload as OutboundCall;
  const sent = callText(call);
  const text = contentFormatted({
    text: msg.text ?? sent,
    media: call.method === "sendMessage" ? null : (call.media?.kind ?? "file"),
    // The call's formatting, when the row's text is the call's (offsets are into that text).
    entities:
      (msg.text ?? sent) === sent
        ? call.method === "sendMessage"
          ? call.params.entities
          : call.params.caption_entities
        : null,
  });
  if (text === null) return false;
  await openTopicIfNeeded(tx, msg.conversationId, groupChatId);
  await enqueueTopicText(
    tx,
    { botId, groupChatId, contactId: row.contactId, conversationId: msg.conversationId },
    inboxReplyLine(sender?.name ?? "", text),
  );
  return true;
}
