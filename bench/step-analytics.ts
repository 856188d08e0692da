/**
 * Canvas analytics at scale: how long `flows.stepAnalytics` (the overlay's procedure) takes over a
 * period when the bot has a million step events behind it, next to baselines measured in the same
 * run on the same data. Run on demand: `pnpm --filter @switchboard/bench bench:analytics`
 * (BENCH_EVENTS, default 1,000,000).
 *
 * Seeded: a 60-step flow published once; 1M step events over 90 days from 20,000 conversations, stored
 * twice as the product would hold them: as transcript rows (`messages`, one per event, with its step)
 * and as the counters the core keeps (`step_counts`, what those events add up to per day, step,
 * output and shard). Timed:
 * - the overlay procedure through the tRPC caller (input and output schemas included), 7 and 90 days,
 *   with every day's counters still spread over 8 shards, then after the hourly fold
 *   (foldStepCountShards, run by the runtime's retention worker) left only today's sharded;
 * - baseline: a plain `count(*)` of the bot's transcript rows (the least any scan of transcripts pays);
 * - floor: a plain `count(*)` of the version's counter rows;
 * - the write side: a dispatch-sized counter upsert (4 rows) in its own transaction from 8 concurrent
 *   connections, against the same transactions with a `select 1` instead.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type ApiEnv, appRouter, createCallerFactory, createContext, realtimeHubFor } from "@switchboard/api";
import { foldStepCountShards, LocalFileStorage, recordStepCounts, StepTally } from "@switchboard/core";
import { bots, createDb, encryptSecret, memberships, secretKeyFrom, user, workspaces } from "@switchboard/db";
import { startEmbeddedPostgres } from "@switchboard/db/embedded";
import { runMigrations } from "@switchboard/db/migrate";
import type { FlowDocument } from "@switchboard/flow";
import { sql } from "drizzle-orm";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const CONVERSATIONS = 20_000;
const DAYS = 90;
const STEPS = 60;
const RUNS = 15;

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return {
    median: s[Math.floor(s.length / 2)]!,
    p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]!,
  };
};
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
async function timed(runs: number, fn: () => Promise<unknown>) {
  await fn(); // warm
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return stats(times);
}

/** s0 → s1 → … with a two-button menu every third step (both buttons lead on). */
function flowOf(steps: number): FlowDocument {
  const doc: FlowDocument = {
    format: "switchboard.flow",
    version: 1,
    entryStepId: "s0",
    steps: [],
    edges: [],
  };
  for (let i = 0; i < steps; i++) {
    const id = `s${i}`;
    const menu = i % 3 === 1;
    doc.steps.push(
      menu
        ? {
            id,
            type: "buttons",
            title: `Menu ${i}`,
            position: { x: 0, y: i * 150 },
            aliases: [],
            config: {
              text: "Pick",
              keyboard: "inline",
              columns: 2,
              retryText: "Use the buttons",
              buttons: [
                { id: "a", kind: "goto", label: "A" },
                { id: "b", kind: "goto", label: "B" },
              ],
            },
          }
        : {
            id,
            type: "text",
            title: `Step ${i}`,
            position: { x: 0, y: i * 150 },
            aliases: [],
            config: { text: `Step ${i}` },
          },
    );
    if (i + 1 < steps) {
      const handles = menu ? ["button:a", "button:b"] : ["next"];
      for (const h of handles)
        doc.edges.push({ id: `${id}-${h}`, source: id, sourceHandle: h, target: `s${i + 1}` });
    }
  }
  return doc as FlowDocument;
}

