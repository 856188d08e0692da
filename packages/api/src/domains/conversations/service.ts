import { notFound } from "@switchboard/core";
import { bots, contacts, conversations, fileKind, files, messages, user } from "@switchboard/db";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { WorkspaceScope } from "../../trpc";
import type { ListConversationsInput, MessageMedia } from "./schemas";

export async function listConversations({ db, workspaceId }: WorkspaceScope, opts: ListConversationsInput) {
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
        opts.status ? eq(conversations.status, opts.status) : undefined,
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
      senderUserId: messages.senderUserId,
      senderName: user.name,
      error: messages.error,
      createdAt: messages.createdAt,
      fileId: messages.fileId,
      fileKind: files.kind,
      fileName: files.name,
    })
    .from(messages)
    .leftJoin(user, eq(user.id, messages.senderUserId))
    .leftJoin(files, and(eq(files.id, messages.fileId), eq(files.workspaceId, workspaceId)))
    .where(eq(messages.conversationId, id))
    .orderBy(asc(messages.createdAt), asc(messages.seq));
  return {
    conversation,
    messages: rows.map(({ fileId, fileKind, fileName, ...m }) => ({
      ...m,
      media:
        (m.direction === "out" ? mediaOf(m.payload) : null) ??
        (fileId && fileKind && fileName !== null ? { fileId, kind: fileKind, name: fileName } : null),
    })),
  };
}

/** An outbound media call names its file (@switchboard/core's OutboundCall: `{ method, params, media }`). */
const mediaCall = z.object({
  media: z.object({ fileId: z.string(), kind: z.enum(fileKind.enumValues), name: z.string() }),
});

function mediaOf(payload: unknown): MessageMedia | null {
  const call = mediaCall.safeParse(payload);
  if (!call.success) return null;
  const { fileId, kind, name } = call.data.media;
  return { fileId, kind, name };
}
