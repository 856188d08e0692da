import { conversationAssignments, operatorPools, operatorQueue } from "@switchboard/db";
import type { ReleaseReason } from "@switchboard/flow";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../db";

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
  return { available: true };
}

/** The conversation leaves the queue and its open assignment ends (closed, returned, timed out…). */
export async function releaseOperator(tx: Executor, conversationId: string, reason: ReleaseReason) {
  await tx.delete(operatorQueue).where(eq(operatorQueue.conversationId, conversationId));
  await tx
    .update(conversationAssignments)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(
      and(
        eq(conversationAssignments.conversationId, conversationId),
        isNull(conversationAssignments.endedAt),
      ),
    );
}
