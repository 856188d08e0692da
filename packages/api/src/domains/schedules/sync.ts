import { lockBotSchedules, syncBotSchedules } from "@switchboard/core";
import { type Db, timers } from "@switchboard/db";
import { and, eq, isNotNull, isNull } from "drizzle-orm";

/**
 * Makes a bot's pending Schedule runs match its bot, flow and time zone again (the core's
 * syncBotSchedules), after a change made here: publish, rollback, another entry flow, enabled or
 * disabled, a new workspace time zone.
 *
 * Works around a gap in the core: syncBotSchedules inserts a run under the key
 * `schedule:<bot>:<step>:<time>` with ON CONFLICT DO NOTHING ("a run that already happened is never
 * scheduled again"), but a run that was only cancelled keeps its key too. So a bot disabled and enabled
 * again, or a time zone or flow changed and changed back, would never get that run again. A cancelled
 * run that never fired means nothing: it is deleted first (under the core's schedule lock), so the
 * sync can schedule the same time again. Fired runs stay, and are still never repeated. Remove this
 * when the core revives cancelled runs itself.
 */
export async function resyncBotSchedules(db: Db, botId: string) {
  await db.transaction(async (tx) => {
    await lockBotSchedules(tx, botId);
    await tx
      .delete(timers)
      .where(
        and(
          eq(timers.botId, botId),
          eq(timers.kind, "schedule"),
          isNull(timers.firedAt),
          isNotNull(timers.cancelledAt),
        ),
      );
  });
  await syncBotSchedules(db, botId);
}
