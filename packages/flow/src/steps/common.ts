import { z } from "zod";

/** Step and button ids travel inside Telegram callback data (64 bytes), so they stay short. */
export const idSchema = z
  .string()
  .min(1)
  .max(24)
  .regex(/^[A-Za-z0-9_-]+$/, "ids may contain only letters, digits, '_' and '-'");

/** A variable name as written after `vars.` in a template. */
export const variableNameSchema = z
  .string()
  .min(1, "variable name is required")
  .max(64)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "variable names start with a letter and use letters, digits and '_'");

export const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

/** Message text: templates allowed. The 4096 limit is enforced by splitting at send time. */
export const messageTextSchema = z.string().max(20_000, "text is longer than 20,000 characters");

export const aliasSchema = z.string().trim().min(1).max(64);

/** A contact tag: what a marketer types, trimmed; compared case-insensitively. */
export const tagSchema = z.string().trim().min(1, "a tag can't be empty").max(64);
export const tagListSchema = z.array(tagSchema).max(50);

/** The kinds of media a step can send, as Telegram names them (sendPhoto, sendVideo, …). */
export const MEDIA_KINDS = ["photo", "video", "audio", "document"] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/**
 * Telegram's upload limits for bots (Bot API "Sending files"): photos up to 10 MB, everything else
 * up to 50 MB. The builder and the upload endpoint refuse bigger files so a send never fails for it.
 */
export const TELEGRAM_UPLOAD_LIMITS: Record<MediaKind, number> = {
  photo: 10 * 1024 * 1024,
  video: 50 * 1024 * 1024,
  audio: 50 * 1024 * 1024,
  document: 50 * 1024 * 1024,
};

/** The types Telegram takes as photo / video / audio; everything else is sent as a document. */
const MEDIA_KIND_BY_TYPE: Record<string, MediaKind> = {
  "image/jpeg": "photo",
  "image/png": "photo",
  "image/webp": "photo",
  "video/mp4": "video",
  "video/quicktime": "video",
  "video/webm": "video",
  "audio/mpeg": "audio",
  "audio/mp4": "audio",
  "audio/x-m4a": "audio",
  "audio/ogg": "audio",
  "audio/wav": "audio",
  "audio/x-wav": "audio",
  "audio/aac": "audio",
};

/** What a file of this MIME type is sent as (the upload endpoint and the builder decide alike). */
export function mediaKindFor(mimeType: string, asDocument = false): MediaKind {
  if (asDocument) return "document";
  return MEDIA_KIND_BY_TYPE[mimeType.toLowerCase().split(";")[0]!.trim()] ?? "document";
}

/** A file uploaded to Switchboard's storage, attached to a step. The text becomes its caption. */
export const mediaSchema = z.object({
  /** The stored file's id (files table); Telegram's file_id is remembered per bot after the first send. */
  fileId: z.string().uuid(),
  kind: z.enum(MEDIA_KINDS),
  name: z.string().max(255),
  size: z.number().int().nonnegative(),
  mimeType: z.string().max(255).default("application/octet-stream"),
});
export type Media = z.infer<typeof mediaSchema>;

export const DURATION_UNITS = ["minutes", "hours", "days"] as const;
export const durationSchema = z.object({
  amount: z.number().int().min(1).max(100_000),
  unit: z.enum(DURATION_UNITS),
});
export type Duration = z.infer<typeof durationSchema>;

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
export const durationMs = (d: Duration) => d.amount * UNIT_MS[d.unit];

/** "1 day", "15 minutes". */
export const durationLabel = (d: Duration) =>
  `${d.amount} ${d.amount === 1 ? d.unit.replace(/s$/, "") : d.unit}`;
