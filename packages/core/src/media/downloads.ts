import { bots, messageMedia, messages } from "@switchboard/db";
import type { MediaKind } from "@switchboard/flow";
import { and, eq, inArray, sql } from "drizzle-orm";
import { imageSize } from "image-size";
import type { Db, Executor } from "../db";
import type { FileStorage } from "../files/storage";
import { storeFile } from "../files/upload";
import { emitRealtime } from "../realtime/emit";
import { redactBotTokens } from "../redact";
import type { TelegramMediaKind } from "./inbound";

/*
 * The download queue of users' files (message_media rows in `pending`). The runtime does the Telegram
 * part (getFile, the HTTP download); this module owns the rows: claiming with a lease, storing the
 * bytes as a `files` row named by the message, and the outcomes (too big, retry later, give up).
 */

/** A claimed download belongs to its runtime this long; if that runtime dies, another takes it after. */
export const DOWNLOAD_LEASE_MS = 120_000;
/** Failed attempts (errors other than 429) before a download is given up as `failed`. */
export const MAX_DOWNLOAD_ATTEMPTS = 8;
/** Backoff after the n-th failure: 2ⁿ seconds, at most this many. */
const MAX_BACKOFF_SECONDS = 600;

export interface DownloadJob {
  messageId: string;
  workspaceId: string;
  botId: string;
  conversationId: string;
  kind: TelegramMediaKind;
  telegramFileId: string;
  fileSize: number | null;
  fileName: string | null;
  mimeType: string | null;
  /** Failed attempts before this one. */
  attempts: number;
}

/**
 * Claims due downloads of enabled bots: `FOR UPDATE SKIP LOCKED` so concurrent runtimes take different
 * rows, and a lease so a crash mid-download hands the row to another after DOWNLOAD_LEASE_MS. Oldest
 * first. Finishing is idempotent (finishDownload re-checks `pending`), the lease only spreads the work.
 */
export async function claimDueDownloads(db: Db, limit: number): Promise<DownloadJob[]> {
  const rows = await db.execute(sql`
    update ${messageMedia} set claimed_until = now() + ${DOWNLOAD_LEASE_MS} * interval '1 millisecond'
    where message_id in (
      select mm.message_id from ${messageMedia} mm
      join ${bots} b on b.id = mm.bot_id and b.enabled
      where mm.status = 'pending' and mm.next_attempt_at <= now()
        and (mm.claimed_until is null or mm.claimed_until < now())
      order by mm.next_attempt_at
      limit ${limit}
      for update of mm skip locked
    )
    returning message_id`);
  const ids = (rows as unknown as { message_id: string }[]).map((r) => r.message_id);
  if (ids.length === 0) return [];
  return db
    .select({
      messageId: messageMedia.messageId,
      workspaceId: messageMedia.workspaceId,
      botId: messageMedia.botId,
      conversationId: messages.conversationId,
      kind: messageMedia.kind,
      telegramFileId: messageMedia.telegramFileId,
      fileSize: messageMedia.fileSize,
      fileName: messageMedia.fileName,
      mimeType: messageMedia.mimeType,
      attempts: messageMedia.attempts,
    })
    .from(messageMedia)
    .innerJoin(messages, eq(messages.id, messageMedia.messageId))
    .where(inArray(messageMedia.messageId, ids));
}

/** How a user's file is kept among the workspace's files: what an operator could send it back as. */
const STORED_KIND: Record<TelegramMediaKind, MediaKind> = {
  photo: "photo",
  video: "video",
  animation: "video",
  audio: "audio",
  voice: "audio",
  document: "document",
};

const IMAGE_MIME: Record<string, string> = {
  jpg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
};

/** Telegram sends no type for photos (they are JPEGs on Telegram); read it from the bytes to be sure. */
function mimeTypeOf(job: DownloadJob, bytes: Uint8Array): string {
  if (job.mimeType) return job.mimeType;
  if (job.kind === "photo") {
    try {
      const type = imageSize(bytes).type;
      if (type && IMAGE_MIME[type]) return IMAGE_MIME[type];
    } catch {
      // Not an image we know: keep Telegram's usual type.
    }
    return "image/jpeg";
  }
  return "application/octet-stream";
}

const EXTENSION: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/gif": "gif",
  "image/webp": "webp",
  "audio/ogg": "ogg",
  "audio/mpeg": "mp3",
  "video/mp4": "mp4",
};

