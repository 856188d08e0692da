import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { bots } from "./bots";
import { createdAt, id, updatedAt } from "./columns";
import { contacts } from "./contacts";
import { flows, flowVersions } from "./flows";
import { workspaces } from "./workspaces";

export const conversationStatus = pgEnum("conversation_status", ["bot", "operator", "closed", "blocked"]);

/** One per (bot, Telegram chat). `state` is the engine's ConversationState, stored whole. */
export const conversations = pgTable(
  "conversations",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    chatId: bigint("chat_id", { mode: "number" }).notNull(),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    flowVersionId: uuid("flow_version_id").references(() => flowVersions.id, { onDelete: "set null" }),
    /**
     * The flow a Go to flow step moved the conversation into (its live version runs); null: the bot's
     * entry flow. /start and a finished conversation go back to the entry flow.
     */
    flowId: uuid("flow_id").references(() => flows.id, { onDelete: "set null" }),
    /** Denormalized from `state` for listing and filtering. */
    currentStepId: text("current_step_id"),
    /** The conversation's status: its only home (the engine state does not keep it). */
    status: conversationStatus("status").notNull().default("bot"),
    /** The engine's ConversationState. */
    state: jsonb("state").notNull(),
    /**
     * The canvas analytics counters this conversation was already counted in today (UTC), so a loop back
     * to a step counts once a day (the core's analytics/counted-today.ts). Written by the same update that
     * stores `state`; null: nothing counted yet.
     */
    countedToday: jsonb("counted_today"),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("conversations_bot_chat_uq").on(t.botId, t.chatId),
    index("conversations_workspace_idx").on(t.workspaceId, t.lastMessageAt),
  ],
);

export const messageDirection = pgEnum("message_direction", ["in", "out"]);
/** Outgoing messages are written as `pending` in the step's transaction and sent after it (an outbox). */
export const deliveryStatus = pgEnum("delivery_status", ["received", "pending", "sent", "failed"]);

export const messages = pgTable(
  "messages",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    direction: messageDirection("direction").notNull(),
    deliveryStatus: deliveryStatus("delivery_status").notNull(),
    telegramMessageId: integer("telegram_message_id"),
    text: text("text"),
    /** Inbound: the Telegram message/callback. Outbound: the method and parameters to send. */
    payload: jsonb("payload").notNull(),
    stepId: text("step_id"),
    /** The member who wrote an outbound message in the inbox (null: the flow). */
    senderUserId: text("sender_user_id"),
    /** A stored file the message carries (a user's photo or document, an operator's attachment). */
    fileId: uuid("file_id"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    /** Not to be sent before this time (Telegram's retry_after, or backoff), whichever process sends it. */
    notBefore: timestamp("not_before", { withTimezone: true }),
    /** Order of the outbound messages produced by one update. */
    seq: integer("seq").notNull().default(0),
    /**
     * clock_timestamp(), not now(): now() is the transaction's start, which may be before the chat lock
     * was taken; the insert happens under the lock, so this order is the order of processing.
     */
    createdAt: timestamp("created_at", { withTimezone: true }).default(sql`clock_timestamp()`).notNull(),
    /** A runtime is sending this message until then; nobody else sends it or anything after it. */
    leasedUntil: timestamp("leased_until", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("messages_conversation_idx").on(t.conversationId, t.createdAt, t.seq),
    // Only the outbox part of the table is looked up by status.
    index("messages_pending_idx").on(t.conversationId).where(sql`${t.deliveryStatus} = 'pending'`),
  ],
);

/**
 * Every update a bot received (the inbox), keyed by Telegram's update_id: a replayed or retried
 * update is recognised and skipped, and an update whose processing crashed is picked up again.
 */
export const processedUpdates = pgTable(
  "processed_updates",
  {
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    updateId: bigint("update_id", { mode: "number" }).notNull(),
    chatId: bigint("chat_id", { mode: "number" }),
    payload: jsonb("payload").notNull(),
    receivedAt: createdAt(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    /** After a failed attempt: not to be processed again before this time (backoff). */
    notBefore: timestamp("not_before", { withTimezone: true }),
    error: text("error"),
    /**
     * The update as Telegram sent it (its JSON text), kept only when `payload` had to be made safe for
     * Postgres (U+0000 and lone surrogates become U+FFFD, runtime telegram/sanitize.ts) or when the
     * update was set aside unstored (then `payload` holds only its update_id). JSON text escapes
     * those characters, so this column always takes it.
     */
    original: text("original"),
  },
  (t) => [
    primaryKey({ columns: [t.botId, t.updateId] }),
    index("processed_updates_pending_idx").on(t.botId, t.chatId).where(sql`${t.processedAt} is null`),
    // Retention prunes by age (runtime retention job).
    index("processed_updates_received_idx").on(t.receivedAt),
  ],
);

export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