const dir = mkdtempSync(path.join(tmpdir(), "switchboard-bench-analytics-"));
chmodSync(dir, 0o755);
const pg = await startEmbeddedPostgres({
  dataDir: path.join(dir, "pg"),
  port: 55000 + Math.floor(Math.random() * 900),
});
try {
  await runMigrations(pg.url);
  const { db, close } = createDb(pg.url);
  const secretKey = secretKeyFrom("bench-secret-0123456789abcdef");
  const env: ApiEnv = {
    secretKey,
    telegramApiRoot: "http://127.0.0.1:9",
    sandboxUrl: null,
    core: { adminBaseUrl: "http://admin.bench.test" },
    fileStorage: new LocalFileStorage(path.join(dir, "files")),
    realtime: realtimeHubFor(pg.url),
  };
  const ownerId = "bench-owner";
  await db.insert(user).values({ id: ownerId, name: "Mia", email: "mia@bench.test" });
  const [ws] = await db.insert(workspaces).values({ name: "Bench" }).returning();
  await db.insert(memberships).values({ workspaceId: ws!.id, userId: ownerId, role: "owner" });
  const api = createCallerFactory(appRouter)(createContext({ db, userId: ownerId, env }));

  const flow = await api.flows.create({ name: "Funnel" });
  await api.flows.saveDraft({ id: flow.id, draft: flowOf(STEPS) });
  const published = await api.flows.publish({ id: flow.id });
  if (!published.ok) throw new Error(JSON.stringify(published.problems));
  const [version] = await db.execute<{ id: string }>(
    sql`select id from flow_versions where flow_id = ${flow.id}`,
  );
  const [bot] = await db
    .insert(bots)
    .values({
      workspaceId: ws!.id,
      telegramId: 4_000_000,
      username: "analytics_bench_bot",
      firstName: "Bench",
      tokenEncrypted: encryptSecret("4000000:x", secretKey),
      tokenHint: "x",
      webhookSecret: randomBytes(16).toString("hex"),
      entryFlowId: flow.id,
    })
    .returning();

  // ---- seed: the same EVENTS step events as transcripts and as counters
  let t = performance.now();
  await db.execute(sql`
    insert into contacts (workspace_id, telegram_user_id, first_name)
    select ${ws!.id}, g, 'U' || g from generate_series(1, ${CONVERSATIONS}) g`);
  await db.execute(sql`
    insert into conversations (workspace_id, bot_id, chat_id, contact_id, flow_version_id, state)
    select c.workspace_id, ${bot!.id}, c.telegram_user_id, c.id, ${version!.id}, '{}'::jsonb
    from contacts c where c.workspace_id = ${ws!.id}`);
  // One transcript row per event: a message of that step, spread over the period.
  await db.execute(sql`
    with conv as (select id, row_number() over () as n from conversations where bot_id = ${bot!.id})
    insert into messages (workspace_id, conversation_id, direction, delivery_status, text, payload, step_id, created_at)
    select ${ws!.id}, conv.id, 'out', 'sent', 'Step', '{}'::jsonb, 's' || (g % ${STEPS}),
           now() - ((g % ${DAYS}) || ' days')::interval
    from generate_series(1, ${EVENTS}) g join conv on conv.n = 1 + g % ${CONVERSATIONS}`);
  const seededMessages = performance.now() - t;
  // What the core's upserts leave for those events: per day, step, output (or arrival) and shard.
  t = performance.now();
  await db.execute(sql`
    with outs(step, output) as (
      select 's' || i, '' from generate_series(0, ${STEPS - 1}) i
      union all select 's' || i, case when i % 3 = 1 then 'button:a' else 'next' end from generate_series(0, ${STEPS - 2}) i
      union all select 's' || i, 'button:b' from generate_series(0, ${STEPS - 2}) i where i % 3 = 1
    ), cells as (select count(*) as n from outs)
    insert into step_counts (flow_version_id, bot_id, day, step_id, output, shard, count)
    select ${version!.id}, ${bot!.id}, (now() at time zone 'utc')::date - d, outs.step, outs.output, s,
           greatest(1, ${EVENTS} / (${DAYS} * 8 * (select n from cells)))::int
    from outs, generate_series(0, ${DAYS - 1}) d, generate_series(0, 7) s`);
  const seededCounters = performance.now() - t;
  await db.execute(sql`analyze`);
  const [counts] = await db.execute<{ messages: string; counters: string; summed: string }>(sql`
    select (select count(*) from messages) as messages, (select count(*) from step_counts) as counters,
           (select sum(count) from step_counts) as summed`);
  console.log(
    `seeded ${Number(counts!.messages).toLocaleString("en")} transcript rows (${fmt(seededMessages)}) and ` +
      `${Number(counts!.counters).toLocaleString("en")} counter rows adding up to ${Number(counts!.summed).toLocaleString("en")} events (${fmt(seededCounters)})`,
  );

  // ---- read: the overlay's procedure against the baselines
  const today = new Date().toISOString().slice(0, 10);
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  const overlay = (days: number) => () =>
    api.flows.stepAnalytics({ id: flow.id, from: daysAgo(days - 1), to: today });
  const sharded7 = await timed(RUNS, overlay(7));
  const sharded90 = await timed(RUNS, overlay(DAYS));
  const before = await overlay(DAYS)();
  t = performance.now();
  const folded = await foldStepCountShards(db);
  const foldMs = performance.now() - t;
  await db.execute(sql`vacuum analyze step_counts`);
  const after = await overlay(DAYS)();
  if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error("folding changed the figures");
  const overlay7 = await timed(RUNS, overlay(7));
  const overlay90 = await timed(RUNS, overlay(DAYS));
  const transcripts = await timed(RUNS, () =>
    db.execute(
      sql`select count(*) from messages m join conversations c on c.id = m.conversation_id where c.bot_id = ${bot!.id}`,
    ),
  );
  const counterRows = await timed(RUNS, () =>
    db.execute(sql`select count(*) from step_counts where flow_version_id = ${version!.id}`),
  );
  const row = (label: string, s: { median: number; p95: number }) =>
    console.log(`  ${label.padEnd(58)} ${fmt(s.median)} / ${fmt(s.p95)}`);
  console.log(
    `\nread (${RUNS} runs each, median / p95; ${before.steps.length} steps, s0 reached ${before.steps.find((x) => x.stepId === "s0")?.reached.toLocaleString("en")} times in 90 days):`,
  );
  row("flows.stepAnalytics, 7 days, every day in 8 shards", sharded7);
  row("flows.stepAnalytics, 90 days, every day in 8 shards", sharded90);
  console.log(
    `  (fold of finished days: ${folded.toLocaleString("en")} rows in ${fmt(foldMs)}, same figures after)`,
  );
  row("flows.stepAnalytics, 7 days, folded", overlay7);
  row("flows.stepAnalytics, 90 days, folded", overlay90);
  row("baseline: count(*) of the bot's transcript rows", transcripts);
  row("floor: count(*) of the version's counter rows (folded)", counterRows);
  console.log(
    `  → the 90-day overlay takes ${(overlay90.median / transcripts.median).toFixed(3)}× a plain count of the transcripts (7 days: ${(overlay7.median / transcripts.median).toFixed(3)}×)`,
  );

  // ---- write: what counting adds to a dispatch's transaction, under concurrency on the hot rows
  const tally = new StepTally();
  tally.add(version!.id, [
    { type: "step_reached", stepId: "s0" },
    { type: "output_taken", stepId: "s0", output: "next", targetStepId: "s1" },
    { type: "step_reached", stepId: "s1" },
    { type: "output_taken", stepId: "s1", output: "button:a", targetStepId: "s2" },
  ]);
  const WRITES = 2_000;
  const CONCURRENCY = 8;
  const writeRun = async (work: (chatId: number) => Promise<unknown>) => {
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < WRITES) await work(next++);
      }),
    );
    return performance.now() - t0;
  };
  const empty = await writeRun(() => db.transaction((tx) => tx.execute(sql`select 1`)));
  const counted = await writeRun((chatId) =>
    db.transaction((tx) => recordStepCounts(tx, tally, { botId: bot!.id, chatId })),
  );
  console.log(
    `\nwrite (${WRITES} transactions over ${CONCURRENCY} connections, all on the same 4 counters of today):`,
  );
  console.log(`  baseline: transaction with select 1   ${fmt(empty / WRITES)} per transaction`);
  console.log(`  transaction with the counter upsert   ${fmt(counted / WRITES)} per transaction`);

  await close();
} finally {
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
