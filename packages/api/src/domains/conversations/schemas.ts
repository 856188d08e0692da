import { conversationStatus, deliveryStatus, fileKind, messageDirection } from "@switchboard/db";
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

/** What a media message carries (its stored Bot API call, or its stored file), for the transcript. */
export const messageMediaSchema = z.object({
  /** The stored file (files.get). */
  fileId: z.string(),
  kind: z.enum(fileKind.enumValues),
  name: z.string(),
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
  /** The member who wrote it in the inbox (an operator's reply); null for the flow and the user. */
  senderUserId: z.string().nullable(),
  /** That member's name (null when there is none, or the account was deleted). */
  senderName: z.string().nullable(),
  /**
   * The photo, video, audio or document the message carries: an outbound one's (from its stored call),
   * or the stored file the message row names (`fileId`: an operator's attachment, a user's file); null for a text.
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
    createdAt: z.date(),
    lastMessageAt: z.date().nullable(),
    contact: contactSchema,
    /** The engine's `vars`, which it only ever fills with strings. */
    variables: z.record(z.string(), z.string()),
  }),
  messages: z.array(transcriptMessageSchema),
});
export type TranscriptOutput = z.infer<typeof transcriptOutput>;
