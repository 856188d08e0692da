import { conversationAssignments, operatorPools, operatorQueue } from "@switchboard/db";
import type { ReleaseReason } from "@switchboard/flow";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../db";
import { notifyRouting } from "../notify";
import { emitRealtime } from "../realtime/emit";
import { cancelIdleClose } from "../routing/idle-close";

interface QueuedConversation {
  id: string;
  workspaceId: string;
  botId: string;
}

/**
 * A Route-to-operator step reached: the conversation joins its bot's queue (oldest first). When the
 * bot has nobody in its operator pool, nobody can take it now: the caller feeds `operator_unavailable`
 * back to the engine. (Presence — online/away — refines "can take it" in the inbox issue.)
 */
export async function enqueueForOperator(
  tx: Executor,
  conversation: QueuedConversation,
  stepId: string,
): Promise<{ available: boolean }> {
  // (Presence — whether anyone is online — decides who gets it, in routing; an empty pool means
  // nobody ever can, so the flow goes on at once.)
  const [pool] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(operatorPools)
    .where(eq(operatorPools.botId, conversation.botId));
  if (!pool || pool.n === 0) return { available: false };
  await tx
    .insert(operatorQueue)
    .values({
      conversationId: conversation.id,
      workspaceId: conversation.workspaceId,
      botId: conversation.botId,
      stepId,
    })
    .onConflictDoNothing({ target: operatorQueue.conversationId });
  await emitRealtime(tx, conversation.workspaceId, { type: "queue", botId: conversation.botId });
  // Routing hands it out right after commit (routing/drain.ts, run by the runtimes).
  await notifyRouting(tx, conversation.workspaceId);
  return { available: true };
}

/**
 * The conversation leaves the queue and its open assignment ends (closed, returned, timed out…): its
 * idle-close timer goes, and the freed slot lets the queue drain.
 */
export async function releaseOperator(tx: Executor, conversation: QueuedConversation, reason: ReleaseReason) {
  const dequeued = await tx
    .delete(operatorQueue)
    .where(eq(operatorQueue.conversationId, conversation.id))
    .returning({ id: operatorQueue.conversationId });
  const ended = await tx
    .update(conversationAssignments)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(
      and(
        eq(conversationAssignments.conversationId, conversation.id),
        isNull(conversationAssignments.endedAt),
      ),
    )
    .returning({ userId: conversationAssignments.operatorUserId });
  await cancelIdleClose(tx, conversation.id);
  if (dequeued.length)
    await emitRealtime(tx, conversation.workspaceId, { type: "queue", botId: conversation.botId });
  if (ended.length) await notifyRouting(tx, conversation.workspaceId);
}
