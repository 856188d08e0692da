import { notFound, stepLabellerOfVersion } from "@switchboard/core";
import {
  bots,
  contacts,
  conversations,
  fileKind,
  files,
  flowVersions,
  messageMedia,
  messages,
  user,
} from "@switchboard/db";
import { stepLabel, stepLabelIn } from "@switchboard/flow";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { WorkspaceScope } from "../../trpc";
import type { ListConversationsInput, MessageMedia } from "./schemas";

export async function listConversations({ db, workspaceId }: WorkspaceScope, opts: ListConversationsInput) {
  const lastMessage = db
    .select({ text: messages.text })
    .from(messages)
    .where(eq(messages.conversationId, conversations.id))
    .orderBy(desc(messages.createdAt), desc(messages.seq))
    .limit(1);
  // The current step's type and title in the version the conversation runs (only those two fields).
  const currentStep = sql`${flowVersions.compiled}->'steps'->${conversations.currentStepId}`;
  const rows = await db
    .select({
      id: conversations.id,
      botId: conversations.botId,
      botUsername: bots.username,
      chatId: conversations.chatId,
      contactName: sql<string>`trim(${contacts.firstName} || ' ' || coalesce(${contacts.lastName}, ''))`,
      contactUsername: contacts.username,
      status: conversations.status,
      currentStepId: conversations.currentStepId,
      currentStepType: sql<string | null>`${currentStep}->>'type'`,
      currentStepTitleRaw: sql<string | null>`${currentStep}->>'title'`,
      lastMessageAt: conversations.lastMessageAt,
      lastMessageText: sql<string | null>`(${lastMessage})`,
    })
    .from(conversations)
    .innerJoin(bots, eq(bots.id, conversations.botId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .leftJoin(flowVersions, eq(flowVersions.id, conversations.flowVersionId))
    .where(
      and(
        eq(conversations.workspaceId, workspaceId),
        opts.botId ? eq(conversations.botId, opts.botId) : undefined,
        opts.status ? eq(conversations.status, opts.status) : undefined,
      ),
    )
    .orderBy(sql`${conversations.lastMessageAt} desc nulls last`)
    .limit(opts.limit);
  return rows.map(({ currentStepType, currentStepTitleRaw, ...c }) => ({
    ...c,
    currentStepTitle: c.currentStepId
      ? currentStepType
        ? stepLabel({ id: c.currentStepId, type: currentStepType, title: currentStepTitleRaw ?? "" })
        : stepLabelIn({}, c.currentStepId)
      : null,
  }));
}

export async function conversationTranscript({ db, workspaceId }: WorkspaceScope, id: string) {
  const [conversation] = await db
    .select({
      id: conversations.id,
      botId: conversations.botId,
      botUsername: bots.username,
      chatId: conversations.chatId,
      status: conversations.status,
      currentStepId: conversations.currentStepId,
      flowVersionId: conversations.flowVersionId,
      createdAt: conversations.createdAt,
      lastMessageAt: conversations.lastMessageAt,
      contact: {
        id: contacts.id,
        firstName: contacts.firstName,
        lastName: contacts.lastName,
        username: contacts.username,
        phone: contacts.phone,
        telegramUserId: contacts.telegramUserId,
      },
      variables: sql<Record<string, string>>`coalesce(${conversations.state}->'vars', '{}'::jsonb)`,
    })
    .from(conversations)
    .innerJoin(bots, eq(bots.id, conversations.botId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(conversations.id, id), eq(conversations.workspaceId, workspaceId)));
  if (!conversation) throw notFound("Conversation");
  const rows = await db
    .select({
      id: messages.id,
      direction: messages.direction,
      deliveryStatus: messages.deliveryStatus,
      text: messages.text,
      payload: messages.payload,
      telegramMessageId: messages.telegramMessageId,
      stepId: messages.stepId,
      senderUserId: messages.senderUserId,
      senderName: user.name,
      error: messages.error,
      createdAt: messages.createdAt,
      file: {
        id: files.id,
        kind: files.kind,
        name: files.name,
        mimeType: files.mimeType,
        size: files.size,
      },
      // A user's file: Telegram's reference and its download (null for other messages).
      userFile: {
        kind: messageMedia.kind,
        status: messageMedia.status,
        fileName: messageMedia.fileName,
        mimeType: messageMedia.mimeType,
        size: messageMedia.fileSize,
        width: messageMedia.width,
        height: messageMedia.height,
        duration: messageMedia.duration,
      },
    })
    .from(messages)
    .leftJoin(user, eq(user.id, messages.senderUserId))
    .leftJoin(files, and(eq(files.id, messages.fileId), eq(files.workspaceId, workspaceId)))
    .leftJoin(messageMedia, eq(messageMedia.messageId, messages.id))
    .where(eq(messages.conversationId, id))
    .orderBy(asc(messages.createdAt), asc(messages.seq));
  // Steps are named by their titles in the version the conversation runs, never by raw ids.
  const { flowVersionId, ...rest } = conversation;
  const labelOf = await stepLabellerOfVersion(db, flowVersionId);
  return {
    conversation: { ...rest, currentStepTitle: labelOf(rest.currentStepId) },
    messages: rows.map(({ file, userFile, ...m }) => ({
      ...m,
      stepTitle: labelOf(m.stepId),
      media:
        (m.direction === "out" ? mediaOfCall(m.payload, file) : null) ??
        (userFile ? mediaOfUserFile(userFile, file) : null) ??
        (file ? storedMedia(file) : null),
    })),
  };
}

interface StoredFileColumns {
  id: string;
  kind: (typeof fileKind.enumValues)[number];
  name: string;
  mimeType: string;
  size: number;
}

interface UserFileColumns {
  kind: (typeof messageMedia.kind.enumValues)[number];
  status: (typeof messageMedia.status.enumValues)[number];
  fileName: string | null;
  mimeType: string | null;
  size: number | null;
  width: number | null;
  height: number | null;
  duration: number | null;
}

const noDetails = { width: null, height: null, duration: null };

function storedMedia(file: StoredFileColumns): MessageMedia {
  const { id, kind, name, mimeType, size } = file;
  return { fileId: id, kind, name, mimeType, size, ...noDetails, state: "stored" };
}

/**
 * A user's file: what Telegram told about it, with the stored file once downloaded. A download whose
 * file row has since been deleted shows as `failed`: there are no bytes to show.
 */
function mediaOfUserFile(userFile: UserFileColumns, file: StoredFileColumns | null): MessageMedia {
  const stored = userFile.status === "downloaded" ? file : null;
  return {
    fileId: stored?.id ?? null,
    kind: userFile.kind,
    name: userFile.fileName ?? stored?.name ?? null,
    mimeType: userFile.mimeType ?? stored?.mimeType ?? null,
    size: stored?.size ?? userFile.size,
    width: userFile.width,
    height: userFile.height,
    duration: userFile.duration,
    state: userFile.status === "downloaded" ? (stored ? "stored" : "failed") : userFile.status,
  };
}

/** An outbound media call names its file (@switchboard/core's OutboundCall: `{ method, params, media }`). */
const mediaCall = z.object({
  media: z.object({
    fileId: z.string(),
    kind: z.enum(fileKind.enumValues),
    name: z.string(),
    mimeType: z.string().optional(),
    size: z.number().optional(),
  }),
});

function mediaOfCall(payload: unknown, file: StoredFileColumns | null): MessageMedia | null {
  const call = mediaCall.safeParse(payload);
  if (!call.success) return null;
  const { fileId, kind, name, mimeType, size } = call.data.media;
  const same = file?.id === fileId ? file : null;
  return {
    fileId,
    kind,
    name,
    mimeType: same?.mimeType ?? mimeType ?? null,
    size: same?.size ?? size ?? null,
    ...noDetails,
    state: "stored",
  };
}
