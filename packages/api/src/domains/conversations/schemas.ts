import {
  conversationStatus,
  deliveryStatus,
  fileKind,
  mediaDownloadStatus,
  messageDirection,
  telegramMediaKind,
} from "@switchboard/db";
import { z } from "zod";

// ---- inputs ----

export const listConversationsInput = z
  .object({
    botId: z.string().uuid().optional(),
    status: z.enum(conversationStatus.enumValues).optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .default({ limit: 100 });
export type ListConversationsInput = z.infer<typeof listConversationsInput>;

export const conversationIdInput = z.object({ id: z.string().uuid() });
export type ConversationIdInput = z.infer<typeof conversationIdInput>;

// ---- outputs ----

export const conversationSummarySchema = z.object({
  id: z.string(),
  botId: z.string(),
  botUsername: z.string(),
  chatId: z.number(),
  /** First and last name. */
  contactName: z.string(),
  contactUsername: z.string().nullable(),
  status: z.enum(conversationStatus.enumValues),
  currentStepId: z.string().nullable(),
  /** The current step as people name it: its title, else its type and a short id (null: no step). */
  currentStepTitle: z.string().nullable(),
  lastMessageAt: z.date().nullable(),
  /** The newest message's text in either direction; null for a message without text. */
  lastMessageText: z.string().nullable(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const listConversationsOutput = z.array(conversationSummarySchema);
export type ListConversationsOutput = z.infer<typeof listConversationsOutput>;

const contactSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string().nullable(),
  username: z.string().nullable(),
  phone: z.string().nullable(),
  /** Null for a contact that did not come from Telegram (a conversation's contact always did). */
  telegramUserId: z.number().nullable(),
});

/** Every kind a transcript's media can be: what we send (files) and what users send (Telegram's fields). */
export const MESSAGE_MEDIA_KINDS = [
  ...new Set([...fileKind.enumValues, ...telegramMediaKind.enumValues]),
] as [(typeof telegramMediaKind.enumValues)[number], ...(typeof telegramMediaKind.enumValues)[number][]];

/**
 * Where a message's file is: `stored` (fileId names it; bytes at the admin's /api/files/<fileId>);
 * a user's file still `pending` download; `too_big` (over the 20 MB Telegram lets bots download: show
 * "File too large to download (Telegram bots can fetch up to 20 MB)"); `failed` (the download gave up).
 */
export const MEDIA_STATES = [
  "stored",
  ...mediaDownloadStatus.enumValues.filter((s) => s !== "downloaded"),
] as ["stored", "pending", "too_big", "failed"];

/** What a media message carries (its stored Bot API call, its stored file, or a user's file), for the transcript. */
export const messageMediaSchema = z.object({
  /** The stored file (files.get); null while a user's file is not (or can't be) downloaded. */
  fileId: z.string().nullable(),
  /** photo, video, audio or document; a user's file may also be a voice note or an animation (GIF). */
  kind: z.enum(MESSAGE_MEDIA_KINDS),
  /** The file's name; null for a user's photo or voice note not downloaded yet (Telegram gives none). */
  name: z.string().nullable(),
  mimeType: z.string().nullable(),
  /** Bytes, when known. */
  size: z.number().nullable(),
  /** Pixels (photos, videos, animations), when known. */
  width: z.number().nullable(),
  height: z.number().nullable(),
  /** Seconds (video, audio, voice, animation), when known. */
  duration: z.number().nullable(),
  state: z.enum(MEDIA_STATES),
});
export type MessageMedia = z.infer<typeof messageMediaSchema>;

export const transcriptMessageSchema = z.object({
  id: z.string(),
  direction: z.enum(messageDirection.enumValues),
  deliveryStatus: z.enum(deliveryStatus.enumValues),
  text: z.string().nullable(),
  /** jsonb: the Telegram update (in) or the Bot API method and parameters (out), passed through as stored. */
  payload: z.unknown(),
  telegramMessageId: z.number().nullable(),
  stepId: z.string().nullable(),
  /** The step that sent it as people name it: its title, else its type and a short id. */
  stepTitle: z.string().nullable(),
  /** The member who wrote it in the inbox (an operator's reply); null for the flow and the user. */
  senderUserId: z.string().nullable(),
  /** That member's name (null when there is none, or the account was deleted). */
  senderName: z.string().nullable(),
  /**
   * The photo, video, audio or document the message carries: an outbound one's (from its stored call),
   * a user's file (with its download `state`; `fileId` once downloaded), or the stored file the message
   * row names (an operator's attachment); null for a text.
   */
  media: messageMediaSchema.nullable(),
  error: z.string().nullable(),
  createdAt: z.date(),
});
export type TranscriptMessage = z.infer<typeof transcriptMessageSchema>;

export const transcriptOutput = z.object({
  conversation: z.object({
    id: z.string(),
    botId: z.string(),
    botUsername: z.string(),
    chatId: z.number(),
    status: z.enum(conversationStatus.enumValues),
    currentStepId: z.string().nullable(),
    /** The current step as people name it (see `currentStepTitle` of the list). */
    currentStepTitle: z.string().nullable(),
    createdAt: z.date(),
    lastMessageAt: z.date().nullable(),
    contact: contactSchema,
    /** The engine's `vars`, which it only ever fills with strings. */
    variables: z.record(z.string(), z.string()),
  }),
  messages: z.array(transcriptMessageSchema),
});
export type TranscriptOutput = z.infer<typeof transcriptOutput>;
