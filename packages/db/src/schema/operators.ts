import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "./auth";
import { bots } from "./bots";
import { createdAt, id } from "./columns";
import { contacts } from "./contacts";
import { conversations } from "./conversations";
import { workspaces } from "./workspaces";

/** The members who take a bot's conversations (its operator pool). */
export const operatorPools = pgTable(
  "operator_pools",
  {
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    joinedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.botId, t.userId] })],
);

/** Conversations waiting for an operator, one row each, oldest first per bot. */
export const operatorQueue = pgTable(
  "operator_queue",
  {
    conversationId: uuid("conversation_id")
      .primaryKey()
      .references(() => conversations.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    /** The Route-to-operator step that queued it. */
    stepId: text("step_id"),
    waitingSince: timestamp("waiting_since", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [index("operator_queue_bot_idx").on(t.botId, t.waitingSince)],
);

/**
 * Who had (or has) a conversation. At most one open assignment per conversation (the partial unique
 * index), so a conversation can never be given to two operators, whatever processes race.
 */
export const conversationAssignments = pgTable(
  "conversation_assignments",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    operatorUserId: text("operator_user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    assignedAt: createdAt(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** closed, returned, user_ended, transferred… */
    endReason: text("end_reason"),
  },
  (t) => [
    uniqueIndex("assignments_open_uq").on(t.conversationId).where(sql`${t.endedAt} is null`),
    index("assignments_operator_idx").on(t.operatorUserId).where(sql`${t.endedAt} is null`),
  ],
);

export const presenceStatus = pgEnum("presence_status", ["online", "away", "offline"]);

/**
 * What an operator chose (online / away / offline) and when a browser of theirs last said it is there.
 * Effective presence: offline when no browser has been seen for a few minutes, whatever was chosen.
 */
export const operatorPresence = pgTable(
  "operator_presence",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    status: presenceStatus("status").notNull().default("online"),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).defaultNow().notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);

/** How far an operator has read a conversation (unread marks in the inbox). */
export const conversationReads = pgTable(
  "conversation_reads",
  {
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    readAt: timestamp("read_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.conversationId] })],
);

/** Texts operators insert with ":" and a shortcut. */
export const cannedReplies = pgTable(
  "canned_replies",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    shortcut: text("shortcut").notNull(),
    text: text("text").notNull(),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .defaultNow()
      .notNull()
      .$onUpdate(() => new Date()),
  },
  (t) => [uniqueIndex("canned_replies_workspace_shortcut_uq").on(t.workspaceId, t.shortcut)],
);

/** An operator's private note on a conversation: shown in the inbox, never sent. */
export const conversationNotes = pgTable(
  "conversation_notes",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    authorUserId: text("author_user_id").references(() => user.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("conversation_notes_conversation_idx").on(t.conversationId, t.createdAt)],
);

/**
 * The realtime feed: every change the inbox shows live, numbered, written in the transaction of the
 * change and announced with NOTIFY. A client that reconnects resumes after the last id it saw.
 */
export const realtimeEvents = pgTable(
  "realtime_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    conversationId: uuid("conversation_id"),
    botId: uuid("bot_id"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("realtime_events_workspace_idx").on(t.workspaceId, t.id)],
);

/** A customer's forum topic in a bot's operators' supergroup, reused for their next conversations. */
export const forumTopics = pgTable(
  "forum_topics",
  {
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    groupChatId: bigint("group_chat_id", { mode: "number" }).notNull(),
    messageThreadId: integer("message_thread_id").notNull(),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.botId, t.contactId] }),
    uniqueIndex("forum_topics_thread_uq").on(t.groupChatId, t.messageThreadId),
  ],
);

export const topicOutboxStatus = pgEnum("topic_outbox_status", ["pending", "sent", "failed"]);

/**
 * What goes to the operators' group: its own outbox, so the group's limit (about 20 messages a minute)
 * never delays the customers' own chats. Pending rows of one topic may be coalesced into one message.
 */
export const topicOutbox = pgTable(
  "topic_outbox",
  {
    id: id(),
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    groupChatId: bigint("group_chat_id", { mode: "number" }).notNull(),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id").references(() => conversations.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    /**
     * The text's formatting (Telegram MessageEntity objects, UTF-16 offsets into `text`), shifted when
     * rows are coalesced into one message; null for plain text.
     */
    entities: jsonb("entities").$type<Record<string, unknown>[]>(),
    status: topicOutboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    notBefore: timestamp("not_before", { withTimezone: true }),
    leasedUntil: timestamp("leased_until", { withTimezone: true }),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).default(sql`clock_timestamp()`).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("topic_outbox_pending_idx").on(t.botId, t.groupChatId).where(sql`${t.status} = 'pending'`)],
);
