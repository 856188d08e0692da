import { sql } from "drizzle-orm";
import { bigint, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bots } from "./bots";
import { createdAt } from "./columns";
import { messages } from "./conversations";
import { workspaces } from "./workspaces";

/** The Message field a Telegram user's file came in (Telegram's kinds, not how we would send it). */
export const telegramMediaKind = pgEnum("telegram_media_kind", [
  "photo",
  "document",
  "video",
  "voice",
  "audio",
  "animation",
]);

/**
 * - pending: waiting to be downloaded (or retried after `next_attempt_at`).
 * - downloaded: the bytes are a `files` row, named by the message's `file_id`.
 * - too_big: over Telegram's 20 MB limit for bots; never fetched.
 * - failed: gave up after repeated errors (`last_error`).
 */
export const mediaDownloadStatus = pgEnum("media_download_status", [
  "pending",
  "downloaded",
  "too_big",
  "failed",
]);

/**
 * A file a Telegram user sent (photo, document, voice, ...): Telegram's reference to it, written with
 * the inbound message in the update's transaction, and the durable queue of its download. Runtimes
 * claim due rows (`FOR UPDATE SKIP LOCKED`, a lease), fetch the file through the Bot API and store it
 * as a `files` row, which the message's `file_id` then names.
 */
export const messageMedia = pgTable(
  "message_media",
  {
    messageId: uuid("message_id")
      .primaryKey()
      .references(() => messages.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    kind: telegramMediaKind("kind").notNull(),
    /** Telegram's file_id for this bot (for a photo: its largest size). */
    telegramFileId: text("telegram_file_id").notNull(),
    telegramFileUniqueId: text("telegram_file_unique_id").notNull(),
    /** Bytes, when Telegram said (it may not). */
    fileSize: bigint("file_size", { mode: "number" }),
    fileName: text("file_name"),
    mimeType: text("mime_type"),
    width: integer("width"),
    height: integer("height"),
    /** Seconds (video, voice, audio, animation). */
    duration: integer("duration"),
    status: mediaDownloadStatus("status").notNull().default("pending"),
    /** Failed attempts so far (a 429 is not one: Telegram said when to come back). */
    attempts: integer("attempts").notNull().default(0),
    /** Not to be tried before this time (backoff, or Telegram's retry_after). */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).defaultNow().notNull(),
    /** A runtime is downloading it until then; after that (a crash) another may. */
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: createdAt(),
    downloadedAt: timestamp("downloaded_at", { withTimezone: true }),
  },
  (t) => [index("message_media_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`)],
);

export type MessageMediaRow = typeof messageMedia.$inferSelect;
