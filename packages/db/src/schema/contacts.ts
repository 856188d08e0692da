import { bigint, index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { workspaces } from "./workspaces";

/** One per Telegram user per workspace, shared by all the workspace's bots. */
export const contacts = pgTable(
  "contacts",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    telegramUserId: bigint("telegram_user_id", { mode: "number" }).notNull(),
    firstName: text("first_name").notNull().default(""),
    lastName: text("last_name"),
    username: text("username"),
    languageCode: text("language_code"),
    phone: text("phone"),
    email: text("email"),
    tags: text("tags").array().notNull().default([]),
    fields: jsonb("fields").$type<Record<string, string>>().notNull().default({}),
    /** Deep-link / UTM values from t.me/<bot>?start=<payload>. */
    tracker: jsonb("tracker").$type<Record<string, string>>().notNull().default({}),
    ownerUserId: text("owner_user_id"),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    unique("contacts_workspace_tg_user_uq").on(t.workspaceId, t.telegramUserId),
    index("contacts_phone_idx").on(t.workspaceId, t.phone),
  ],
);
