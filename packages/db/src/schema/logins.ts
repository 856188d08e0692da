import { pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { bots } from "./bots";
import { createdAt, id } from "./columns";
import { contacts } from "./contacts";
import { conversations } from "./conversations";
import { workspaces } from "./workspaces";

export const loginStatus = pgEnum("login_status", ["pending", "linked", "refused", "expired"]);

/**
 * A Login step's one-time link: only the SHA-256 of the token is stored; it expires, and it can be
 * used once (the status moves off `pending` in the transaction that links the contact).
 */
export const loginTokens = pgTable(
  "login_tokens",
  {
    id: id(),
    tokenHash: text("token_hash").notNull().unique(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    stepId: text("step_id").notNull(),
    /** The engine's id for this login ("<stepId>:<seq>"), which its `login_result` must name. */
    loginId: text("login_id").notNull(),
    status: loginStatus("status").notNull().default("pending"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    userId: text("user_id").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [unique("login_tokens_conversation_login_uq").on(t.conversationId, t.loginId)],
);

export type LoginTokenRow = typeof loginTokens.$inferSelect;
