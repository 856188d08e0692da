import { INBOX_STATUSES, INBOX_VIEWS, MAX_SEARCH_LENGTH, MESSAGE_AUTHORS } from "@switchboard/core";
import {
  contactFieldType,
  conversationStatus,
  leadStageKind,
  memberRole,
  presenceStatus,
} from "@switchboard/db";
import { z } from "zod";
import { transcriptMessageSchema, transcriptOutput } from "../conversations/schemas";

// ---- inputs ----

export const conversationInput = z.object({ conversationId: z.string().uuid() });
export type ConversationInput = z.infer<typeof conversationInput>;

export const replyInput = z.object({
  conversationId: z.string().uuid(),
  /**
   * Trimmed by the core; blank (without a file) or over 20,000 characters is refused. Long texts go as
   * several messages; with a file, the text is its caption.
   */
  text: z.string().max(20_000, "The message is longer than 20,000 characters.").default(""),
  /** A file uploaded with `uploadAttachment`: sent as a photo, video, audio or document. */
  fileId: z.string().uuid().optional(),
});
export type ReplyInput = z.infer<typeof replyInput>;

export const returnToBotInput = z.object({
  conversationId: z.string().uuid(),
  /** Continue at this step of the bot's live flow instead of the Route step's `returned` output. */
  stepId: z.string().min(1).max(200).optional(),
});
export type ReturnToBotInput = z.infer<typeof returnToBotInput>;

/** A member's user id (better-auth ids are not UUIDs). */
const userId = z.string().min(1).max(200);

export const inboxListInput = z.object({
  view: z.enum(INBOX_VIEWS),
  /** Contact name, username, phone or message text; case-insensitive; `%` and `_` are plain characters. */
  search: z.string().max(MAX_SEARCH_LENGTH, `Search for at most ${MAX_SEARCH_LENGTH} characters.`).optional(),
  botId: z.string().uuid().optional(),
  limit: z.number().int().min(1).max(100).default(50),
  /** The previous page's `nextCursor`. */
  cursor: z.string().max(500).nullish(),
});
export type InboxListInput = z.infer<typeof inboxListInput>;

export const inboxCountsInput = z.object({ botId: z.string().uuid().optional() }).default({});
export type InboxCountsInput = z.infer<typeof inboxCountsInput>;

export const inboxConversationIdInput = z.object({ id: z.string().uuid() });

export const noteInput = z.object({
  conversationId: z.string().uuid(),
  /** Trimmed; 1–10,000 characters (checked by the core). */
  text: z.string().max(10_000, "A note can have at most 10,000 characters."),
});
export type NoteInput = z.infer<typeof noteInput>;

export const assignInput = z.object({ conversationId: z.string().uuid(), userId });
export type AssignInput = z.infer<typeof assignInput>;

export const inboxBotInput = z.object({ botId: z.string().uuid() });

// ---- outputs ----

const inboxStatus = z.enum(INBOX_STATUSES);
const person = z.object({ id: z.string(), name: z.string() });

