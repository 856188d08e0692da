import type { InboundMedia } from "@switchboard/core";

/*
 * The file a user's message carries, read from Telegram's Message fields (Bot API: PhotoSize,
 * Document, Video, Voice, Audio, Animation). Kept apart from update-mapping.ts: that module decides
 * what an update means, this one only reads a file reference out of a message.
 */

interface TelegramFile {
  file_id: string;
  file_unique_id: string;
  file_size?: number;
}

export interface TelegramPhotoSize extends TelegramFile {
  width: number;
  height: number;
}

export interface TelegramMediaFile extends TelegramFile {
  file_name?: string;
  mime_type?: string;
  width?: number;
  height?: number;
  duration?: number;
}

/** The media fields of a Message the runtime reads. */
export interface TelegramMediaFields {
  photo?: TelegramPhotoSize[];
  animation?: TelegramMediaFile;
  document?: TelegramMediaFile;
  video?: TelegramMediaFile;
  voice?: TelegramMediaFile;
  audio?: TelegramMediaFile;
}

/**
 * Animation first: Telegram also fills `document` on an animation message (for older clients), and
 * the animation is what the user sent.
 */
const KINDS = ["animation", "video", "voice", "audio", "document"] as const;

/** The message's file, or null when it carries none the runtime keeps (stickers, video notes, ...). */
export function mediaOf(message: TelegramMediaFields): InboundMedia | null {
  if (message.photo?.length) {
    // Sizes come smallest first; the largest is the photo as the user sent it.
    const largest = message.photo.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
    return reference("photo", largest, { width: largest.width, height: largest.height });
  }
  for (const kind of KINDS) {
    const file = message[kind];
    if (file?.file_id) return reference(kind, file, file);
  }
  return null;
}

function reference(
  kind: InboundMedia["kind"],
  file: TelegramFile,
  details: Partial<TelegramMediaFile>,
): InboundMedia {
  return {
    kind,
    telegramFileId: file.file_id,
    telegramFileUniqueId: file.file_unique_id,
    fileSize: numberOrNull(file.file_size),
    fileName: details.file_name || null,
    mimeType: details.mime_type || null,
    width: numberOrNull(details.width),
    height: numberOrNull(details.height),
    duration: numberOrNull(details.duration),
  };
}

function numberOrNull(value: number | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
