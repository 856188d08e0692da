import { conversationStatus } from "@switchboard/db";
import { z } from "zod";

// ---- inputs ----

export const conversationInput = z.object({ conversationId: z.string().uuid() });
export type ConversationInput = z.infer<typeof conversationInput>;

export const replyInput = z.object({
  conversationId: z.string().uuid(),
  /** Trimmed by the core; blank or over 20,000 characters is refused. Long texts go as several messages. */
  text: z.string().max(20_000, "The message is longer than 20,000 characters."),
});
export type ReplyInput = z.infer<typeof replyInput>;

export const returnToBotInput = z.object({
  conversationId: z.string().uuid(),
  /** Continue at this step of the bot's live flow instead of the Route step's `returned` output. */
  stepId: z.string().min(1).max(200).optional(),
});
export type ReturnToBotInput = z.infer<typeof returnToBotInput>;

// ---- outputs ----

const contact = { contactName: z.string(), contactUsername: z.string().nullable() };

export const inboxQueueOutput = z.object({
  /** Conversations waiting for an operator, oldest first. */
  waiting: z.array(
    z.object({
      conversationId: z.string(),
      botId: z.string(),
      botUsername: z.string(),
      /** The Route-to-operator step that queued it. */
      stepId: z.string().nullable(),
      waitingSince: z.date(),
      ...contact,
      /** The caller is in the bot's operator pool, so `inbox.take` may succeed. */
      inMyPool: z.boolean(),
    }),
  ),
  /** The caller's own open conversations, oldest assignment first. */
  mine: z.array(
    z.object({
      conversationId: z.string(),
      botId: z.string(),
      botUsername: z.string(),
      assignedAt: z.date(),
      ...contact,
    }),
  ),
});
export type InboxQueueOutput = z.infer<typeof inboxQueueOutput>;

/** The conversation after the action. */
export const inboxConversationOutput = z.object({
  id: z.string(),
  botId: z.string(),
  status: z.enum(conversationStatus.enumValues),
  currentStepId: z.string().nullable(),
  lastMessageAt: z.date().nullable(),
});
export type InboxConversationOutput = z.infer<typeof inboxConversationOutput>;

export const replyOutput = z.object({
  /** How many messages were queued (a long text is split at Telegram's 4,096 characters). */
  queued: z.number(),
});