export const inboxListItemSchema = z.object({
  id: z.string(),
  bot: z.object({ id: z.string(), username: z.string() }),
  contact: z.object({
    id: z.string(),
    /** First and last name (may be empty: show the username then). */
    name: z.string(),
    username: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  /** `waiting`: in the operator queue; otherwise the conversation's status. */
  status: inboxStatus,
  currentStepId: z.string().nullable(),
  /** Who has it now (an open assignment). */
  assignee: person.nullable(),
  /** Since when it waits in the queue (null when it isn't waiting). */
  waitingSince: z.date().nullable(),
  createdAt: z.date(),
  lastMessageAt: z.date().nullable(),
  lastMessage: z
    .object({
      /** The text (a media message's caption); null for a message without text. */
      text: z.string().nullable(),
      /** in: the user; out: the bot's flow; operator: a member's reply from the inbox. */
      author: z.enum(MESSAGE_AUTHORS),
      /** The message carries a photo, video, audio or document. */
      hasMedia: z.boolean(),
      createdAt: z.date(),
    })
    .nullable(),
  /** The user's messages after the caller's read mark (`inbox.markRead`); all of them before it. */
  unread: z.number(),
});
export type InboxListItem = z.infer<typeof inboxListItemSchema>;

export const inboxListOutput = z.object({
  items: z.array(inboxListItemSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type InboxListOutput = z.infer<typeof inboxListOutput>;

export const inboxCountsOutput = z.object({
  waiting: z.number(),
  mine: z.number(),
  all: z.number(),
  closed: z.number(),
  /** How many of the caller's conversations have unread messages. */
  unreadMine: z.number(),
});
export type InboxCountsOutput = z.infer<typeof inboxCountsOutput>;

export const noteSchema = z.object({
  id: z.string(),
  text: z.string(),
  /** The member who wrote it (null when the account was deleted). */
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.date(),
});
export type NoteOutput = z.infer<typeof noteSchema>;

/** One entry of the conversation's timeline: a message (as in the transcript) or a private note. */
export const timelineItemSchema = z.discriminatedUnion("kind", [
  transcriptMessageSchema.extend({ kind: z.literal("message") }),
  noteSchema.extend({ kind: z.literal("note") }),
]);
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const contactDetailsSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string().nullable(),
  username: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  city: z.string().nullable(),
  /** What the contact told us (Update contact, or an edit). */
  language: z.string().nullable(),
  /** What Telegram reports for the user's app. */
  languageCode: z.string().nullable(),
  telegramUserId: z.number().nullable(),
  tags: z.array(z.string()),
  /** Custom field values by key (also values of fields the workspace removed since). */
  fields: z.record(z.string(), z.string()),
  /** Deep-link / UTM values the contact came with. */
  tracker: z.record(z.string(), z.string()),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  createdAt: z.date(),
  lastSeenAt: z.date(),
});
export type ContactDetails = z.infer<typeof contactDetailsSchema>;

export const inboxConversationDetailsOutput = z.object({
  conversation: transcriptOutput.shape.conversation.omit({ status: true, contact: true }).extend({
    status: inboxStatus,
    waitingSince: z.date().nullable(),
    /** The Route-to-operator step that queued it (while waiting). */
    queueStepId: z.string().nullable(),
    assignee: person.extend({ since: z.date() }).nullable(),
    /** The caller's read mark, and the user's messages after it. */
    readAt: z.date().nullable(),
    unread: z.number(),
    /** The caller is in the bot's operator pool (may take it, or be given it). */
    inMyPool: z.boolean(),
    /** The flow the conversation runs in (Go to flow's target, else the bot's start flow); null: none. */
    flowId: z.string().nullable(),
  }),
  /** Messages and private notes, oldest first. */
  timeline: z.array(timelineItemSchema),
  contact: contactDetailsSchema,
  /** The workspace's custom fields, in order, with this contact's value (null: none). */
  customFields: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      type: z.enum(contactFieldType.enumValues),
      options: z.array(z.string()),
      value: z.string().nullable(),
    }),
  ),
  /** The contact's leads, newest first. */
  leads: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      stageId: z.string(),
      stageName: z.string(),
      stageKind: z.enum(leadStageKind.enumValues),
      ownerUserId: z.string().nullable(),
      ownerName: z.string().nullable(),
      botId: z.string().nullable(),
      conversationId: z.string().nullable(),
      createdAt: z.date(),
      updatedAt: z.date(),
    }),
  ),
  /** The contact's other conversations (with any of the workspace's bots), latest activity first. */
  otherConversations: z.array(
    z.object({
      id: z.string(),
      botId: z.string(),
      botUsername: z.string(),
      status: inboxStatus,
      assignee: person.nullable(),
      createdAt: z.date(),
      lastMessageAt: z.date().nullable(),
    }),
  ),
});
export type InboxConversationDetailsOutput = z.infer<typeof inboxConversationDetailsOutput>;

export const markReadOutput = z.object({ readAt: z.date() });

export const assignableOperatorsOutput = z.array(
  z.object({
    userId: z.string(),
    name: z.string(),
    role: z.enum(memberRole.enumValues),
    /** Effective presence: offline when no browser of theirs was seen for two minutes. */
    presence: z.enum(presenceStatus.enumValues),
    /** Their open conversations of this bot (what `maxParallelChats` caps) and in the workspace. */
    openChats: z.number(),
    openChatsTotal: z.number(),
    maxParallelChats: z.number(),
    canTakeMore: z.boolean(),
    isMe: z.boolean(),
  }),
);
export type AssignableOperatorsOutput = z.infer<typeof assignableOperatorsOutput>;

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
