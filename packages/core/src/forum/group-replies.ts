import {
  bots,
  contacts,
  conversationNotes,
  conversations,
  memberships,
  operatorQueue,
  user,
} from "@switchboard/db";
import { and, desc, eq, sql } from "drizzle-orm";
import { operatorGroupOf, parseBotSettings } from "../bot-settings";
import { survivorOf } from "../contacts/telegram";
import { type CoreEnv, dispatchEvent } from "../conversations/dispatch";
import { lockConversation } from "../conversations/open";
import type { BotRef } from "../conversations/receive";
import type { Executor } from "../db";
import { isDomainError } from "../errors";
import { lockRouting } from "../locks";
import { enqueueOutgoing } from "../outbox/enqueue";
import { messageCalls, type OutboundCall } from "../outbox/telegram-calls";
import { emitRealtime } from "../realtime/emit";
import { assertCanTakeMore, assignConversation, currentAssignee } from "../routing/assign";
import { touchIdleClose } from "../routing/idle-close";
import type { ForumAuthor } from "./mirror";
import { enqueueTopicText, topicByThread } from "./outbox";
import { type CustomerContent, eventLine, personName } from "./text";

const NOT_WITH_OPERATORS: Record<"bot" | "closed" | "blocked", string> = {
  bot: "the conversation is not with operators now (the customer is talking to the bot)",
  closed: "the conversation is closed; the customer reaches you again when the bot routes them",
  blocked: "the customer blocked the bot",
};

/** A message in the operators' supergroup, as the runtime read it from Telegram's update. */
export interface GroupMessage {
  chatId: number;
  messageId: number;
  /** The forum topic it was written in; null in the General topic (or a group without topics). */
  threadId: number | null;
  from: {
    id: number;
    isBot: boolean;
    firstName: string;
    lastName?: string | undefined;
    username?: string | undefined;
  } | null;
  content: CustomerContent;
  /** A service message (topic created, member joined…): never an answer. */
  service: boolean;
}

export type GroupOutcome =
  /** Not for us: another group, a bot, the General topic, a topic that is no customer's… */
  | { kind: "ignored"; reason: string }
  /** Queued in the customer's outbox; `taken`: the conversation was assigned to the writer first. */
  | { kind: "answered"; conversationId: string; chatId: number; taken: boolean }
  | { kind: "closed"; conversationId: string; chatId: number }
  /** Nothing reached the customer; the topic was told why. */
  | { kind: "refused"; reason: string };

/**
 * "/close", "/close@this_bot" → { command: "close" }; a command addressed to another bot → "other";
 * anything that is not a command → null.
 */
export function parseTopicCommand(text: string, botUsername: string): { command: string } | "other" | null {
  const m = /^\/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(?:\s|$)/.exec(text.trim());
  if (!m) return null;
  if (m[2] && m[2].toLowerCase() !== botUsername.toLowerCase()) return "other";
  return { command: m[1]!.toLowerCase() };
}

/** "Oscar Smith (@oscar)": how the group's people are named in the transcript and in notes. */
export function telegramName(from: NonNullable<GroupMessage["from"]>): string {
  const name = personName({
    firstName: from.firstName,
    lastName: from.lastName ?? null,
    username: from.username ?? null,
    telegramUserId: from.id,
  });
  return from.username && !name.startsWith("@") ? `${name} (@${from.username})` : name;
}

/**
 * A message written in the bot's operators' group, inside the update's transaction (the runtime holds
 * the group's chat lock). In a customer's topic, from a person:
 * - text goes to the customer as an operator's reply: a normal outbound message of the conversation in
 *   its outbox, from the workspace member linked to that Telegram account (null when none, with the
 *   Telegram name in the payload and a note on the conversation). A waiting conversation is taken by that
 *   member first, when they are in the bot's pool and below its maximum; otherwise it is answered and
 *   stays waiting.
 * - "/close" closes the conversation as the inbox's Close does (the "completed" text to the customer).
 * Whatever can't be done is explained in the topic. Everything else (the General topic, bots, service
 * messages, other groups, topics that are no customer's) is ignored.
 */
