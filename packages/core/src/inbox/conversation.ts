import {
  bots,
  contacts,
  conversationAssignments,
  conversationNotes,
  conversationReads,
  conversations,
  leadStages,
  leads,
  messages,
  operatorPools,
  operatorQueue,
  user,
} from "@switchboard/db";
import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Actor } from "../actor";
import { listContactFields } from "../contacts/fields";
import type { Db, Executor } from "../db";
import { invalid, notFound } from "../errors";
import { emitRealtime } from "../realtime/emit";
import { assignee, openAssignmentOfConversation, readMarkOf } from "./joins";
import type { InboxStatus } from "./list";

const owner = alias(user, "owner");

const inboxStatusSql = sql<InboxStatus>`case when ${operatorQueue.conversationId} is not null then 'waiting' else ${conversations.status}::text end`;

/** A conversation of the actor's workspace (NOT_FOUND otherwise). */
async function conversationHead(db: Executor, actor: Actor, conversationId: string) {
  const [row] = await db
    .select({ id: conversations.id, botId: conversations.botId, contactId: conversations.contactId })
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.workspaceId, actor.workspaceId)));
  if (!row) throw notFound("Conversation");
  return row;
}

/**
 * Where a conversation stands for the inbox: status (`waiting` while queued), who has it, since when
 * it waits, the caller's read mark and unread count, and whether the caller is in its bot's pool.
 */
export async function inboxConversationState(db: Executor, actor: Actor, conversationId: string) {
  const [row] = await db
    .select({
      id: conversations.id,
      botId: conversations.botId,
      contactId: conversations.contactId,
      status: inboxStatusSql,
      currentStepId: conversations.currentStepId,
      /** The flow it runs in: a Go to flow target, else its bot's start flow (null: the bot has none). */
      flowId: sql<
        string | null
      >`coalesce(${conversations.flowId}, (select ${bots.entryFlowId} from ${bots} where ${bots.id} = ${conversations.botId}))`,
      waitingSince: operatorQueue.waitingSince,
      /** The Route-to-operator step that queued it. */
      queueStepId: operatorQueue.stepId,
      assigneeId: conversationAssignments.operatorUserId,
      assigneeName: assignee.name,
      assignedAt: conversationAssignments.assignedAt,
      readAt: conversationReads.readAt,
      unread: sql<number>`(select count(*)::int from ${messages} where ${messages.conversationId} = ${conversations.id} and ${messages.direction} = 'in' and ${messages.createdAt} > coalesce(${conversationReads.readAt}, '-infinity'::timestamptz))`,
      inMyPool: sql<boolean>`exists (select 1 from ${operatorPools} where ${operatorPools.botId} = ${conversations.botId} and ${operatorPools.userId} = ${actor.userId})`,
    })
    .from(conversations)
    .leftJoin(operatorQueue, eq(operatorQueue.conversationId, conversations.id))
    .leftJoin(conversationAssignments, openAssignmentOfConversation)
    .leftJoin(assignee, eq(assignee.id, conversationAssignments.operatorUserId))
    .leftJoin(conversationReads, readMarkOf(actor.userId))
    .where(and(eq(conversations.id, conversationId), eq(conversations.workspaceId, actor.workspaceId)));
  if (!row) throw notFound("Conversation");
  const { assigneeId, assigneeName, assignedAt, ...rest } = row;
  return {
    ...rest,
    assignee: assigneeId ? { id: assigneeId, name: assigneeName ?? "", since: assignedAt! } : null,
  };
}

// ---- private notes ----

export const MAX_NOTE_LENGTH = 10_000;

const noteColumns = {
  id: conversationNotes.id,
  text: conversationNotes.text,
  authorId: conversationNotes.authorUserId,
  authorName: user.name,
  createdAt: conversationNotes.createdAt,
};

/** The conversation's private notes, oldest first (the caller checked the conversation's workspace). */
export async function notesOfConversation(db: Executor, actor: Actor, conversationId: string) {
  return db
    .select(noteColumns)
    .from(conversationNotes)
    .leftJoin(user, eq(user.id, conversationNotes.authorUserId))
    .where(
      and(
        eq(conversationNotes.conversationId, conversationId),
        eq(conversationNotes.workspaceId, actor.workspaceId),
      ),
    )
    .orderBy(asc(conversationNotes.createdAt), asc(conversationNotes.id));
}

/**
 * A member's private note on a conversation: kept with it and shown in the inbox, never sent to the
 * user (nothing goes to the outbox). Any member may write one, whoever has the conversation.
 */
export async function addConversationNote(db: Db, actor: Actor, conversationId: string, text: string) {
  const body = text.trim();
  if (!body) throw invalid("Write the note first.");
  if (body.length > MAX_NOTE_LENGTH)
    throw invalid(`A note can have at most ${MAX_NOTE_LENGTH.toLocaleString("en-US")} characters.`);
  return db.transaction(async (tx) => {
    const conversation = await conversationHead(tx, actor, conversationId);
    const [note] = await tx
      .insert(conversationNotes)
      .values({ workspaceId: actor.workspaceId, conversationId, authorUserId: actor.userId, text: body })
      .returning({ id: conversationNotes.id });
    await emitRealtime(tx, actor.workspaceId, {
      type: "note",
      conversationId,
      botId: conversation.botId,
    });
    const [row] = await tx
      .select(noteColumns)
      .from(conversationNotes)
      .leftJoin(user, eq(user.id, conversationNotes.authorUserId))
      .where(eq(conversationNotes.id, note!.id));
    return row!;
  });
}

