// In-memory file storage: every file a bot sends gets a file_id / file_unique_id / file_path, so
// the bot can re-send it by file_id and download it via getFile as it would from Telegram.
// file_ids belong to the bot that received them (Telegram: "file_id is unique for each
// individual bot and can't be transferred from one bot to another").

import { randomBytes } from "node:crypto";

export type FileKind = "photo" | "document" | "video" | "audio" | "voice" | "animation";

export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  kind: FileKind;
  /** The bot this file_id was issued to. */
  botId: number;
  /**
   * Other bots that got the same message (a person's file in a supergroup). Telegram would give each
   * bot its own file_id; the sandbox shares one and lets each of them use it.
   */
  sharedWith?: Set<number>;
  filePath: string;
  size: number;
  /** Absent when the bot sent an HTTP URL: the sandbox has no internet to download it. */
  data?: Buffer;
  sourceUrl?: string;
  fileName?: string;
  mimeType?: string;
  width?: number;
  height?: number;
  duration?: number;
  performer?: string;
  title?: string;
  /** Photos: every size Telegram keeps of the same picture, smallest first, this one included. */
  photoSizes?: StoredFile[];
}

export type NewFile = Omit<StoredFile, "fileId" | "fileUniqueId" | "filePath" | "size" | "photoSizes">;

/** Prefixes of real file_ids by type, so logs read like Telegram's. */
const ID_PREFIX: Record<FileKind, string> = {
  photo: "AgAC",
  document: "BQAC",
  video: "BAAC",
  audio: "CQAC",
  voice: "AwAC",
  animation: "CgAC",
};

/** Telegram's download folders (file_path) by type. */
const FOLDER: Record<FileKind, string> = {
  photo: "photos",
  document: "documents",
  video: "videos",
  audio: "music",
  voice: "voice",
  animation: "animations",
};

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/gif": "gif",
  "image/webp": "webp",
  "video/mp4": "mp4",
  "audio/mpeg": "mp3",
  "audio/ogg": "oga",
  "application/pdf": "pdf",
  "text/plain": "txt",
};

/** Boxes of the smaller copies Telegram makes of a photo ("s", "m", "x", "y"); the largest is capped at 2560. */
const PHOTO_BOXES = [90, 320, 800, 1280];
const PHOTO_MAX_SIDE = 2560;

/** Whether `botId` may use this file_id (getFile, downloads, re-sending). */
export function fileBelongsTo(file: StoredFile, botId: number): boolean {
  return file.botId === botId || (file.sharedWith?.has(botId) ?? false);
}

export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private counter = 0;

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  getByPath(filePath: string): StoredFile | undefined {
    return this.byPath.get(filePath);
  }

  /** Stores a new file; for a photo, also its smaller copies, and returns the largest size. */
  add(input: NewFile): StoredFile {
    if (input.kind !== "photo") return this.store(input, input.data?.length ?? 0);
    const width = input.width ?? 1;
    const height = input.height ?? 1;
    const longest = Math.max(width, height);
    const largest = Math.min(longest, PHOTO_MAX_SIDE);
    const original = input.data?.length ?? 0;
    const sizes = [...PHOTO_BOXES.filter((box) => box < largest), largest].map((box) => {
      const scale = box / longest;
      const w = Math.max(1, Math.round(width * scale));
      const h = Math.max(1, Math.round(height * scale));
      // The sandbox does not resize: smaller copies report a size in proportion to their area
      // and download as the original bytes.
      const size =
        box === longest ? original : Math.max(1, Math.round((original * w * h) / (width * height)));
      return this.store({ ...input, width: w, height: h }, size);
    });
    for (const size of sizes) size.photoSizes = sizes;
    return sizes[sizes.length - 1] as StoredFile;
  }

  private store(input: NewFile, size: number): StoredFile {
    this.counter += 1;
    const ext =
      extensionOf(input.fileName) ?? (input.mimeType ? EXTENSIONS[input.mimeType] : undefined) ?? "dat";
    const file: StoredFile = {
      ...input,
      // Real ids are opaque base64url blobs; the type prefix helps when reading logs.
      fileId: `${ID_PREFIX[input.kind]}${randomBytes(24).toString("base64url")}`,
      fileUniqueId: `AQAD${randomBytes(6).toString("base64url")}`,
      filePath: `${FOLDER[input.kind]}/file_${this.counter}.${ext}`,
      size,
    };
    this.byId.set(file.fileId, file);
    this.byPath.set(file.filePath, file);
    return file;
  }
}

function extensionOf(fileName: string | undefined): string | undefined {
  const match = fileName?.match(/\.([A-Za-z0-9]{1,8})$/);
  return match?.[1]?.toLowerCase();
}
