import { run, statement } from "@switchboard/db";
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

/** One bot's request for send slots: `count` of them, its rate from its settings unless `rateOverride`. */
export interface SendSlotRequest {
  botId: string;
  count: number;
  rateOverride?: number | null;
}

/**
 * Reserves the next `count` send slots of each requesting bot's shared schedule (GCRA over
 * `bot_send_budgets.tat`), in one statement so two runtimes never get the same slot, and one round trip
 * for all the busy bots of a runtime. The rate is read from the bot's settings in the same statement,
 * so a settings change applies to the very next block; `rateOverride` replaces it
 * (RUNTIME_BOT_MESSAGES_PER_SECOND, for tests and benchmarks). After a quiet spell the schedule starts
 * `toleranceMs` in the past: that much of the rate may go at once (the burst). At most one request per
 * bot; the rows are locked in bot id order, so two runtimes reserving for overlapping bots never
 * deadlock. A bot that does not exist (deleted meanwhile) is missing from the answer.
 */
export async function reserveSendSlotsOfBots(
  db: Executor,
  requests: readonly SendSlotRequest[],
  options: { toleranceMs: number },
): Promise<Map<string, ReservedSendSlots>> {
  if (requests.length === 0) return new Map();
  const counts = new Map(requests.map((r) => [r.botId, Math.max(1, Math.floor(r.count))]));
  if (counts.size !== requests.length) throw new Error("reserveSendSlotsOfBots: one request per bot");
  const rowsIn = requests.map((r) => ({
    bot_id: r.botId,
    k: counts.get(r.botId)!,
    rate_override: r.rateOverride ?? null,
  }));
  const rows = await run(db, RESERVE_SEND_SLOTS, [
    JSON.stringify(rowsIn),
    options.toleranceMs,
    MAX_MESSAGES_PER_SECOND,
    DEFAULT_MESSAGES_PER_SECOND,
  ]);
  const reserved = new Map<string, ReservedSendSlots>();
  for (const row of rows) {
    const k = counts.get(row.bot_id)!;
    const intervalMs = 1000 / row.rate;
    reserved.set(row.bot_id, {
      firstAt: row.tat_ms - k * intervalMs,
      intervalMs,
      count: k,
      dbNow: row.now_ms,
    });
  }
  return reserved;
}

/**
 * $1 the requests as a JSON array (bot_id, k, rate_override), $2 the tolerance in ms, $3 the highest and $4
 * the default messages per second. The proposed row's tat is (now − tolerance) + k slots, so on a conflict
 * `excluded.tat − (now − tolerance)` is that bot's k slots: added after the stored schedule (or after
 * now − tolerance). A fixed text, prepared once (statement.ts): this runs for every batch of sends.
 */
const RESERVE_SEND_SLOTS = statement<{ bot_id: string; tat_ms: number; rate: number; now_ms: number }>(`
  with req as (
    select q.bot_id, q.k, q.rate_override
    from jsonb_to_recordset($1::jsonb) as q(bot_id uuid, k int, rate_override float8)
  ), r as (
    select req.bot_id, req.k, coalesce(req.rate_override,
      case when jsonb_typeof(bots.settings->'messagesPerSecond') = 'number'
        then least(greatest((bots.settings->>'messagesPerSecond')::float8, 1), $3::float8)
      end, $4::float8) as rate
    from req join bots on bots.id = req.bot_id
  )
  insert into bot_send_budgets as b (bot_id, tat, rate)
  select r.bot_id, now() - $2::float8 * interval '1 millisecond' + r.k * (1000 / r.rate) * interval '1 millisecond', r.rate
  from r
  order by r.bot_id
  on conflict (bot_id) do update
    set tat = greatest(b.tat, now() - $2::float8 * interval '1 millisecond')
              + (excluded.tat - (now() - $2::float8 * interval '1 millisecond')),
        rate = excluded.rate
  returning b.bot_id, (extract(epoch from b.tat) * 1000)::float8 as tat_ms, b.rate::float8 as rate,
            (extract(epoch from now()) * 1000)::float8 as now_ms`);

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
