import { sql } from "drizzle-orm";
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { bots } from "./bots";
import { createdAt, id } from "./columns";
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
