import { sql } from "drizzle-orm";
import { DEFAULT_MESSAGES_PER_SECOND, MAX_MESSAGES_PER_SECOND } from "../bot-settings";
import type { Executor } from "../db";

/** A block of a bot's send slots: `count` sends, `intervalMs` apart from `firstAt` (database clock, ms). */
export interface ReservedSendSlots {
  firstAt: number;
  intervalMs: number;
  count: number;
  /** The database's clock at the reservation, so the caller can translate the times to its own. */
  dbNow: number;
}

/**
 * Reserves the next `count` send slots of a bot's shared schedule (GCRA over `bot_send_budgets.tat`),
 * in one statement so two runtimes never get the same slot. The rate is read from the bot's settings
 * in the same statement, so a settings change applies to the very next block; `rateOverride` replaces
 * it (RUNTIME_BOT_MESSAGES_PER_SECOND, for tests and benchmarks). After a quiet spell the schedule
 * starts `toleranceMs` in the past: that much of the rate may go at once (the burst).
 */
export async function reserveSendSlots(
  db: Executor,
  botId: string,
  count: number,
  options: { toleranceMs: number; rateOverride?: number | null },
): Promise<ReservedSendSlots> {
  const k = Math.max(1, Math.floor(count));
  const override = options.rateOverride ?? null;
  const rows = (await db.execute(sql`
    with r as (
      select coalesce(${override}::float8,
        case when jsonb_typeof(settings->'messagesPerSecond') = 'number'
          then least(greatest((settings->>'messagesPerSecond')::float8, 1), ${MAX_MESSAGES_PER_SECOND}::float8)
        end, ${DEFAULT_MESSAGES_PER_SECOND}::float8) as rate
      from bots where id = ${botId}
    )
    insert into bot_send_budgets as b (bot_id, tat, rate)
    select ${botId}, now() - ${options.toleranceMs} * interval '1 millisecond'
                     + ${k} * (1000 / r.rate) * interval '1 millisecond', r.rate
    from r
    on conflict (bot_id) do update
      set tat = greatest(b.tat, now() - ${options.toleranceMs} * interval '1 millisecond')
                + ${k} * (1000 / excluded.rate) * interval '1 millisecond',
          rate = excluded.rate
    returning (extract(epoch from b.tat) * 1000)::float8 as tat_ms, b.rate::float8 as rate,
              (extract(epoch from now()) * 1000)::float8 as now_ms`)) as unknown as {
    tat_ms: number;
    rate: number;
    now_ms: number;
  }[];
  const row = rows[0];
  if (!row) throw new Error(`bot ${botId} does not exist (deleted while it was sending?)`);
  const intervalMs = 1000 / row.rate;
  return { firstAt: row.tat_ms - k * intervalMs, intervalMs, count: k, dbNow: row.now_ms };
}

/**
 * Telegram answered 429 with retry_after: no runtime reserves a slot of this bot for `ms`, and the
 * schedule resumes at the rate (not in a burst) after that.
 */
export async function holdBotSends(db: Executor, botId: string, ms: number): Promise<void> {
  await db.execute(sql`
    insert into bot_send_budgets as b (bot_id, tat, rate)
    values (${botId}, now() + ${ms} * interval '1 millisecond', ${DEFAULT_MESSAGES_PER_SECOND})
    on conflict (bot_id) do update set tat = greatest(b.tat, excluded.tat)`);
}
