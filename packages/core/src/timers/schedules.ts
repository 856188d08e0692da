import { bots, type TimerRow, timers, workspaces } from "@switchboard/db";
import { type CompiledStep, nextScheduleRun, type ScheduleConfig } from "@switchboard/flow";
import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db, Executor } from "../db";
import { loadBotBehaviour } from "../flows/live-flow";
import { lockBotSchedules } from "../locks";
import { notifyTimers } from "../notify";

type ScheduleStep = Extract<CompiledStep, { type: "schedule" }>;

export const scheduleTimerKey = (botId: string, stepId: string, runAt: Date) =>
  `schedule:${botId}:${stepId}:${runAt.toISOString()}`;
export const scheduleRunKey = (scheduleTimerId: string, conversationId: string) =>
  `run:${scheduleTimerId}:${conversationId}`;

/** What a pending run was computed from: when it changes (edit, republish, time zone), the run is redone. */
const signatureOf = (config: Pick<ScheduleConfig, "startAt" | "repeat">, timeZone: string) =>
  JSON.stringify([config.startAt, config.repeat, timeZone]);

async function scheduleContext(tx: Executor, botId: string) {
  const [bot] = await tx
    .select({ enabled: bots.enabled, workspaceId: bots.workspaceId, timeZone: workspaces.timeZone })
    .from(bots)
    .innerJoin(workspaces, eq(workspaces.id, bots.workspaceId))
    .where(eq(bots.id, botId));
  if (!bot) return null;
  const behaviour = await loadBotBehaviour(tx, botId);
  const steps = bot.enabled
    ? Object.values(behaviour?.published?.flow.steps ?? {}).filter(
        (s): s is ScheduleStep => s.type === "schedule",
      )
    : [];
  return { ...bot, steps };
}

async function insertRun(
  tx: Executor,
  input: { workspaceId: string; botId: string; stepId: string; at: Date; signature: string },
) {
  // The run's own time: fire_at may be later (a runtime was down), the next run counts from this.
  const payload = { signature: input.signature, runAt: input.at.toISOString() };
  await tx
    .insert(timers)
    .values({
      workspaceId: input.workspaceId,
      botId: input.botId,
      kind: "schedule",
      key: scheduleTimerKey(input.botId, input.stepId, input.at),
      stepId: input.stepId,
      fireAt: input.at,
      payload,
    })
    // A run that already happened (same step, same time) is never scheduled again; one that was
    // cancelled without firing (bot disabled, step removed or edited) is scheduled again.
    .onConflictDoUpdate({
      target: timers.key,
      set: { payload, cancelledAt: null, claimedUntil: null, attempts: 0, lastError: null },
      setWhere: sql`${timers.firedAt} is null and ${timers.cancelledAt} is not null`,
    });
}

/**
 * Makes a bot's pending schedule runs match its live flow: one next run per Schedule step, computed in
 * the workspace's time zone; runs of removed or changed steps are cancelled. Idempotent; called when a
 * runtime starts a bot and whenever the bot or its flow changes.
 */
export async function syncBotSchedules(db: Db, botId: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await lockBotSchedules(tx, botId);
    const ctx = await scheduleContext(tx, botId);
    if (!ctx) return;
    const pending = await tx
      .select()
      .from(timers)
      .where(
        and(
          eq(timers.botId, botId),
          eq(timers.kind, "schedule"),
          isNull(timers.firedAt),
          isNull(timers.cancelledAt),
        ),
      );
    const wanted = new Map(ctx.steps.map((s) => [s.id, signatureOf(s.config, ctx.timeZone)]));
    const kept = new Set<string>();
    for (const p of pending) {
      if (wanted.get(p.stepId) === (p.payload as { signature?: string }).signature && !kept.has(p.stepId))
        kept.add(p.stepId);
      else await tx.update(timers).set({ cancelledAt: sql`now()` }).where(eq(timers.id, p.id));
    }
    let added = false;
    for (const step of ctx.steps) {
      if (kept.has(step.id)) continue;
      const [last] = await tx
        .select({ fireAt: timers.fireAt })
        .from(timers)
        .where(
          and(
            eq(timers.botId, botId),
            eq(timers.kind, "schedule"),
            eq(timers.stepId, step.id),
            isNotNull(timers.firedAt),
          ),
        )
        .orderBy(desc(timers.fireAt))
        .limit(1);
      const after = last && last.fireAt > now ? last.fireAt : now;
      const at = nextScheduleRun(step.config, after, ctx.timeZone);
      if (!at) continue;
      await insertRun(tx, {
        workspaceId: ctx.workspaceId,
        botId,
        stepId: step.id,
        at,
        signature: wanted.get(step.id)!,
      });
      added = true;
    }
    if (added) await notifyTimers(tx, botId);
  });
}