export async function receiveFromOperatorGroup(
  tx: Executor,
  bot: BotRef,
  msg: GroupMessage,
  env: CoreEnv,
): Promise<GroupOutcome> {
  const [botRow] = await tx
    .select({ username: bots.username, settings: bots.settings })
    .from(bots)
    .where(eq(bots.id, bot.id));
  if (!botRow) return { kind: "ignored", reason: "unknown bot" };
  const settings = parseBotSettings(botRow.settings);
  if (operatorGroupOf(settings) !== msg.chatId)
    return { kind: "ignored", reason: "not the bot's operators' group" };
  if (!msg.from || msg.from.isBot) return { kind: "ignored", reason: "not from a person" };
  if (msg.service) return { kind: "ignored", reason: "a service message" };
  if (msg.threadId === null) return { kind: "ignored", reason: "the General topic" };
  const topic = await topicByThread(tx, bot.id, msg.chatId, msg.threadId);
  if (!topic) return { kind: "ignored", reason: "not a customer's topic" };

  const text = msg.content.text?.trim() ? msg.content.text : null;
  const command = text && !msg.content.media ? parseTopicCommand(text, botRow.username) : null;
  if (command === "other") return { kind: "ignored", reason: "a command for another bot" };

  const found = await conversationOfTopic(tx, bot.id, topic.contactId);
  const target = {
    botId: bot.id,
    groupChatId: msg.chatId,
    contactId: topic.contactId,
    conversationId: found?.id ?? null,
  };
  const refuse = async (reason: string) => {
    await enqueueTopicText(tx, target, eventLine(reason));
    return { kind: "refused" as const, reason };
  };
  if (command && command.command !== "close")
    return refuse(
      `Unknown command /${command.command}. Write a message to answer; /close ends the conversation.`,
    );
  if (!found) return refuse("Not sent: this customer has no conversation with the bot.");

  // The order every assignment change takes its locks in: the workspace's routing lock, then the chat's.
  await lockRouting(tx, bot.workspaceId);
  const conversation = await lockConversation(tx, found.id, bot.workspaceId);
  if (conversation.status !== "operator") {
    const why = NOT_WITH_OPERATORS[conversation.status];
    return refuse(command ? `Nothing to close: ${why}.` : `Not sent: ${why}.`);
  }

  if (command) {
    const closed = await dispatchEvent(tx, conversation, { type: "operator_closed" }, env);
    return { kind: "closed", conversationId: closed.conversation.id, chatId: conversation.chatId };
  }
  if (!text || msg.content.media)
    return refuse("Not sent: only text goes to the customer from here. Send files from the web inbox.");

  const author: ForumAuthor = { telegramUserId: msg.from.id, name: telegramName(msg.from) };
  const member = await linkedMember(tx, bot.workspaceId, msg.from.id);
  let current = conversation;
  let taken = false;
  const [queued] = await tx
    .select({ id: operatorQueue.conversationId })
    .from(operatorQueue)
    .where(eq(operatorQueue.conversationId, conversation.id));
  if (queued && member) {
    try {
      await assertCanTakeMore(tx, conversation, member.userId);
      current = await assignConversation(tx, conversation, member.userId, env);
      taken = true;
    } catch (err) {
      if (!isDomainError(err)) throw err;
      // Not in the pool, or at the bot's maximum: answered all the same, and it stays waiting.
      await enqueueTopicText(
        tx,
        target,
        eventLine(`${member.name} can't take it: ${err.message} It stays waiting.`),
      );
    }
  }

  const calls = messageCalls(conversation.chatId, text).map((call) => ({
    call: withAuthor(call, author),
    stepId: null,
    senderUserId: member?.userId ?? null,
  }));
  await enqueueOutgoing(tx, current, calls);
  await tx
    .update(conversations)
    .set({ lastMessageAt: sql`now()` })
    .where(eq(conversations.id, conversation.id));
  if (await currentAssignee(tx, conversation.id))
    await touchIdleClose(tx, current, settings.operator.closeAfterMinutes);
  if (!member && (await noteUnlinkedAuthor(tx, current, author)) && queued)
    await enqueueTopicText(
      tx,
      target,
      eventLine(
        `${author.name} is not linked to a member of the workspace: the answer went out, and the conversation still waits for an operator.`,
      ),
    );
  return { kind: "answered", conversationId: conversation.id, chatId: conversation.chatId, taken };
}

/** The call plus who wrote it (the runtime sends only `method` and `params`). */
function withAuthor(call: OutboundCall, author: ForumAuthor): OutboundCall {
  const marked: OutboundCall & { forum: ForumAuthor } = Object.assign(call, { forum: author });
  return marked;
}

/** The customer's conversation with the bot: the one with operators, else the latest. */
async function conversationOfTopic(tx: Executor, botId: string, contactId: string) {
  const [row] = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.botId, botId), eq(conversations.contactId, contactId)))
    .orderBy(
      desc(sql`${conversations.status} = 'operator'`),
      sql`${conversations.lastMessageAt} desc nulls last`,
    )
    .limit(1);
  return row ?? null;
}

/**
 * The workspace member a Telegram account is linked to: the one its contact logged in as (a Login
 * step), while they are still a member. Null for anyone else.
 */
export async function linkedMember(tx: Executor, workspaceId: string, telegramUserId: number) {
  const [contact] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.telegramUserId, telegramUserId)));
  if (!contact) return null;
  const linkedUserId = (contact.mergedIntoId ? await survivorOf(tx, contact) : contact).linkedUserId;
  if (!linkedUserId) return null;
  const [member] = await tx
    .select({ userId: user.id, name: user.name })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, linkedUserId)));
  return member ?? null;
}

/** Once per conversation and Telegram account: who answered without a member account. True when new. */
async function noteUnlinkedAuthor(
  tx: Executor,
  conversation: { id: string; workspaceId: string; botId: string },
  author: ForumAuthor,
): Promise<boolean> {
  const text = `Answered from the operators' Telegram group by ${author.name} (Telegram id ${author.telegramUserId}), who is not linked to a member of this workspace.`;
  const [seen] = await tx
    .select({ id: conversationNotes.id })
    .from(conversationNotes)
    .where(and(eq(conversationNotes.conversationId, conversation.id), eq(conversationNotes.text, text)))
    .limit(1);
  if (seen) return false;
  await tx.insert(conversationNotes).values({
    workspaceId: conversation.workspaceId,
    conversationId: conversation.id,
    authorUserId: null,
    text,
  });
  await emitRealtime(tx, conversation.workspaceId, {
    type: "note",
    conversationId: conversation.id,
    botId: conversation.botId,
  });
  return true;
}
