import { messageMedia, type telegramMediaKind } from "@switchboard/db";
import { sql } from "drizzle-orm";
import { CHANNELS } from "../channels";
import type { Executor } from "../db";

export type TelegramMediaKind = (typeof telegramMediaKind.enumValues)[number];

/**
 * Telegram's Bot API: "For the moment, bots can download files of up to 20MB in size." getFile
 * answers "Bad Request: file is too big" above it.
 */
export const BOT_DOWNLOAD_MAX_BYTES = 20 * 1024 * 1024;

/** Telegram's reference to a file a user sent, as the update carries it (for a photo: its largest size). */
export interface InboundMedia {
  kind: TelegramMediaKind;
  telegramFileId: string;
  telegramFileUniqueId: string;
  /** Bytes, when Telegram said. */
  fileSize: number | null;
  fileName: string | null;
  mimeType: string | null;
  width: number | null;
  height: number | null;
  /** Seconds. */
  duration: number | null;
}

/**
 * Records the file of an inbound message, in the update's transaction: the download is queued durably
 * with the message (a crash after the commit still downloads it), and the runtimes are told at commit.
 * A file Telegram says is over 20 MB is `too_big` at once: bots can't fetch it, so nobody tries.
 */
export async function recordInboundMedia(
  tx: Executor,
  message: { id: string; workspaceId: string; botId: string },
  media: InboundMedia,
): Promise<void> {
  const tooBig = media.fileSize !== null && media.fileSize > BOT_DOWNLOAD_MAX_BYTES;
  await tx.insert(messageMedia).values({
    messageId: message.id,
    workspaceId: message.workspaceId,
    botId: message.botId,
    ...media,
    status: tooBig ? "too_big" : "pending",
  });
  if (!tooBig) await tx.execute(sql`select pg_notify(${CHANNELS.downloads}, ${message.botId})`);
}
