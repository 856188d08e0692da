import {
  MEDIA_KINDS,
  type Media,
  type MediaKind,
  mediaKindFor,
  TELEGRAM_UPLOAD_LIMITS,
} from "@switchboard/flow";

/*
 * Checks made in the browser before uploading a step's media, so a file Telegram would refuse never
 * travels: the server (POST /api/files) checks again and has the last word.
 */

export const MEDIA_KIND_LABELS: Record<MediaKind, string> = {
  photo: "Photo",
  video: "Video",
  audio: "Audio",
  document: "Document",
};

/** What a file will be sent as (the same rule as the server's). */
export const expectedMediaKind = (mimeType: string, asDocument: boolean): MediaKind =>
  mediaKindFor(mimeType, asDocument);

/** "980 B", "12.5 KB", "3.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.round(kb * 10) / 10} KB`;
  return `${Math.round((kb / 1024) * 10) / 10} MB`;
}

/** Why this file can't be a step's media, or null when it may be uploaded. */
export function uploadLimitError(
  file: { name: string; size: number; type: string },
  asDocument: boolean,
): string | null {
  if (file.size === 0) return "The file is empty.";
  const kind = expectedMediaKind(file.type, asDocument);
  const limit = TELEGRAM_UPLOAD_LIMITS[kind];
  if (file.size <= limit) return null;
  const hint = kind === "photo" ? " Send it as a document (up to 50 MB) or make it smaller." : "";
  return `"${file.name}" is ${formatBytes(file.size)}; Telegram accepts a ${kind} of at most ${formatBytes(limit)} from bots.${hint}`;
}

const isMedia = (v: unknown): v is Media => {
  const m = v as Partial<Media> | null;
  return (
    !!m &&
    typeof m.fileId === "string" &&
    typeof m.name === "string" &&
    typeof m.size === "number" &&
    typeof m.mimeType === "string" &&
    (MEDIA_KINDS as readonly string[]).includes(m.kind as string)
  );
};

/** The upload endpoint's answer: the stored file's media, or the message to show. */
export function readUploadAnswer(status: number, body: unknown): { media: Media } | { error: string } {
  const error = (body as { error?: unknown } | null)?.error;
  if (status >= 200 && status < 300 && isMedia(body)) {
    const { fileId, kind, name, size, mimeType } = body;
    return { media: { fileId, kind, name, size, mimeType } };
  }
  if (typeof error === "string" && error.trim()) return { error };
  if (status === 401) return { error: "Your session has ended. Sign in again to upload." };
  if (status === 413) return { error: "The file is too large to upload." };
  // Without an upload route, Next.js answers a multipart POST as an unknown server action (409) or 404/405.
  if (status === 404 || status === 405 || status === 409)
    return { error: "This server doesn't take uploads yet (no /api/files route)." };
  return { error: `The upload failed (${status || "no answer"}). Try again.` };
}