// ---- read marks ----

/**
 * The caller has read the conversation up to its newest message. Messages of a chat are written
 * under its lock, so any message that arrives later is newer than the mark and counts as unread. A
 * mark never moves back.
 */
export async function markConversationRead(db: Executor, actor: Actor, conversationId: string) {
  await conversationHead(db, actor, conversationId);
  const upTo = sql`coalesce((select max(${messages.createdAt}) from ${messages} where ${messages.conversationId} = ${conversationId}), now())`;
  const [row] = await db
    .insert(conversationReads)
    .values({ userId: actor.userId, conversationId, readAt: upTo })
    .onConflictDoUpdate({
      target: [conversationReads.userId, conversationReads.conversationId],
      set: { readAt: sql`greatest(${conversationReads.readAt}, excluded.read_at)` },
    })
    .returning({ readAt: conversationReads.readAt });
  return { readAt: row!.readAt };
}

// ---- the contact panel ----

/** A contact of the actor's workspace with everything the inbox shows of it (NOT_FOUND otherwise). */
export async function contactDetails(db: Executor, actor: Actor, contactId: string) {
  const [contact] = await db
    .select({
      id: contacts.id,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      username: contacts.username,
      phone: contacts.phone,
      email: contacts.email,
      city: contacts.city,
      language: contacts.language,
      languageCode: contacts.languageCode,
      telegramUserId: contacts.telegramUserId,
      tags: contacts.tags,
      fields: contacts.fields,
      tracker: contacts.tracker,
      ownerUserId: contacts.ownerUserId,
      ownerName: owner.name,
      createdAt: contacts.createdAt,
      lastSeenAt: contacts.lastSeenAt,
    })
    .from(contacts)
    .leftJoin(owner, eq(owner.id, contacts.ownerUserId))
    .where(and(eq(contacts.id, contactId), eq(contacts.workspaceId, actor.workspaceId)));
  if (!contact) throw notFound("Contact");
  return contact;
}

/**
 * Everything the inbox shows beside a conversation about its contact: the fields (built-in, and the
 * workspace's custom fields with their values), tags, the contact's leads, and its other
 * conversations with any of the workspace's bots.
 */
export async function contactPanel(
  db: Executor,
  actor: Actor,
  contactId: string,
  exceptConversationId?: string,
) {
  const contact = await contactDetails(db, actor, contactId);
  const definitions = await listContactFields(db, actor.workspaceId);
  const customFields = definitions.map((d) => ({
    key: d.key,
    label: d.label,
    type: d.type,
    options: d.options,
    value: contact.fields[d.key] ?? null,
  }));

  const contactLeads = await db
    .select({
      id: leads.id,
      title: leads.title,
      stageId: leads.stageId,
      stageName: leadStages.name,
      stageKind: leadStages.kind,
      ownerUserId: leads.ownerUserId,
      ownerName: owner.name,
      botId: leads.botId,
      conversationId: leads.conversationId,
      createdAt: leads.createdAt,
      updatedAt: leads.updatedAt,
    })
    .from(leads)
    .innerJoin(leadStages, eq(leadStages.id, leads.stageId))
    .leftJoin(owner, eq(owner.id, leads.ownerUserId))
    .where(and(eq(leads.contactId, contact.id), eq(leads.workspaceId, actor.workspaceId)))
    .orderBy(desc(leads.createdAt))
    .limit(100);

  const others = await db
    .select({
      id: conversations.id,
      botId: conversations.botId,
      botUsername: bots.username,
      status: inboxStatusSql,
      assigneeId: conversationAssignments.operatorUserId,
      assigneeName: assignee.name,
      createdAt: conversations.createdAt,
      lastMessageAt: conversations.lastMessageAt,
    })
    .from(conversations)
    .innerJoin(bots, eq(bots.id, conversations.botId))
    .leftJoin(operatorQueue, eq(operatorQueue.conversationId, conversations.id))
    .leftJoin(conversationAssignments, openAssignmentOfConversation)
    .leftJoin(assignee, eq(assignee.id, conversationAssignments.operatorUserId))
    .where(
      and(
        eq(conversations.contactId, contact.id),
        eq(conversations.workspaceId, actor.workspaceId),
        exceptConversationId ? ne(conversations.id, exceptConversationId) : undefined,
      ),
    )
    .orderBy(sql`coalesce(${conversations.lastMessageAt}, ${conversations.createdAt}) desc`)
    .limit(50);

  return {
    contact,
    customFields,
    leads: contactLeads,
    conversations: others.map(({ assigneeId, assigneeName, ...c }) => ({
      ...c,
      assignee: assigneeId ? { id: assigneeId, name: assigneeName ?? "" } : null,
    })),
  };
}
