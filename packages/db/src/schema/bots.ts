import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { workspaces } from "./workspaces";

export const botStatus = pgEnum("bot_status", ["active", "failing", "disabled"]);
export const deliveryMode = pgEnum("delivery_mode", ["polling", "webhook"]);

export const bots = pgTable(
  "bots",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** Telegram's bot user id (the digits before ':' in the token). */
    telegramId: bigint("telegram_id", { mode: "number" }).notNull(),
    username: text("username").notNull(),
    firstName: text("first_name").notNull(),
    /** AES-256-GCM, see @switchboard/db secrets. Never leaves the server. */
    tokenEncrypted: text("token_encrypted").notNull(),
    /** "123456:…wxyz": enough to recognise a token, useless to abuse it. */
    tokenHint: text("token_hint").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    status: botStatus("status").notNull().default("active"),
    lastError: text("last_error"),
    lastErrorAt: timestamp("last_error_at", { withTimezone: true }),
    deliveryMode: deliveryMode("delivery_mode").notNull().default("polling"),
    /** Sent by Telegram as X-Telegram-Bot-Api-Secret-Token on every webhook request. */
    webhookSecret: text("webhook_secret").notNull(),
    entryFlowId: uuid("entry_flow_id"),
    /** Per-bot behaviour (wait for /start, operator settings, auto-messages…): @switchboard/core's botSettingsSchema. */
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("bots_workspace_idx").on(t.workspaceId),
    // One connection per Telegram bot per installation: two runtimes polling one token would fight.
    uniqueIndex("bots_telegram_id_uq").on(t.telegramId),
    index("bots_enabled_idx").on(t.enabled).where(sql`${t.enabled}`),
  ],
);

/** The per-bot log of Telegram calls that failed (the seed's "messenger logs"). */
export const botLogs = pgTable(
  "bot_logs",
  {
    id: id(),
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    level: text("level").notNull(),
    method: text("method"),
    message: text("message").notNull(),
    details: jsonb("details"),
    createdAt: createdAt(),
  },
  // The second index serves retention, which prunes every bot's old lines at once.
  (t) => [index("bot_logs_bot_idx").on(t.botId, t.createdAt), index("bot_logs_created_idx").on(t.createdAt)],
);

/** A bot's variables (Bot settings → Variables), read by templates as `{{bot.KEY}}`. */
export const botVariables = pgTable(
  "bot_variables",
  {
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    /** `[a-z][a-z0-9_]{0,31}`, checked by the core. */
    key: text("key").notNull(),
    /** At most 4096 characters. */
    value: text("value").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.botId, t.key] })],
);

export type BotVariableRow = typeof botVariables.$inferSelect;

/**
 * A bot's send schedule shared by every runtime (Telegram's per-bot limit is per token, not per
 * process): `tat` is the theoretical time of the bot's next send slot (GCRA). A runtime reserves a
 * block of slots in one statement (core's outbox/send-budget.ts); `rate` is the messages per second
 * the last reservation used (read from the bot's settings in the same statement).
 */
export const botSendBudgets = pgTable("bot_send_budgets", {
  botId: uuid("bot_id")
    .primaryKey()
    .references(() => bots.id, { onDelete: "cascade" }),
  tat: timestamp("tat", { withTimezone: true, mode: "date" }).notNull(),
  rate: real("rate").notNull(),
});
