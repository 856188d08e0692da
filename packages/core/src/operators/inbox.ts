import {
  bots,
  contacts,
  conversationAssignments,
  conversations,
  files,
  messages,
  operatorQueue,
} from "@switchboard/db";
import type { Media } from "@switchboard/flow";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Actor } from "../actor";
import { type CoreEnv, dispatchEvent } from "../conversations/dispatch";
import { lockConversation } from "../conversations/open";
import type { Db, Executor } from "../db";
import { conflict, forbidden, invalid, notFound, preconditionFailed } from "../errors";
import { conversationLiveFlow, loadBotBehaviour } from "../flows/live-flow";
import { lockRouting } from "../locks";
import { enqueueOutgoing } from "../outbox/enqueue";
import { messageCalls } from "../outbox/telegram-calls";
import { assertCanTakeMore, assignConversation, currentAssignee } from "../routing/assign";
import { touchIdleClose } from "../routing/idle-close";

const contactName = sql<string>`trim(${contacts.firstName} || ' ' || coalesce(${contacts.lastName}, ''))`;

/** Conversations waiting for an operator (oldest first) and the ones the actor has. */
export async function operatorQueueOf(db: Executor, actor: Actor) {
  const waiting = await db
    .select({
      conversationId: operatorQueue.conversationId,
      botId: operatorQueue.botId,
      botUsername: bots.username,
      stepId: operatorQueue.stepId,
      waitingSince: operatorQueue.waitingSince,
      contactName,
      contactUsername: contacts.username,
    })
    .from(operatorQueue)
    .innerJoin(conversations, eq(conversations.id, operatorQueue.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(bots, eq(bots.id, operatorQueue.botId))
    .where(eq(operatorQueue.workspaceId, actor.workspaceId))
    .orderBy(asc(operatorQueue.waitingSince));
  const mine = await db
    .select({
      conversationId: conversationAssignments.conversationId,
      botId: conversations.botId,
      botUsername: bots.username,
      assignedAt: conversationAssignments.assignedAt,
      contactName,
      contactUsername: contacts.username,
    })
    .from(conversationAssignments)
    .innerJoin(conversations, eq(conversations.id, conversationAssignments.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(bots, eq(bots.id, conversations.botId))
    .where(
      and(
        eq(conversationAssignments.workspaceId, actor.workspaceId),
        eq(conversationAssignments.operatorUserId, actor.userId),
        isNull(conversationAssignments.endedAt),
      ),
    )
    .orderBy(asc(conversationAssignments.assignedAt));
  return { waiting, mine };
}

/** Only the operator who has the conversation (or an owner) may answer, close or hand it back. */
async function assertHandles(tx: Executor, actor: Actor, conversationId: string, ownersToo: boolean) {
  const assignee = await currentAssignee(tx, conversationId);
  if (assignee?.userId === actor.userId) return;
  if (ownersToo && actor.role === "owner") return;
  throw forbidden(assignee ? `${assignee.name} has this conversation.` : "Take the conversation first.");
}

function assertWithOperator(status: string) {
  if (status !== "operator") throw preconditionFailed("This conversation is not with an operator now.");
}

/** The workspace's routing lock, then the chat's: the order every assignment change takes them in. */
async function lockForRouting(tx: Executor, actor: Actor, conversationId: string) {
  await lockRouting(tx, actor.workspaceId);
  const conversation = await lockConversation(tx, conversationId, actor.workspaceId);
  assertWithOperator(conversation.status);
  return conversation;
}

/**
 * An operator takes a waiting conversation themselves (routing usually hands it out first): it leaves
 * the queue, within the bot's maximum parallel chats, never to two operators.
 */
export async function takeConversation(db: Db, actor: Actor, conversationId: string, env: CoreEnv) {
  return db.transaction(async (tx) => {
    const conversation = await lockForRouting(tx, actor, conversationId);
    const [queued] = await tx
      .select()
      .from(operatorQueue)
      .where(eq(operatorQueue.conversationId, conversationId));
    if (!queued) {
      const taken = await currentAssignee(tx, conversationId);
      throw conflict(
        taken ? `${taken.name} already took this conversation.` : "This conversation is not waiting.",
      );
    }
    await assertCanTakeMore(tx, conversation, actor.userId);
    return assignConversation(tx, conversation, actor.userId, env);
  });
}

/**
 * Gives the conversation to someone: a waiting one to a chosen operator, or a transfer from the
 * operator who has it. The one who has it, or an owner, may do it; the new operator must be in the
 * bot's pool and below its maximum.
 */
export async function assignConversationTo(
  db: Db,
  actor: Actor,
  conversationId: string,
  toUserId: string,
  env: CoreEnv,
) {
  return db.transaction(async (tx) => {
    const conversation = await lockForRouting(tx, actor, conversationId);
    const assignee = await currentAssignee(tx, conversationId);
    if (assignee?.userId === toUserId) return conversation;
    if (assignee && assignee.userId !== actor.userId && actor.role !== "owner")
      throw forbidden(`${assignee.name} has this conversation; only they or an owner can pass it on.`);
    if (!assignee) {
      const [queued] = await tx
        .select()
        .from(operatorQueue)
        .where(eq(operatorQueue.conversationId, conversationId));
      if (!queued) throw notFound("Waiting conversation");
      if (actor.role !== "owner" && toUserId !== actor.userId)
        throw forbidden("Only an owner can give a waiting conversation to someone else.");
    }
    await assertCanTakeMore(tx, conversation, toUserId, toUserId === actor.userId);
    return assignConversation(tx, conversation, toUserId, env);
  });
}

/** A stored file of the workspace, as the media of a message (NOT_FOUND outside the workspace). */
async function attachmentOf(tx: Executor, actor: Actor, fileId: string): Promise<Media> {
  const [file] = await tx
    .select({
      fileId: files.id,
      kind: files.kind,
      name: files.name,
      size: files.size,
      mimeType: files.mimeType,
    })
    .from(files)
    .where(and(eq(files.id, fileId), eq(files.workspaceId, actor.workspaceId)));
  if (!file) throw notFound("File");
  return file;
}

/**
 * The operator's message, split to Telegram's limit, queued in the conversation's outbox. With a file
 * (uploaded for the reply, `fileId`), it goes as a photo, video, audio or document with the text as
 * its caption (what doesn't fit in a caption follows as messages), and the message row keeps the file.
 */
export async function replyAsOperator(
  db: Db,
  actor: Actor,
  conversationId: string,
  text: string,
  attachment: { fileId?: string | undefined } = {},
) {
  const body = text.trim();
  if (!body && !attachment.fileId) throw invalid("Write a message first.");
  if (body.length > 20_000) throw invalid("The message is longer than 20,000 characters.");
  return db.transaction(async (tx) => {
    const conversation = await lockConversation(tx, conversationId, actor.workspaceId);
    assertWithOperator(conversation.status);
    await assertHandles(tx, actor, conversationId, false);
    const media = attachment.fileId ? await attachmentOf(tx, actor, attachment.fileId) : undefined;
    const calls = messageCalls(conversation.chatId, body, media ? { media } : {});
    await enqueueOutgoing(
      tx,
      conversation,
      calls.map((call) => ({ call, stepId: null, senderUserId: actor.userId })),
    );
    if (media)
      // The media call just queued (under the chat's lock, so no other message of the chat is new).
      await tx
        .update(messages)
        .set({ fileId: media.fileId })
        .where(
          and(
            eq(messages.conversationId, conversationId),
            eq(messages.senderUserId, actor.userId),
            eq(messages.deliveryStatus, "pending"),
            isNull(messages.fileId),
            sql`${messages.payload} -> 'media' ->> 'fileId' = ${media.fileId}`,
          ),
        );
    await tx
      .update(conversations)
      .set({ lastMessageAt: sql`now()` })
      .where(eq(conversations.id, conversationId));
    const behaviour = await loadBotBehaviour(tx, conversation.botId);
    await touchIdleClose(tx, conversation, behaviour?.settings.operator.closeAfterMinutes ?? 0);
    return { queued: calls.length };
  });
}

/** The operator ends the consultation: the "completed" text, status closed. */
export async function closeConversation(db: Db, actor: Actor, conversationId: string, env: CoreEnv) {
  return db.transaction(async (tx) => {
    const conversation = await lockForRouting(tx, actor, conversationId);
    await assertHandles(tx, actor, conversationId, true);
    return (await dispatchEvent(tx, conversation, { type: "operator_closed" }, env)).conversation;
  });
}

/**
 * The operator hands the conversation back to the bot: the flow continues at the Route step's
 * `returned` output, or at a step the operator chose.
 */
export async function returnToBot(
  db: Db,
  actor: Actor,
  conversationId: string,
  targetStepId: string | undefined,
  env: CoreEnv,
) {
  return db.transaction(async (tx) => {
    const conversation = await lockForRouting(tx, actor, conversationId);
    await assertHandles(tx, actor, conversationId, true);
    if (targetStepId) {
      // The flow the conversation is in (a Go to flow step may have moved it out of the entry flow).
      const live = await conversationLiveFlow(tx, conversation);
      if (!live?.flow.steps[targetStepId]) throw invalid(`The bot's flow has no step "${targetStepId}".`);
    }
    const event = targetStepId
      ? { type: "operator_returned" as const, targetStepId }
      : { type: "operator_returned" as const };
    return (await dispatchEvent(tx, conversation, event, env)).conversation;
  });
}
