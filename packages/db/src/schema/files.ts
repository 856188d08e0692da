import { bigint, pgEnum, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { bots } from "./bots";
import { createdAt, id } from "./columns";
import { workspaces } from "./workspaces";

export const fileKind = pgEnum("file_kind", ["photo", "video", "audio", "document"]);

/** A file uploaded to Switchboard (a step's media); the bytes live in the file storage under `storage_key`. */
export const files = pgTable("files", {
  id: id(),
  workspaceId: uuid("workspace_id")
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  kind: fileKind("kind").notNull(),
  name: text("name").notNull(),
  mimeType: text("mime_type").notNull(),
  size: bigint("size", { mode: "number" }).notNull(),
  sha256: text("sha256").notNull(),
  storageKey: text("storage_key").notNull(),
  createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

/**
 * Telegram's file_id for a file, per bot (file_ids are only valid for the bot that got them): the
 * first send uploads the bytes, later sends reuse the id.
 */
export const fileTelegramIds = pgTable(
  "file_telegram_ids",
  {
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id, { onDelete: "cascade" }),
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    telegramFileId: text("telegram_file_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.botId] })],
);

export type FileRow = typeof files.$inferSelect;
