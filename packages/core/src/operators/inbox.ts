import { bots, contacts, conversationAssignments, conversations, operatorQueue, user } from "@switchboard/db";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Actor } from "../actor";
import { type CoreEnv, dispatchEvent } from "../conversations/dispatch";
import { lockConversation } from "../conversations/open";
import type { Db, Executor } from "../db";
import { conflict, forbidden, invalid, preconditionFailed } from "../errors";
import { loadBotBehaviour } from "../flows/live-flow";
import { lockOperatorChats } from "../locks";
import { enqueueOutgoing } from "../outbox/enqueue";
import { messageCalls } from "../outbox/telegram-calls";
import { isInOperatorPool } from "./pools";

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

async function openAssignment(tx: Executor, conversationId: string) {
  const [row] = await tx
    .select({ operatorUserId: conversationAssignments.operatorUserId, name: user.name })
    .from(conversationAssignments)
    .innerJoin(user, eq(user.id, conversationAssignments.operatorUserId))
    .where(
      and(
        eq(conversationAssignments.conversationId, conversationId),
        isNull(conversationAssignments.endedAt),
      ),
    );
  return row ?? null;
}

/** Only the operator who has the conversation (or an owner) may answer, close or hand it back. */
async function assertHandles(tx: Executor, actor: Actor, conversationId: string, ownersToo: boolean) {
  const assignment = await openAssignment(tx, conversationId);
  if (assignment?.operatorUserId === actor.userId) return;
  if (ownersToo && actor.role === "owner") return;
  throw forbidden(assignment ? `${assignment.name} has this conversation.` : "Take the conversation first.");
}

function assertWithOperator(status: string) {
  if (status !== "operator") throw preconditionFailed("This conversation is not with an operator now.");
}

/**
 * An operator takes a waiting conversation: it leaves the queue, the operator gets it (never two: the
 * queue row is locked and an open assignment is unique), within the bot's maximum parallel chats, and
 * the engine sends the "connected" texts.
 */
export async function takeConversation(db: Db, actor: Actor, conversationId: string, env: CoreEnv) {
  return db.transaction(async (tx) => {
    const conversation = await lockConversation(tx, conversationId, actor.workspaceId);
    assertWithOperator(conversation.status);
    const [queued] = await tx
      .select()
      .from(operatorQueue)
      .where(eq(operatorQueue.conversationId, conversationId))
      .for("update");
    if (!queued) {
      const taken = await openAssignment(tx, conversationId);
      throw conflict(
        taken ? `${taken.name} already took this conversation.` : "This conversation is not waiting.",
      );
    }
    if (!(await isInOperatorPool(tx, conversation.botId, actor.userId)))
      throw forbidden("Join this bot's operators to take its conversations.");
    await lockOperatorChats(tx, conversation.botId, actor.userId);
    const behaviour = await loadBotBehaviour(tx, conversation.botId);
    const max = behaviour?.settings.operator.maxParallelChats ?? 5;
    const [active] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(conversationAssignments)
      .innerJoin(conversations, eq(conversations.id, conversationAssignments.conversationId))
      .where(
        and(
          eq(conversationAssignments.operatorUserId, actor.userId),
          isNull(conversationAssignments.endedAt),
          eq(conversations.botId, conversation.botId),
        ),
      );
    if ((active?.n ?? 0) >= max)
      throw conflict(`You already have ${max} conversations of this bot, its maximum. Close one first.`);
    await tx.delete(operatorQueue).where(eq(operatorQueue.conversationId, conversationId));
    await tx.insert(conversationAssignments).values({
      workspaceId: actor.workspaceId,
      conversationId,
      operatorUserId: actor.userId,
    });
    const [me] = await tx.select({ name: user.name }).from(user).where(eq(user.id, actor.userId));
    const result = await dispatchEvent(
      tx,
      conversation,
      { type: "operator_joined", operatorName: me?.name ?? "" },
      env,
    );
    return result.conversation;
  });
}

/** The operator's message, split to Telegram's limit, queued in the conversation's outbox. */
export async function replyAsOperator(db: Db, actor: Actor, conversationId: string, text: string) {
  const body = text.trim();
  if (!body) throw invalid("Write a message first.");
  if (body.length > 20_000) throw invalid("The message is longer than 20,000 characters.");
  return db.transaction(async (tx) => {
    const conversation = await lockConversation(tx, conversationId, actor.workspaceId);
    assertWithOperator(conversation.status);
    await assertHandles(tx, actor, conversationId, false);
    const calls = messageCalls(conversation.chatId, body);
    await enqueueOutgoing(
      tx,
      conversation,
      calls.map((call) => ({ call, stepId: null, senderUserId: actor.userId })),
    );
    await tx
      .update(conversations)
      .set({ lastMessageAt: sql`now()` })
      .where(eq(conversations.id, conversationId));
    return { queued: calls.length };
  });
}

/** The operator ends the consultation: the "completed" text, status closed. */
export async function closeConversation(db: Db, actor: Actor, conversationId: string, env: CoreEnv) {
  return db.transaction(async (tx) => {
    const conversation = await lockConversation(tx, conversationId, actor.workspaceId);
    assertWithOperator(conversation.status);
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
    const conversation = await lockConversation(tx, conversationId, actor.workspaceId);
    assertWithOperator(conversation.status);
    await assertHandles(tx, actor, conversationId, true);
    if (targetStepId) {
      const behaviour = await loadBotBehaviour(tx, conversation.botId);
      if (!behaviour?.published?.flow.steps[targetStepId])
        throw invalid(`The bot's flow has no step "${targetStepId}".`);
    }
    const event = targetStepId
      ? { type: "operator_returned" as const, targetStepId }
      : { type: "operator_returned" as const };
    return (await dispatchEvent(tx, conversation, event, env)).conversation;
  });
}
