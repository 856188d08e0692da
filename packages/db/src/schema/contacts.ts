import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt, id } from "./columns";
import { workspaces } from "./workspaces";

/**
 * One per Telegram user per workspace, shared by all the workspace's bots. A contact merged into
 * another (same phone) stays as a pointer (`merged_into_id`), so its Telegram user still finds the
 * surviving contact; lists leave such rows out.
 */
export const contacts = pgTable(
  "contacts",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** Null for a contact that did not come from Telegram (created by hand or through the API). */
    telegramUserId: bigint("telegram_user_id", { mode: "number" }),
    firstName: text("first_name").notNull().default(""),
    lastName: text("last_name"),
    username: text("username"),
    /** What Telegram reports for the user's app (kept current). */
    languageCode: text("language_code"),
    /** What the contact told us (Update contact). */
    language: text("language"),
    /** "+" and digits (E.164), or the digits of a local number; see normalizePhone. */
    phone: text("phone"),
    email: text("email"),
    city: text("city"),
    tags: text("tags").array().notNull().default([]),
    fields: jsonb("fields").$type<Record<string, string>>().notNull().default({}),
    /** Deep-link / UTM values from t.me/<bot>?start=<payload>. */
    tracker: jsonb("tracker").$type<Record<string, string>>().notNull().default({}),
    /** The salesperson who owns the contact. */
    ownerUserId: text("owner_user_id").references(() => user.id, { onDelete: "set null" }),
    /** The member account this Telegram user logged in as (Login step). */
    linkedUserId: text("linked_user_id").references(() => user.id, { onDelete: "set null" }),
    linkedAt: timestamp("linked_at", { withTimezone: true }),
    /** Set when this contact was merged into another one; the row then only maps its Telegram user. */
    mergedIntoId: uuid("merged_into_id").references((): AnyPgColumn => contacts.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    unique("contacts_workspace_tg_user_uq").on(t.workspaceId, t.telegramUserId),
    index("contacts_phone_idx").on(t.workspaceId, t.phone).where(sql`${t.mergedIntoId} is null`),
  ],
);

export const contactFieldType = pgEnum("contact_field_type", ["text", "number", "date", "choice"]);

/** A workspace's custom contact fields (Settings → Contact fields); values live in `contacts.fields`. */
export const contactFields = pgTable(
  "contact_fields",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    label: text("label").notNull(),
    type: contactFieldType("type").notNull(),
    /** The choices of a `choice` field. */
    options: jsonb("options").$type<string[]>().notNull().default([]),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [unique("contact_fields_workspace_key_uq").on(t.workspaceId, t.key)],
);

export type ContactRow = typeof contacts.$inferSelect;
