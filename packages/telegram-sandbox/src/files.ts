// In-memory file storage: uploaded bytes get a file_id / file_unique_id / file_path, so bots
// can re-send by file_id and download via getFile exactly as they would from Telegram.

import { randomBytes } from "node:crypto";

export type FileKind = "photo" | "document";

export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  kind: FileKind;
  filePath: string;
  size: number;
  /** Absent when the bot sent an HTTP URL: the sandbox has no internet to download it. */
  data?: Buffer;
  sourceUrl?: string;
  fileName?: string;
  mimeType?: string;
  width?: number;
  height?: number;
}

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/gif": "gif",
  "image/webp": "webp",
};

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

  add(input: {
    kind: FileKind;
    data?: Buffer;
    sourceUrl?: string;
    fileName?: string;
    mimeType?: string;
  }): StoredFile {
    this.counter += 1;
    const dims = input.data && input.kind === "photo" ? imageSize(input.data) : null;
    const mimeType = dims?.mime ?? input.mimeType;
    const ext = extensionOf(input.fileName) ?? (mimeType ? EXTENSIONS[mimeType] : undefined) ?? "dat";
    const folder = input.kind === "photo" ? "photos" : "documents";
    const file: StoredFile = {
      // Real ids are opaque base64url blobs; a recognisable prefix helps when reading logs.
      fileId: `${input.kind === "photo" ? "AgAC" : "BQAC"}${randomBytes(24).toString("base64url")}`,
      fileUniqueId: `AQAD${randomBytes(6).toString("base64url")}`,
      kind: input.kind,
      filePath: `${folder}/file_${this.counter}.${ext}`,
      size: input.data?.length ?? 0,
      ...(input.data ? { data: input.data } : {}),
      ...(input.sourceUrl ? { sourceUrl: input.sourceUrl } : {}),
      ...(input.fileName ? { fileName: input.fileName } : {}),
      ...(mimeType ? { mimeType } : {}),
      // Unknown formats still get a size: the sandbox accepts any bytes as a photo (see README).
      ...(input.kind === "photo" ? { width: dims?.width ?? 1, height: dims?.height ?? 1 } : {}),
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

/** Reads width/height from PNG, GIF and JPEG headers; null for anything else. */
export function imageSize(buf: Buffer): { width: number; height: number; mime: string } | null {
  if (buf.length >= 24 && buf.readUInt32BE(0) === 0x89504e47) {
    return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), mime: "image/png" };
  }
  if (buf.length >= 10 && buf.toString("latin1", 0, 4) === "GIF8") {
    return { width: buf.readUInt16LE(6), height: buf.readUInt16LE(8), mime: "image/gif" };
  }
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xd8) return jpegSize(buf);
  return null;
}

function jpegSize(buf: Buffer): { width: number; height: number; mime: string } | null {
  let pos = 2;
  while (pos + 9 < buf.length) {
    if (buf[pos] !== 0xff) return null;
    const marker = buf[pos + 1] ?? 0;
    const length = buf.readUInt16BE(pos + 2);
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: buf.readUInt16BE(pos + 5), width: buf.readUInt16BE(pos + 7), mime: "image/jpeg" };
    }
    pos += 2 + length;
  }
  return null;
}
