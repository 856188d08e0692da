import { timers } from "@switchboard/db";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../db";

/** One idle-close timer per conversation, moved on every message: it fires after that much silence. */
export const idleCloseKey = (conversationId: string) => `idle:${conversationId}`;

interface IdleConversation {
  id: string;
  workspaceId: string;
  botId: string;
  currentStepId: string | null;
}

/**
 * The bot's "dialog close time": a conversation with an operator closes after this many minutes of
 * silence. Called when an operator takes it and on every message either way; a fired or cancelled
 * timer is revived for the new silence.
 */
export async function touchIdleClose(
  tx: Executor,
  conversation: IdleConversation,
  closeAfterMinutes: number,
) {
  if (closeAfterMinutes <= 0) return;
  const fireAt = sql`now() + ${closeAfterMinutes} * interval '1 minute'`;
  await tx
    .insert(timers)
    .values({
      workspaceId: conversation.workspaceId,
      botId: conversation.botId,
      conversationId: conversation.id,
      kind: "conversation",
      key: idleCloseKey(conversation.id),
      stepId: conversation.currentStepId ?? "",
      fireAt,
      payload: { kind: "idle_close" },
    })
    .onConflictDoUpdate({
      target: timers.key,
      set: { fireAt, firedAt: null, cancelledAt: null, claimedUntil: null, attempts: 0, lastError: null },
    });
}

/** The conversation left the operator (closed, returned, ended): no idle close any more. */
export async function cancelIdleClose(tx: Executor, conversationId: string) {
  await tx
    .update(timers)
    .set({ cancelledAt: sql`now()` })
    .where(
      and(eq(timers.key, idleCloseKey(conversationId)), isNull(timers.firedAt), isNull(timers.cancelledAt)),
    );
}
