/**
 * THROUGHPUT_STATEMENTS=1: which SQL statements a runtime run sent, per message, from Postgres's own
 * pg_stat_statements (preloaded in the benchmark's embedded server only). To see where the
 * database's share of a message goes, and whether a change really removed a round trip.
 */

import type { createDb } from "@switchboard/db";
import { sql } from "drizzle-orm";

type Db = ReturnType<typeof createDb>["db"];

/** The server settings that load the extension (it must be preloaded at start). */
export const statementStatsSettings = {
  shared_preload_libraries: "pg_stat_statements",
  // Planning too: a prepared statement Postgres keeps planning per call (custom plans) costs CPU that
  // the execution time does not show.
  "pg_stat_statements.track_planning": "on",
};

export async function enableStatementStats(db: Db): Promise<void> {
  await db.execute(sql`create extension if not exists pg_stat_statements`);
}

export async function resetStatementStats(db: Db): Promise<void> {
  await db.execute(sql`select pg_stat_statements_reset()`);
}

/** Prints the statements by total execution time: calls and time per message, mean time. */
export async function printStatementStats(db: Db, messages: number, limit = 20): Promise<void> {
  const rows = (await db.execute(sql`
    select calls::float8 as calls, total_exec_time::float8 as total_ms, plans::float8 as plans,
      total_plan_time::float8 as plan_ms, query
    from pg_stat_statements
    where query not ilike '%pg_stat_statements%'
    order by total_exec_time desc`)) as unknown as {
    calls: number;
    total_ms: number;
    plans: number;
    plan_ms: number;
    query: string;
  }[];
  const calls = rows.reduce((n, r) => n + r.calls, 0);
  const totalMs = rows.reduce((n, r) => n + r.total_ms, 0);
  const planMs = rows.reduce((n, r) => n + r.plan_ms, 0);
  const plans = rows.reduce((n, r) => n + r.plans, 0);
  console.log(
    `         statements: ${(calls / messages).toFixed(1)} per message, ${(totalMs / messages).toFixed(2)} ms executing and ${(planMs / messages).toFixed(2)} ms planning (${(plans / messages).toFixed(1)} plans) per message`,
  );
  for (const r of rows.slice(0, limit)) {
    const text = r.query.replace(/\s+/g, " ").slice(0, 110);
    console.log(
      `         ${(r.calls / messages).toFixed(2).padStart(6)}/msg ${(r.total_ms / r.calls).toFixed(3).padStart(7)} ms ${(r.plans / messages).toFixed(2).padStart(5)} plans/msg ${(r.plans ? r.plan_ms / r.plans : 0).toFixed(3).padStart(7)} ms/plan  ${text}`,
    );
  }
}
