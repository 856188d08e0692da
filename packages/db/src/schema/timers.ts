import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bots } from "./bots";
import { createdAt, id } from "./columns";
import { conversations } from "./conversations";
import { workspaces } from "./workspaces";

/**
 * - conversation: an engine timer of one conversation (a step's timeout, the operator wait, a login).
 * - schedule: the next run of a Schedule step of a bot.
 * - schedule_run: one run reaching one subscribed conversation (fanned out from a schedule timer).
 */
export const timerKind = pgEnum("timer_kind", ["conversation", "schedule", "schedule_run"]);

/**
 * Durable timers. Written in the same transaction as what requested them, claimed by any runtime with
 * `FOR UPDATE SKIP LOCKED` and a lease, fired in a transaction that also marks them fired, so each
 * fires exactly once, also with several runtimes and after all of them were down.
 */
export const timers = pgTable(
  "timers",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id").references(() => conversations.id, { onDelete: "cascade" }),
    kind: timerKind("kind").notNull(),
    /** Unique among all timers: "conv:<conversationId>:<engine timer id>", "schedule:<bot>:<step>:<runAt>", … */
    key: text("key").notNull().unique(),
    stepId: text("step_id").notNull(),
    fireAt: timestamp("fire_at", { withTimezone: true }).notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    /** A runtime is firing it until then; after that (a crash) another may. */
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    firedAt: timestamp("fired_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [
    index("timers_due_idx").on(t.fireAt).where(sql`${t.firedAt} is null and ${t.cancelledAt} is null`),
    index("timers_bot_step_idx").on(t.botId, t.kind, t.stepId),
  ],
);

export type TimerRow = typeof timers.$inferSelect;
