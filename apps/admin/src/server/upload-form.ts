/*
 * The step-media upload route's request handling that needs no database: the early size check on
 * Content-Length and reading the multipart form (`file`, optional `asDocument`).
 */

/** Telegram's 50 MB for bots, plus room for the multipart envelope. */
export const MAX_UPLOAD_BODY_BYTES = 51 * 1024 * 1024;
/** The file itself: Telegram's limit for anything a bot sends (photos are checked at 10 MB later). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export const TOO_LARGE_MESSAGE = "The file is larger than 50 MB, the most a Telegram bot can send.";

/** True when the request says its body is over the limit (no header: decided after reading). */
export function bodyTooLarge(headers: Headers): boolean {
  const length = headers.get("content-length");
  if (!length || !/^\d+$/.test(length.trim())) return false;
  return Number(length) > MAX_UPLOAD_BODY_BYTES;
}

export type UploadForm =
  | { ok: true; file: File; name: string; mimeType: string; asDocument: boolean }
  | { ok: false; status: 400 | 413; error: string };

const TRUE = new Set(["1", "true", "on", "yes"]);

/** The uploaded file and how to send it, or why the form can't be used. */
export function readUploadForm(form: FormData): UploadForm {
  const file = form.get("file");
  if (!file || typeof file === "string")
    return { ok: false, status: 400, error: "Choose a file to upload (form field “file”)." };
  if (file.size === 0) return { ok: false, status: 400, error: "The file is empty." };
  if (file.size > MAX_FILE_BYTES) return { ok: false, status: 413, error: TOO_LARGE_MESSAGE };
  const asDocument = TRUE.has(
    String(form.get("asDocument") ?? "")
      .trim()
      .toLowerCase(),
  );
  const name = file.name?.trim() || "file";
  return { ok: true, file, name, mimeType: file.type || "application/octet-stream", asDocument };
}
