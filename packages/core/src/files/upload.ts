import { createHash, randomUUID } from "node:crypto";
import { files } from "@switchboard/db";
import { type Media, type MediaKind, mediaKindFor, TELEGRAM_UPLOAD_LIMITS } from "@switchboard/flow";
import { imageSize } from "image-size";
import type { Executor } from "../db";
import { invalid, tooLarge } from "../errors";
import type { FileStorage } from "./storage";

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Telegram's photo rules (sendPhoto): width + height at most 10,000, ratio at most 20. */
function checkPhoto(bytes: Uint8Array) {
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    throw invalid("This image can't be read. Upload a JPEG, PNG or WebP file.");
  }
  const { width = 0, height = 0 } = size;
  if (!width || !height) throw invalid("This image has no size. Upload a JPEG, PNG or WebP file.");
  if (width + height > 10_000)
    throw invalid(
      `This photo is ${width}×${height}; Telegram allows width + height up to 10,000 pixels. Resize it or send it as a document.`,
    );
  if (Math.max(width, height) / Math.min(width, height) > 20)
    throw invalid(
      `This photo is ${width}×${height}; Telegram allows a width-to-height ratio of at most 20. Send it as a document.`,
    );
}

/** A file name shown to the user: no folders, no control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (clean || "file").slice(0, 255);
}

export interface UploadInput {
  workspaceId: string;
  userId: string | null;
  name: string;
  mimeType: string;
  bytes: Uint8Array;
  /** Send as a document even if it is an image, video or audio. */
  asDocument?: boolean;
}

/**
 * Stores an upload for a step's media. Telegram's limits are checked here, so the builder shows a clear
 * message and a send never fails for them: photos 10 MB (and Telegram's size rules), other files 50 MB.
 */
export async function saveUpload(db: Executor, storage: FileStorage, input: UploadInput): Promise<Media> {
  const mimeType = input.mimeType.toLowerCase().split(";")[0]!.trim() || "application/octet-stream";
  const kind = mediaKindFor(mimeType, input.asDocument);
  const size = input.bytes.byteLength;
  if (size === 0) throw invalid("The file is empty.");
  const limit = TELEGRAM_UPLOAD_LIMITS[kind];
  if (size > limit)
    throw tooLarge(
      `"${cleanFileName(input.name)}" is ${megabytes(size)}; Telegram accepts a ${kind} of at most ${megabytes(limit)} from bots.`,
    );
  if (kind === "photo") checkPhoto(input.bytes);
  return storeFile(db, storage, { ...input, kind, mimeType });
}

export interface StoreFileInput {
  workspaceId: string;
  userId: string | null;
  kind: MediaKind;
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

/**
 * Puts the bytes in the storage, then records them as a `files` row; no limits checked (the caller's:
 * uploads check what Telegram accepts from bots, a user's file came from Telegram already). The bytes
 * go first so a row never names missing bytes; a crash between the two leaves only unnamed bytes.
 */
export async function storeFile(db: Executor, storage: FileStorage, input: StoreFileInput): Promise<Media> {
  const id = randomUUID();
  const storageKey = `${input.workspaceId}/${id}`;
  await storage.put(storageKey, input.bytes);
  const name = cleanFileName(input.name);
  const size = input.bytes.byteLength;
  await db.insert(files).values({
    id,
    workspaceId: input.workspaceId,
    kind: input.kind,
    name,
    mimeType: input.mimeType,
    size,
    sha256: createHash("sha256").update(input.bytes).digest("hex"),
    storageKey,
    createdBy: input.userId,
  });
  return { fileId: id, kind: input.kind, name, size, mimeType: input.mimeType };
}
