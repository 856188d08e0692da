import { notFound } from "@switchboard/core";
import { bots, contacts, conversations, messages } from "@switchboard/db";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { WorkspaceScope } from "../../trpc";

export async function listConversations(
  { db, workspaceId }: WorkspaceScope,
  opts: { botId?: string; limit: number },
) {
  const lastMessage = db
    .select({ text: messages.text })
    .from(messages)
    .where(eq(messages.conversationId, conversations.id))
    .orderBy(desc(messages.createdAt), desc(messages.seq))
    .limit(1);
  return db
    .select({
      id: conversations.id,
      botId: conversations.botId,
      botUsername: bots.username,
      chatId: conversations.chatId,
      contactName: sql<string>`trim(${contacts.firstName} || ' ' || coalesce(${contacts.lastName}, ''))`,
      contactUsername: contacts.username,
      status: conversations.status,
      currentStepId: conversations.currentStepId,
      lastMessageAt: conversations.lastMessageAt,
      lastMessageText: sql<string | null>`(${lastMessage})`,
    })
    .from(conversations)
    .innerJoin(bots, eq(bots.id, conversations.botId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(
      and(
        eq(conversations.workspaceId, workspaceId),
        opts.botId ? eq(conversations.botId, opts.botId) : undefined,
      ),
    )
    .orderBy(sql`${conversations.lastMessageAt} desc nulls last`)
    .limit(opts.limit);
}

export async function conversationTranscript({ db, workspaceId }: WorkspaceScope, id: string) {
  const [conversation] = await db
    .select({
      id: conversations.id,
      botId: conversations.botId,
      botUsername: bots.username,
      chatId: conversations.chatId,
      status: conversations.status,
      currentStepId: conversations.currentStepId,
      createdAt: conversations.createdAt,
      lastMessageAt: conversations.lastMessageAt,
      contact: {
        id: contacts.id,
        firstName: contacts.firstName,
        lastName: contacts.lastName,
        username: contacts.username,
        phone: contacts.phone,
        telegramUserId: contacts.telegramUserId,
      },
      variables: sql<Record<string, string>>`coalesce(${conversations.state}->'vars', '{}'::jsonb)`,
    })
    .from(conversations)
    .innerJoin(bots, eq(bots.id, conversations.botId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(conversations.id, id), eq(conversations.workspaceId, workspaceId)));
  if (!conversation) throw notFound("Conversation");
  const rows = await db
    .select({
      id: messages.id,
      direction: messages.direction,
      deliveryStatus: messages.deliveryStatus,
      text: messages.text,
      payload: messages.payload,
      telegramMessageId: messages.telegramMessageId,
      stepId: messages.stepId,
      error: messages.error,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(eq(messages.conversationId, id))
    .orderBy(asc(messages.createdAt), asc(messages.seq));
  return { conversation, messages: rows };
}
