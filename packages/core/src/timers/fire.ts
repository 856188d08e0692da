import { type TimerRow, timers } from "@switchboard/db";
import type { InboundEvent } from "@switchboard/flow";
import { and, eq, isNull, sql } from "drizzle-orm";
import { type CoreEnv, dispatchEvent } from "../conversations/dispatch";
import { lockConversation } from "../conversations/open";
import type { Db } from "../db";
import { isDomainError } from "../errors";
import { fanOutScheduleRun } from "./schedules";

/**
 * Fires one claimed timer, exactly once: under the chat's lock, the row is re-read and must still be
 * pending; the engine's reaction and the "fired" mark commit together. A timer cancelled or fired by
 * someone else meanwhile is stale.
 */
export async function fireTimer(db: Db, timer: TimerRow, env: CoreEnv): Promise<"fired" | "stale"> {
  if (timer.kind === "schedule") return fanOutScheduleRun(db, timer);
  const conversationId = timer.conversationId;
  if (!conversationId) return "stale";
  try {
    return await db.transaction(async (tx) => {
      const conversation = await lockConversation(tx, conversationId);
      const [row] = await tx
        .select()
        .from(timers)
        .where(and(eq(timers.id, timer.id), isNull(timers.firedAt), isNull(timers.cancelledAt)))
        .for("update");
      if (!row) return "stale";
      const payload = row.payload as { timerId?: string; runAt?: string; kind?: string };
      const event: InboundEvent =
        row.kind === "schedule_run"
          ? { type: "schedule_fired", stepId: row.stepId, runAt: payload.runAt ?? row.fireAt.toISOString() }
          : payload.kind === "idle_close"
            ? { type: "operator_closed", reason: "idle" }
            : { type: "timer", timerId: payload.timerId ?? "", stepId: row.stepId };
      await dispatchEvent(tx, conversation, event, env);
      await tx.update(timers).set({ firedAt: sql`now()` }).where(eq(timers.id, row.id));
      return "fired";
    });
  } catch (err) {
    // The conversation was deleted with its bot: nothing to fire.
    if (isDomainError(err) && err.code === "NOT_FOUND") return "stale";
    throw err;
  }
}
