// Turns a media parameter into a stored file, with Telegram's rules for each way of giving one:
// a multipart upload (size limits, photo decoding), an HTTP URL (Telegram's servers fetch it; the
// sandbox records it without fetching) or a file_id (only the bot's own, of a compatible type).

import { badRequest, Errors } from "../errors";
import { fileBelongsTo, type StoredFile } from "../files";
import type { UploadedFile } from "../http/multipart";
import { imageSize } from "../image-size";
import type { SentMedia } from "../store";
import type { MethodContext } from "./context";
import { compatible, type MediaKindSpec, specOf } from "./media-kinds";

const MB = 1024 * 1024;
/** Telegram's upload limits: photos 10 MB, other files 50 MB; bots can download up to 20 MB. */
export const PHOTO_MAX_BYTES = 10 * MB;
export const UPLOAD_MAX_BYTES = 50 * MB;
export const DOWNLOAD_MAX_BYTES = 20 * MB;
/** What a person may send in the app: "files of up to 2 GB" (4 GB with Premium, not modelled). */
export const USER_UPLOAD_MAX_BYTES = 2000 * MB;
/** sendPhoto: "The photo's width and height must not exceed 10000 in total. Width and height ratio must be at most 20." */
const PHOTO_MAX_SIDES_SUM = 10000;
const PHOTO_MAX_RATIO = 20;

const MIME_BY_EXT: Record<string, string> = {
  pdf: "application/pdf",
  txt: "text/plain",
  csv: "text/csv",
  json: "application/json",
  zip: "application/zip",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  html: "text/html",
  xml: "application/xml",
  mp4: "video/mp4",
  mov: "video/quicktime",
  webm: "video/webm",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  ogg: "audio/ogg",
  oga: "audio/ogg",
  opus: "audio/ogg",
  wav: "audio/wav",
};

export interface ResolvedMedia {
  file: StoredFile;
  source: SentMedia["source"];
}

export function resolveMedia(
  ctx: MethodContext,
  spec: MediaKindSpec,
  input: UploadedFile | string,
): ResolvedMedia {
  if (typeof input !== "string") return { file: fromUpload(ctx, spec, input), source: "upload" };
  const existing = ctx.store.files.get(input);
  if (existing) return { file: fromFileId(ctx, spec, existing), source: "file_id" };
  if (/^https?:\/\//i.test(input)) return { file: fromUrl(ctx, spec, input), source: "url" };
  throw Errors.wrongFileId();
}

function fromFileId(ctx: MethodContext, spec: MediaKindSpec, file: StoredFile): StoredFile {
  // Another bot's file_id is as meaningless to this bot as a made-up one.
  if (!fileBelongsTo(file, ctx.bot.id)) throw Errors.wrongFileId();
  if (!compatible(file.kind, spec.kind))
    throw badRequest(`can't use file of type ${specOf(file.kind).typeName} as ${spec.typeName}`);
  return file;
}

function fromUrl(ctx: MethodContext, spec: MediaKindSpec, url: string): StoredFile {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw Errors.wrongFileId();
  }
  // Telegram's servers fetch the URL; they cannot reach the developer's machine or network.
  if (isPrivateHost(parsed.hostname)) throw badRequest("failed to get HTTP URL content");
  const fileName = decodeURIComponent(parsed.pathname.split("/").pop() ?? "") || undefined;
  return ctx.store.files.add({
    kind: spec.kind,
    botId: ctx.bot.id,
    sourceUrl: url,
    ...(fileName ? { fileName } : {}),
    ...mimeOf(fileName),
    ...attributes(ctx, spec),
  });
}

function fromUpload(ctx: MethodContext, spec: MediaKindSpec, upload: UploadedFile): StoredFile {
  const size = upload.data.length;
  if (size === 0) throw badRequest("file must be non-empty");
  if (spec.kind === "photo" && size > PHOTO_MAX_BYTES) {
    throw badRequest(
      `file of size ${size} bytes is too big for a photo; the maximum size is ${PHOTO_MAX_BYTES} bytes`,
    );
  }
  if (size > UPLOAD_MAX_BYTES) throw Errors.tooLarge();
  const declared =
    upload.contentType && upload.contentType !== "application/octet-stream" ? upload.contentType : undefined;
  const base = {
    kind: spec.kind,
    botId: ctx.bot.id,
    data: upload.data,
    fileName: upload.filename,
    ...(declared ? { mimeType: declared } : mimeOf(upload.filename)),
    ...attributes(ctx, spec),
  };
  if (spec.kind !== "photo") return ctx.store.files.add(base);
  const image = imageSize(upload.data);
  if (!image) throw badRequest("IMAGE_PROCESS_FAILED");
  const { width, height } = image;
  if (
    width + height > PHOTO_MAX_SIDES_SUM ||
    Math.max(width, height) > PHOTO_MAX_RATIO * Math.min(width, height)
  )
    throw badRequest("PHOTO_INVALID_DIMENSIONS");
  // Telegram keeps no name for photos.
  const { fileName: _name, ...photo } = base;
  return ctx.store.files.add({ ...photo, mimeType: image.mime, width, height });
}

/** width/height/duration/performer/title as the method documents them; fixed once the file exists. */
function attributes(ctx: MethodContext, spec: MediaKindSpec): Partial<StoredFile> {
  const out: Partial<StoredFile> = {};
  for (const name of spec.attributes) {
    if (name === "performer" || name === "title") {
      const value = ctx.params.string(name);
      if (value) out[name] = value;
    } else {
      const value = ctx.params.int(name);
      if (value !== undefined) out[name] = Math.max(0, value);
    }
  }
  return out;
}

export function mimeOf(fileName: string | undefined): { mimeType?: string } {
  const ext = fileName?.split(".").pop()?.toLowerCase();
  const mimeType = ext ? MIME_BY_EXT[ext] : undefined;
  return mimeType ? { mimeType } : {};
}

/** Hosts only the local machine or network can reach: no dot, loopback, private and link-local ranges. */
function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host.startsWith("[")) return /^\[(::1?|f[cd]|fe[89ab])/.test(host);
  if (!host.includes(".") || host.endsWith(".localhost") || host.endsWith(".local")) return true;
  const ip = host.match(/^(\d+)\.(\d+)\.\d+\.\d+$/);
  if (!ip) return false;
  const [a, b] = [Number(ip[1]), Number(ip[2])];
  return (
    a === 127 ||
    a === 10 ||
    a === 0 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254)
  );
}
