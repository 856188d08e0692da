/** Uploads a reply's file to the admin (`/api/files/attachment`); answers its id or throws the server's sentence. */
export interface UploadedFile {
  fileId: string;
  kind: "photo" | "video" | "audio" | "document";
  name: string;
  size: number;
  mimeType: string;
}

export async function uploadAttachment(file: File, asDocument: boolean): Promise<UploadedFile> {
  const form = new FormData();
  form.append("file", file);
  if (asDocument) form.append("asDocument", "1");
  let res: Response;
  try {
    res = await fetch("/api/files/attachment", { method: "POST", body: form });
  } catch {
    throw new Error("Can't reach the server. Check your connection and try again.");
  }
  const body = (await res.json().catch(() => null)) as (UploadedFile & { error?: string }) | null;
  if (!res.ok || !body || body.error)
    throw new Error(body?.error ?? `The upload failed (HTTP ${res.status}).`);
  return body;
}

const MB = 1024 * 1024;
const PHOTO_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);

/** Checked before uploading, with Telegram's limits (the server checks again). */
export function attachmentProblem(file: { size: number; type: string }, asDocument: boolean): string | null {
  if (file.size === 0) return "The file is empty.";
  const photo = !asDocument && PHOTO_TYPES.has(file.type);
  if (photo && file.size > 10 * MB) return "Photos can be at most 10 MB. Send it as a file instead.";
  if (file.size > 50 * MB) return "The file is larger than 50 MB, the most a Telegram bot can send.";
  return null;
}

/** "2.4 MB", "830 KB". */
export function fileSize(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
