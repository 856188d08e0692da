import { sql } from "drizzle-orm";
import type { Executor } from "../db";

/**
 * Folds the shards of finished days into shard 0: the shards only spread today's hot counters over
 * several row locks; once a day is over nobody writes it any more, and reading a period then touches
 * one row per step and output a day instead of up to STEP_COUNT_SHARDS. One statement (the moved
 * rows are deleted and added in the same snapshot), so counts are never lost or doubled, and two
 * runtimes folding at once just find nothing left to move. Returns how many rows were folded away.
 */
export async function foldStepCountShards(db: Executor): Promise<number> {
  const rows = await db.execute<{ folded: number }>(sql`
    with moved as (
      delete from step_counts
      where shard <> 0 and day < (now() at time zone 'utc')::date
      returning flow_version_id, bot_id, day, step_id, output, count
    ), summed as (
      insert into step_counts (flow_version_id, bot_id, day, step_id, output, shard, count)
      select flow_version_id, bot_id, day, step_id, output, 0, sum(count)::int
      from moved
      group by flow_version_id, bot_id, day, step_id, output
      on conflict (flow_version_id, day, step_id, output, bot_id, shard)
      do update set count = step_counts.count + excluded.count
    )
    select count(*)::int as folded from moved`);
  return Number(rows[0]?.folded ?? 0);
}
