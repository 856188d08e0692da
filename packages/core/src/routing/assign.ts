import { bots, type ConversationRow, conversationAssignments, operatorQueue, user } from "@switchboard/db";
import { and, eq, isNull, sql } from "drizzle-orm";
import { parseBotSettings } from "../bot-settings";
import { type CoreEnv, dispatchEvent } from "../conversations/dispatch";
import type { Executor } from "../db";
import { conflict, forbidden } from "../errors";
import { notifyRouting } from "../notify";
import { isInOperatorPool } from "../operators/pools";
import { emitRealtime } from "../realtime/emit";
import { touchIdleClose } from "./idle-close";
import { activeChatsOfBot } from "./state";

/** The conversation's operator right now, if any. */
export async function currentAssignee(tx: Executor, conversationId: string) {
  const [row] = await tx
    .select({ userId: conversationAssignments.operatorUserId, name: user.name })
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

/**
 * Checks that `userId` may get one more conversation of this bot: in its pool, and below the bot's
 * maximum parallel chats (their open conversations of this bot).
 */
export async function assertCanTakeMore(
  tx: Executor,
  conversation: ConversationRow,
  userId: string,
  self = true,
) {
  if (!(await isInOperatorPool(tx, conversation.botId, userId)))
    throw forbidden("Join this bot's operators to take its conversations.");
  const [bot] = await tx
    .select({ settings: bots.settings })
    .from(bots)
    .where(eq(bots.id, conversation.botId));
  const max = parseBotSettings(bot?.settings).operator.maxParallelChats;
  const active = await activeChatsOfBot(tx, conversation.workspaceId, userId, conversation.botId);
  if (active >= max)
    throw conflict(
      self
        ? `You already have ${max} conversations of this bot, its maximum. Close one first.`
        : `They already have ${max} conversations of this bot, its maximum.`,
    );
}

/**
 * Gives a conversation to an operator: out of the queue (or away from the operator who had it), a new
 * assignment, the "connected" texts through the engine, the dialog-close timer, and the live events.
 * The caller holds the workspace's routing lock and the chat's lock, and has checked the capacity.
 */
export async function assignConversation(
  tx: Executor,
  conversation: ConversationRow,
  userId: string,
  env: CoreEnv,
): Promise<ConversationRow> {
  await tx.delete(operatorQueue).where(eq(operatorQueue.conversationId, conversation.id));
  const ended = await tx
    .update(conversationAssignments)
    .set({ endedAt: sql`now()`, endReason: "transferred" })
    .where(
      and(
        eq(conversationAssignments.conversationId, conversation.id),
        isNull(conversationAssignments.endedAt),
      ),
    )
    .returning({ userId: conversationAssignments.operatorUserId });
  await tx.insert(conversationAssignments).values({
    workspaceId: conversation.workspaceId,
    conversationId: conversation.id,
    operatorUserId: userId,
  });
  const [operator] = await tx.select({ name: user.name }).from(user).where(eq(user.id, userId));
  const result = await dispatchEvent(
    tx,
    conversation,
    { type: "operator_joined", operatorName: operator?.name ?? "" },
    env,
  );
  const closeAfter = (result.settings ?? parseBotSettings(undefined)).operator.closeAfterMinutes;
  await touchIdleClose(tx, result.conversation, closeAfter);
  await emitRealtime(tx, conversation.workspaceId, {
    type: "conversation",
    conversationId: conversation.id,
    botId: conversation.botId,
    status: result.conversation.status,
    assigneeId: userId,
  });
  await emitRealtime(tx, conversation.workspaceId, { type: "queue", botId: conversation.botId });
  // A transfer frees a slot of the operator who had it.
  if (ended.length) await notifyRouting(tx, conversation.workspaceId);
  return result.conversation;
}
