// A person sends a file from the app (control route send-media): the input is checked and turned
// into the file the sandbox stores for the bot, with the fields Telegram fills for each kind.
// Bad input is a 400 that names the field, so a test's typo is not mistaken for Telegram behaviour.

import { mimeOf, PHOTO_MAX_BYTES, USER_UPLOAD_MAX_BYTES } from "../bot-api/media-input";
import { ControlError } from "../errors";
import type { FileKind, NewFile } from "../files";
import { imageSize } from "../image-size";
import { type Input, optionalInt, optionalString } from "./input";

export const USER_MEDIA_KINDS: readonly FileKind[] = [
  "photo",
  "document",
  "video",
  "voice",
  "audio",
  "animation",
];

/** Telegram's caption limit for people (1024; 4096 with Premium, not modelled). */
export const USER_CAPTION_MAX = 1024;

/** What an app sends when it knows nothing better about a file of this kind. */
const DEFAULT_MIME: Record<Exclude<FileKind, "photo">, string> = {
  document: "application/octet-stream",
  video: "video/mp4",
  voice: "audio/ogg",
  audio: "audio/mpeg",
  animation: "video/mp4",
};

/** The file's bytes: a Buffer (multipart upload) or a base64 string (JSON). */
function requireData(input: Input): Buffer {
  const raw = input.data;
  let data: Buffer;
  if (Buffer.isBuffer(raw)) data = raw;
  else if (typeof raw === "string") {
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(raw.replace(/\s+/g, "")))
      throw new ControlError(
        400,
        '"data" must be base64 (or send the bytes as a multipart file part "data")',
      );
    data = Buffer.from(raw, "base64");
  } else {
    throw new ControlError(400, '"data" must be the file: a base64 string, or a multipart file part "data"');
  }
  if (data.length === 0)
    throw new ControlError(400, '"data" is empty: Telegram apps do not send empty files');
  if (data.length > USER_UPLOAD_MAX_BYTES) {
    throw new ControlError(
      400,
      `"data" is ${data.length} bytes; Telegram lets people send files of at most 2 GB (${USER_UPLOAD_MAX_BYTES} bytes)`,
    );
  }
  return data;
}

export function requireMediaKind(input: Input): FileKind {
  const kind = input.kind;
  if (typeof kind !== "string" || !USER_MEDIA_KINDS.includes(kind as FileKind)) {
    throw new ControlError(
      400,
      `"kind" must be one of ${USER_MEDIA_KINDS.map((k) => `"${k}"`).join(", ")}, got ${JSON.stringify(kind)}`,
    );
  }
  return kind as FileKind;
}

/** The caption as the app sends it: absent when blank, at most 1024 UTF-16 code units. */
export function optionalUserCaption(input: Input): string | undefined {
  const caption = optionalString(input, "caption");
  if (caption === undefined || caption.trim() === "") return undefined;
  if (caption.length > USER_CAPTION_MAX) {
    throw new ControlError(
      400,
      `"caption" is ${caption.length} characters; Telegram allows captions of at most ${USER_CAPTION_MAX}`,
    );
  }
  return caption;
}

function nonNegative(input: Input, key: string): number | undefined {
  const value = optionalInt(input, key);
  if (value !== undefined && value < 0) throw new ControlError(400, `"${key}" must be 0 or more`);
  return value;
}

/**
 * The file a person's media message carries, before it is stored for a bot. Photos must be images
 * the sandbox can measure (their size comes from the header) and, since the sandbox does not
 * recompress as the app does, at most 10 MB; other kinds take what the input says.
 */
export function userMediaFile(input: Input, kind: FileKind, botId: number): NewFile {
  const data = requireData(input);
  const fileName = optionalString(input, "fileName")?.trim() || undefined;
  const declaredMime = optionalString(input, "mimeType")?.trim().toLowerCase() || undefined;
  if (declaredMime !== undefined && !/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(declaredMime))
    throw new ControlError(
      400,
      `"mimeType" must look like "type/subtype", got ${JSON.stringify(declaredMime)}`,
    );
  if (kind === "photo") {
    const image = imageSize(data);
    if (!image) {
      throw new ControlError(
        400,
        'kind "photo" needs a JPEG, PNG, GIF or WebP image (its size is read from the header); send other files as kind "document"',
      );
    }
    if (data.length > PHOTO_MAX_BYTES) {
      throw new ControlError(
        400,
        `a photo of ${data.length} bytes: the app would compress it, the sandbox does not; send at most ${PHOTO_MAX_BYTES} bytes or use kind "document"`,
      );
    }
    // Telegram keeps no name for photos. (It re-encodes them as JPEG; the sandbox keeps the bytes and
    // their real type, so a download is exactly what was sent.)
    return { kind, botId, data, mimeType: image.mime, width: image.width, height: image.height };
  }
  const mimeType = declaredMime ?? mimeOf(fileName).mimeType ?? DEFAULT_MIME[kind];
  const out: NewFile = { kind, botId, data, mimeType };
  // Voice notes carry no file name in the Bot API.
  if (fileName && kind !== "voice") out.fileName = fileName;
  if (kind === "video" || kind === "animation") {
    out.width = nonNegative(input, "width") ?? 0;
    out.height = nonNegative(input, "height") ?? 0;
  }
  if (kind !== "document") out.duration = nonNegative(input, "duration") ?? 0;
  if (kind === "audio") {
    const performer = optionalString(input, "performer");
    const title = optionalString(input, "title");
    if (performer) out.performer = performer;
    if (title) out.title = title;
  }
  return out;
}