/** Photos and voice notes have no name on Telegram; give them one a person can recognise. */
function fileNameOf(job: DownloadJob, mimeType: string): string {
  if (job.fileName) return job.fileName;
  const ext = EXTENSION[mimeType];
  return ext ? `${job.kind}.${ext}` : job.kind;
}

/**
 * Stores a downloaded file and names it on the message, in one transaction with the realtime event that
 * makes an open inbox refetch. "stale" when the row is no longer pending (another runtime finished it
 * after this one's lease ran out): nothing is stored.
 */
export async function finishDownload(
  db: Db,
  storage: FileStorage,
  job: DownloadJob,
  bytes: Uint8Array,
): Promise<"stored" | "stale"> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: messageMedia.status })
      .from(messageMedia)
      .where(eq(messageMedia.messageId, job.messageId))
      .for("update");
    if (row?.status !== "pending") return "stale";
    const mimeType = mimeTypeOf(job, bytes);
    const file = await storeFile(tx, storage, {
      workspaceId: job.workspaceId,
      userId: null,
      kind: STORED_KIND[job.kind],
      name: fileNameOf(job, mimeType),
      mimeType,
      bytes,
    });
    await tx.update(messages).set({ fileId: file.fileId }).where(eq(messages.id, job.messageId));
    await tx
      .update(messageMedia)
      .set({ status: "downloaded", downloadedAt: sql`now()`, claimedUntil: null, lastError: null })
      .where(eq(messageMedia.messageId, job.messageId));
    await announce(tx, job);
    return "stored";
  });
}

/** Over Telegram's 20 MB for bots: never tried again; the transcript says so. */
export async function markDownloadTooBig(db: Db, job: DownloadJob, reason: string): Promise<void> {
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(messageMedia)
      .set({ status: "too_big", lastError: redactBotTokens(reason).slice(0, 2000), claimedUntil: null })
      .where(and(eq(messageMedia.messageId, job.messageId), eq(messageMedia.status, "pending")))
      .returning({ id: messageMedia.messageId });
    if (changed.length) await announce(tx, job);
  });
}

/**
 * A download failed. With Telegram's `retry_after` (429) it is tried again then, and that does not count
 * as a failure; otherwise after 2ⁿ seconds, and after MAX_DOWNLOAD_ATTEMPTS failures it is set aside as
 * `failed` with its error. Answers what happened.
 */
export async function recordDownloadFailure(
  db: Db,
  job: DownloadJob,
  error: string,
  options: { retryAfterSeconds?: number } = {},
): Promise<"retry" | "failed"> {
  // A download URL names the token (…/file/bot<token>/…): never stored.
  const lastError = redactBotTokens(error).slice(0, 2000);
  if (options.retryAfterSeconds !== undefined) {
    await db
      .update(messageMedia)
      .set({
        lastError,
        claimedUntil: null,
        nextAttemptAt: sql`now() + ${Math.max(0, options.retryAfterSeconds)} * interval '1 second'`,
      })
      .where(and(eq(messageMedia.messageId, job.messageId), eq(messageMedia.status, "pending")));
    return "retry";
  }
  const attempts = job.attempts + 1;
  if (attempts >= MAX_DOWNLOAD_ATTEMPTS) {
    await db.transaction(async (tx) => {
      const changed = await tx
        .update(messageMedia)
        .set({ status: "failed", attempts, lastError, claimedUntil: null })
        .where(and(eq(messageMedia.messageId, job.messageId), eq(messageMedia.status, "pending")))
        .returning({ id: messageMedia.messageId });
      if (changed.length) await announce(tx, job);
    });
    return "failed";
  }
  const backoff = Math.min(MAX_BACKOFF_SECONDS, 2 ** attempts);
  await db
    .update(messageMedia)
    .set({
      attempts,
      lastError,
      claimedUntil: null,
      nextAttemptAt: sql`now() + ${backoff} * interval '1 second'`,
    })
    .where(and(eq(messageMedia.messageId, job.messageId), eq(messageMedia.status, "pending")));
  return "retry";
}

/** The message changed (its file arrived, or never will): an open inbox refetches it. */
function announce(tx: Executor, job: DownloadJob) {
  return emitRealtime(tx, job.workspaceId, {
    type: "message",
    conversationId: job.conversationId,
    botId: job.botId,
    direction: "in",
  });
}
