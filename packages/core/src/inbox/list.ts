import {
  bots,
  contacts,
  conversationAssignments,
  conversationReads,
  conversations,
  messageMedia,
  messages,
  operatorQueue,
} from "@switchboard/db";
import { and, asc, desc, eq, inArray, isNotNull, or, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../actor";
import type { Executor } from "../db";
import { invalid } from "../errors";
import { assignee, openAssignmentOfConversation, readMarkOf } from "./joins";
import { containsPattern, phoneDigits, searchText } from "./search";

/**
 * The inbox's conversation list. Views: `waiting` (in the operator queue), `mine` (the caller has
 * it), `all` (every conversation of the workspace, whatever its status) and `closed`.
 */
export const INBOX_VIEWS = ["waiting", "mine", "all", "closed"] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

/** A conversation's status as the inbox shows it: `waiting` is an `operator` one still in the queue. */
export const INBOX_STATUSES = ["waiting", "bot", "operator", "closed", "blocked"] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

/** Who wrote a message, as the list shows it: the user, the bot's flow, or a member in the inbox. */
export const MESSAGE_AUTHORS = ["in", "out", "operator"] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

export const INBOX_PAGE_DEFAULT = 50;
export const INBOX_PAGE_MAX = 100;

export interface InboxListOptions {
  view: InboxView;
  /** Contact name, username, phone or a message's text; case-insensitive, matched literally. */
  search?: string | undefined;
  botId?: string | undefined;
  limit?: number | undefined;
  /** `nextCursor` of the previous page. */
  cursor?: string | null | undefined;
}

/** The status the inbox shows (see INBOX_STATUSES). */
const inboxStatusSql = sql<InboxStatus>`case when ${operatorQueue.conversationId} is not null then 'waiting' else ${conversations.status}::text end`;

/** When a conversation last moved: its last message, or its start. */
const activitySql = sql`coalesce(${conversations.lastMessageAt}, ${conversations.createdAt})`;

/** A timestamp as exact text (microseconds, UTC), so a cursor never loses Postgres's precision. */
const exactTime = (expr: SQL | unknown) =>
  sql<string>`to_char(${expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Inbound messages after the caller's read mark (all of them before the caller's first look). */
const unreadSql = sql<number>`(select count(*)::int from ${messages} where ${messages.conversationId} = ${conversations.id} and ${messages.direction} = 'in' and ${messages.createdAt} > coalesce(${conversationReads.readAt}, '-infinity'::timestamptz))`;

// ---- cursors ----

interface Cursor {
  time: string;
  id: string;
}

const EXACT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const encodeCursor = (view: InboxView, c: Cursor) =>
  Buffer.from(JSON.stringify([view, c.time, c.id])).toString("base64url");

function decodeCursor(view: InboxView, raw: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 3) {
      const [v, time, id] = value as unknown[];
      if (v === view && typeof time === "string" && EXACT_TIME.test(time) && typeof id === "string")
        if (UUID.test(id)) return { time, id };
    }
  } catch {
    // falls through to the error below
  }
  throw invalid("This page of the list can't be continued (the cursor is not valid). Load the list again.");
}

// ---- the list ----

function searchCondition(text: string): SQL {
  const pattern = containsPattern(text);
  const username = containsPattern(text.replace(/^@/, ""));
  const digits = phoneDigits(text);
  return or(
    sql`(${contacts.firstName} || ' ' || coalesce(${contacts.lastName}, '')) ilike ${pattern}`,
    sql`${contacts.username} ilike ${username}`,
    sql`${contacts.phone} ilike ${pattern}`,
    digits
      ? sql`regexp_replace(coalesce(${contacts.phone}, ''), '[^0-9]', '', 'g') like ${containsPattern(digits)}`
      : undefined,
    sql`exists (select 1 from ${messages} where ${messages.conversationId} = ${conversations.id} and ${messages.text} ilike ${pattern})`,
  )!;
}

function viewCondition(view: InboxView, actor: Actor): SQL | undefined {
  switch (view) {
    case "waiting":
      return isNotNull(operatorQueue.conversationId);
    case "mine":
      return eq(conversationAssignments.operatorUserId, actor.userId);
    case "closed":
      return eq(conversations.status, "closed");
    case "all":
      return undefined;
  }
}

/**
 * One page of the inbox: `waiting` oldest first (the order routing serves them in), the other views
 * latest activity first. Scoped to the actor's workspace; `unread` is per caller.
 */
export async function listInbox(db: Executor, actor: Actor, options: InboxListOptions) {
  const { view } = options;
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? INBOX_PAGE_DEFAULT), 1), INBOX_PAGE_MAX);
  const search = searchText(options.search);
  const cursor = options.cursor ? decodeCursor(view, options.cursor) : null;
  const waitingView = view === "waiting";
  const sortTime = waitingView ? sql`${operatorQueue.waitingSince}` : activitySql;

  // First the page: ids in order, from the conversations and the little the filters need (cheap
  // however large the workspace); then the details (last message, unread) of those rows only.
  const ordered = await db
    .select({ id: conversations.id, sortTime: exactTime(sortTime) })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .leftJoin(operatorQueue, eq(operatorQueue.conversationId, conversations.id))
    .leftJoin(conversationAssignments, openAssignmentOfConversation)
    .where(
      and(
        eq(conversations.workspaceId, actor.workspaceId),
        viewCondition(view, actor),
        options.botId ? eq(conversations.botId, options.botId) : undefined,
        search ? searchCondition(search) : undefined,
        cursor
          ? waitingView
            ? sql`(${sortTime}, ${conversations.id}) > (${cursor.time}::timestamptz, ${cursor.id}::uuid)`
            : sql`(${sortTime}, ${conversations.id}) < (${cursor.time}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(
      ...(waitingView ? [asc(sortTime), asc(conversations.id)] : [desc(sortTime), desc(conversations.id)]),
    )
    .limit(limit + 1);
  const pageIds = ordered.slice(0, limit).map((r) => r.id);
  if (pageIds.length === 0) return { items: [], nextCursor: null };

  const last = db
    .select({
      text: messages.text,
      direction: messages.direction,
      senderUserId: messages.senderUserId,
      createdAt: messages.createdAt,
      // A stored file, an outbound media call, or a user's file (downloaded or not).
      hasMedia: sql<boolean>`(${messages.fileId} is not null or (${messages.payload} -> 'media') is not null
        or exists (select 1 from ${messageMedia} where ${messageMedia.messageId} = ${messages.id}))`.as(
        "has_media",
      ),
    })
    .from(messages)
    .where(eq(messages.conversationId, conversations.id))
    .orderBy(desc(messages.createdAt), desc(messages.seq))
    .limit(1)
    .as("last_message");

  const details = await db
    .select({
      id: conversations.id,
      botId: conversations.botId,
      botUsername: bots.username,
      contactId: contacts.id,
      contactName: sql<string>`trim(${contacts.firstName} || ' ' || coalesce(${contacts.lastName}, ''))`,
      contactUsername: contacts.username,
      contactPhone: contacts.phone,
      status: inboxStatusSql,
      currentStepId: conversations.currentStepId,
      assigneeId: conversationAssignments.operatorUserId,
      assigneeName: assignee.name,
      waitingSince: operatorQueue.waitingSince,
      createdAt: conversations.createdAt,
      lastMessageAt: conversations.lastMessageAt,
      lastText: last.text,
      lastDirection: last.direction,
      lastSenderUserId: last.senderUserId,
      lastCreatedAt: last.createdAt,
      lastHasMedia: last.hasMedia,
      unread: unreadSql,
    })
    .from(conversations)
    .innerJoin(bots, eq(bots.id, conversations.botId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .leftJoin(operatorQueue, eq(operatorQueue.conversationId, conversations.id))
    .leftJoin(conversationAssignments, openAssignmentOfConversation)
    .leftJoin(assignee, eq(assignee.id, conversationAssignments.operatorUserId))
    .leftJoin(conversationReads, readMarkOf(actor.userId))
    .leftJoinLateral(last, sql`true`)
    .where(and(eq(conversations.workspaceId, actor.workspaceId), inArray(conversations.id, pageIds)));
  const byId = new Map(details.map((d) => [d.id, d]));
  // A row deleted between the two queries is left out.
  const rows = pageIds.flatMap((id) => byId.get(id) ?? []);

  const end = ordered[limit - 1];
  return {
    items: rows.map((r) => ({
      id: r.id,
      bot: { id: r.botId, username: r.botUsername },
      contact: { id: r.contactId, name: r.contactName, username: r.contactUsername, phone: r.contactPhone },
      status: r.status,
      currentStepId: r.currentStepId,
      assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName ?? "" } : null,
      waitingSince: r.waitingSince,
      createdAt: r.createdAt,
      lastMessageAt: r.lastMessageAt,
      lastMessage:
        r.lastCreatedAt && r.lastDirection
          ? {
              text: r.lastText,
              author: (r.lastDirection === "in"
                ? "in"
                : r.lastSenderUserId
                  ? "operator"
                  : "out") as MessageAuthor,
              hasMedia: !!r.lastHasMedia,
              createdAt: r.lastCreatedAt,
            }
          : null,
      unread: r.unread,
    })),
    nextCursor: ordered.length > limit && end ? encodeCursor(view, { time: end.sortTime, id: end.id }) : null,
  };
}

export type InboxListPage = Awaited<ReturnType<typeof listInbox>>;
export type InboxListItem = InboxListPage["items"][number];

/**
 * The numbers on the inbox's tabs: conversations waiting, the caller's, all, closed, and how many of
 * the caller's have unread messages.
 */
export async function inboxCounts(db: Executor, actor: Actor, botId?: string) {
  const bot = (column: SQL | unknown) => (botId ? sql` and ${column} = ${botId}` : sql``);
  const rows = await db.execute(sql`
    select
      (select count(*)::int from ${operatorQueue} q
        where q.workspace_id = ${actor.workspaceId}${bot(sql`q.bot_id`)}) as waiting,
      (select count(*)::int from ${conversationAssignments} a
        join ${conversations} c on c.id = a.conversation_id
        where a.workspace_id = ${actor.workspaceId} and a.operator_user_id = ${actor.userId}
          and a.ended_at is null${bot(sql`c.bot_id`)}) as mine,
      (select count(*)::int from ${conversations} c
        where c.workspace_id = ${actor.workspaceId}${bot(sql`c.bot_id`)}) as "all",
      (select count(*)::int from ${conversations} c
        where c.workspace_id = ${actor.workspaceId} and c.status = 'closed'${bot(sql`c.bot_id`)}) as closed,
      (select count(*)::int from ${conversationAssignments} a
        join ${conversations} c on c.id = a.conversation_id
        left join ${conversationReads} r on r.conversation_id = a.conversation_id and r.user_id = ${actor.userId}
        where a.workspace_id = ${actor.workspaceId} and a.operator_user_id = ${actor.userId}
          and a.ended_at is null${bot(sql`c.bot_id`)}
          and exists (select 1 from ${messages} m where m.conversation_id = a.conversation_id
            and m.direction = 'in' and m.created_at > coalesce(r.read_at, '-infinity'::timestamptz))
      ) as unread_mine`);
  const [r] = rows as unknown as Record<string, unknown>[];
  return {
    waiting: Number(r?.waiting ?? 0),
    mine: Number(r?.mine ?? 0),
    all: Number(r?.all ?? 0),
    closed: Number(r?.closed ?? 0),
    unreadMine: Number(r?.unread_mine ?? 0),
  };
}
