import { timers } from "@switchboard/db";
import type { TimerRequest } from "@switchboard/flow";
import { and, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../db";

export const conversationTimerKey = (conversationId: string, timerId: string) =>
  `conv:${conversationId}:${timerId}`;

interface TimerOwner {
  id: string;
  workspaceId: string;
  botId: string;
}

/**
 * Stores the engine's timer requests in the transaction of the event that made them. The fire time is
 * the database's clock (the same clock that decides when a timer is due), so several runtimes with
 * skewed clocks agree. An id the conversation already used is ignored (ids never repeat).
 */
export async function scheduleConversationTimers(
  tx: Executor,
  conversation: TimerOwner,
  requests: TimerRequest[],
) {
  if (requests.length === 0) return;
  await tx
    .insert(timers)
    .values(
      requests.map((r) => ({
        workspaceId: conversation.workspaceId,
        botId: conversation.botId,
        conversationId: conversation.id,
        kind: "conversation" as const,
        key: conversationTimerKey(conversation.id, r.id),
        stepId: r.stepId,
        fireAt: sql`now() + ${Math.max(0, Math.round(r.delayMs))} * interval '1 millisecond'`,
        payload: { timerId: r.id },
      })),
    )
    .onConflictDoNothing({ target: timers.key });
}

/** The engine no longer wants these timers (the user answered, the step was left). */
export async function cancelConversationTimers(tx: Executor, conversationId: string, timerIds: string[]) {
  if (timerIds.length === 0) return;
  await tx
    .update(timers)
    .set({ cancelledAt: sql`now()` })
    .where(
      and(
        inArray(
          timers.key,
          timerIds.map((id) => conversationTimerKey(conversationId, id)),
        ),
        isNull(timers.firedAt),
        isNull(timers.cancelledAt),
      ),
    );
}
