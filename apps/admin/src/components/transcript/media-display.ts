import type { TranscriptMessage } from "./message-content";

/** A transcript message's media, as `conversations.transcript` and `inbox.conversation` give it. */
export type TranscriptMedia = NonNullable<TranscriptMessage["media"]>;

/** Where the admin serves a stored file (members of its workspace only). */
export const fileUrl = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`;

/**
 * How a message's file is shown: played or shown in place when the browser can (photos, GIFs, videos,
 * audio and voice notes the server kept), a download link for anything else, and a plain line saying
 * why there are no bytes (still downloading, over Telegram's 20 MB bot limit, or given up).
 */
export type MediaDisplay =
  | { kind: "image" | "video" | "audio" | "download"; url: string }
  | { kind: "unavailable"; reason: string };

const PLAYABLE: Partial<Record<TranscriptMedia["kind"], "image" | "video" | "audio">> = {
  photo: "image",
  animation: "video",
  video: "video",
  audio: "audio",
  voice: "audio",
};

export function mediaDisplay(media: TranscriptMedia): MediaDisplay {
  if (media.fileId === null || media.state !== "stored") {
    switch (media.state) {
      case "too_big":
        return {
          kind: "unavailable",
          reason: "File too large to download (Telegram bots can fetch up to 20 MB)",
        };
      case "failed":
        return { kind: "unavailable", reason: "The file couldn't be downloaded from Telegram" };
      default:
        return { kind: "unavailable", reason: "Downloading from Telegram…" };
    }
  }
  return { kind: PLAYABLE[media.kind] ?? "download", url: fileUrl(media.fileId) };
}

/** "2.4 MB": a file's size for people; null when unknown. */
export function formatBytes(size: number | null): string | null {
  if (size === null) return null;
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(size < 10 * 1024 ? 1 : 0)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}