/**
 * A schedule run is due: every conversation of the bot subscribed at the step (waiting there, with the
 * bot) gets its own `schedule_run` timer — one per conversation per run, by key, so a crash or a second
 * runtime can't send twice — and the next run is scheduled. Runs in one transaction.
 */
export async function fanOutScheduleRun(db: Db, timer: TimerRow): Promise<"fired" | "stale"> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(timers)
      .where(and(eq(timers.id, timer.id), isNull(timers.firedAt), isNull(timers.cancelledAt)))
      .for("update");
    if (!row) return "stale";
    const ctx = await scheduleContext(tx, row.botId);
    const step = ctx?.steps.find((s) => s.id === row.stepId);
    const signature = step && ctx ? signatureOf(step.config, ctx.timeZone) : null;
    if (!ctx || !step || signature !== (row.payload as { signature?: string }).signature) {
      await tx.update(timers).set({ cancelledAt: sql`now()` }).where(eq(timers.id, row.id));
      return "stale";
    }
    const payload = row.payload as { runAt?: string };
    const runAt = payload.runAt ?? row.fireAt.toISOString();
    const reached = await tx.execute(sql`
      insert into ${timers} (workspace_id, bot_id, conversation_id, kind, key, step_id, fire_at, payload)
      select c.workspace_id, c.bot_id, c.id, 'schedule_run', 'run:' || ${row.id} || ':' || c.id, ${row.stepId}, now(),
             jsonb_build_object('runAt', ${runAt}::text, 'scheduleTimerId', ${row.id}::text)
      from conversations c
      where c.bot_id = ${row.botId} and c.current_step_id = ${row.stepId} and c.status = 'bot'
        and (c.state->>'waiting')::boolean
      on conflict (key) do nothing
      returning id`);
    const subscribers = (reached as unknown as unknown[]).length;
    await tx
      .update(timers)
      .set({ firedAt: sql`now()`, payload: { ...row.payload, subscribers } })
      .where(eq(timers.id, row.id));
    // Runs missed while every runtime was down are not all sent in a burst: one catch-up, then on time.
    const next = nextScheduleRun(
      step.config,
      new Date(Math.max(Date.parse(runAt), Date.now())),
      ctx.timeZone,
    );
    if (next)
      await insertRun(tx, {
        workspaceId: ctx.workspaceId,
        botId: row.botId,
        stepId: row.stepId,
        at: next,
        signature,
      });
    await notifyTimers(tx, row.botId);
    return "fired";
  });
}

export interface ScheduleRunInfo {
  botId: string;
  stepId: string;
  lastRunAt: Date | null;
  /** Conversations the last run reached. */
  lastRunReached: number | null;
  nextRunAt: Date | null;
}

/** Last and next run of every Schedule step of the bots that run a flow (for the builder). */
export async function scheduleRunsOfFlow(
  db: Executor,
  workspaceId: string,
  flowId: string,
): Promise<ScheduleRunInfo[]> {
  const rows = await db.execute(sql`
    select t.bot_id, t.step_id,
      max(t.fire_at) filter (where t.fired_at is not null) as last_run_at,
      min(t.fire_at) filter (where t.fired_at is null and t.cancelled_at is null) as next_run_at,
      (array_agg((t.payload->>'subscribers')::int order by t.fire_at desc) filter (where t.fired_at is not null))[1] as last_reached
    from ${timers} t join ${bots} b on b.id = t.bot_id
    where t.kind = 'schedule' and b.workspace_id = ${workspaceId} and b.entry_flow_id = ${flowId}
    group by t.bot_id, t.step_id`);
  return (rows as unknown as Record<string, unknown>[]).map((r) => ({
    botId: String(r.bot_id),
    stepId: String(r.step_id),
    lastRunAt: r.last_run_at ? new Date(r.last_run_at as string) : null,
    lastRunReached: r.last_reached === null || r.last_reached === undefined ? null : Number(r.last_reached),
    nextRunAt: r.next_run_at ? new Date(r.next_run_at as string) : null,
  }));
}
