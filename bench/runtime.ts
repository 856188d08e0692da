/**
 * Runtime throughput, end to end: simulated users → Bot API sandbox (own process) → runtime (inbox, lock, engine,
 * outbox) → Postgres → sandbox. Run on demand: `pnpm --filter @switchboard/bench bench:runtime`.
 * Baseline in the same run: the same number of single-row INSERTs into Postgres, one per update —
 * the cheapest durable thing a runtime could possibly do per update.
 * The per-bot send limit (Telegram's ~30/s) is raised here so the pipeline, not the limiter, is measured.
 */
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { messages, secretKeyFrom } from "@switchboard/db";
import { startRuntime } from "@switchboard/runtime";
import { and, count, eq, sql } from "drizzle-orm";
import {
  benchDir,
  publishFlow,
  seedBots,
  seedWorkspace,
  startBenchDatabase,
  startSandboxProcess,
} from "./lib/setup";

const BOTS = Number(process.env.BENCH_BOTS ?? 10);
const USERS_PER_BOT = Number(process.env.BENCH_USERS ?? 100);
const CONCURRENCY = 32;

async function pool<T>(items: T[], size: number, fn: (t: T) => Promise<unknown>) {
  let i = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (i < items.length) await fn(items[i++]!);
    }),
  );
}

const dir = benchDir("bench");
const database = await startBenchDatabase(dir, 54_000);
const { db } = database;
// The sandbox runs in its own process, as Telegram would be: the runtime under test gets this one.
const sandboxChild = await startSandboxProcess(18_000);
const sandbox = { url: sandboxChild.url };
const client = sandboxChild.client;
const secret = "bench-secret-0123456789abcdef";
const key = secretKeyFrom(secret);

const { workspaceId } = await seedWorkspace(db, "Bench");
const doc = {
  entryStepId: "hi",
  steps: [{ id: "hi", type: "text", config: { text: "Hi {{name}}!" } }],
  edges: [],
};
const flowId = await publishFlow(db, workspaceId, "bench", doc);
const tokens = await seedBots({
  db,
  sandbox: client,
  key,
  workspaceId,
  flowId,
  count: BOTS,
  telegramIdBase: 2_000_000,
  usernamePrefix: "bench",
});

const runtime = await startRuntime(
  {
    databaseUrl: database.url,
    apiRoot: sandbox.url,
    webhookBaseUrl: null,
    port: 0,
    reloadIntervalMs: 60_000,
    pollTimeoutSeconds: 1,
    instanceId: "bench",
    // The bot and chat limits lifted so the pipeline, not the pacer, is measured.
    messagesPerSecond: 10_000,
    chatMessagesPerSecond: 10_000,
    adminBaseUrl: "http://admin.bench.test",
    filesDir: path.join(tmpdir(), "switchboard-bench-files"),
    timerPollMs: 1000,
  },
  key,
);

const sentCount = async () =>
  (
    await db
      .select({ n: count() })
      .from(messages)
      .where(and(eq(messages.direction, "out"), eq(messages.deliveryStatus, "sent")))
  )[0]!.n;

async function waitForSent(target: number) {
  while ((await sentCount()) < target) await new Promise((r) => setTimeout(r, 50));
}

// Warm up: every bot answers once.
await Promise.all(
  tokens.map((token, b) => client.start({ token, from: { id: 1_000 + b, first_name: "Warm" } })),
);
await waitForSent(BOTS);

const jobs = tokens.flatMap((token) =>
  Array.from({ length: USERS_PER_BOT }, (_, u) => ({ token, from: { id: 10_000 + u, first_name: `U${u}` } })),
);
const stats = async () =>
  (
    await db.execute(
      sql`select xact_commit + xact_rollback as tx from pg_stat_database where datname = current_database()`,
    )
  )[0] as { tx: string };
const txBefore = Number((await stats()).tx);
const t0 = performance.now();
await pool(jobs, CONCURRENCY, (j) => client.start(j));
const enqueuedMs = performance.now() - t0;
await waitForSent(BOTS + jobs.length);
const pipelineMs = performance.now() - t0;
const txPerUpdate = (Number((await stats()).tx) - txBefore) / jobs.length;
const polls = (
  await Promise.all(tokens.map((token) => client.getCalls({ token, method: "getUpdates" })))
).flat().length;

// Baseline: one durable single-row insert per update, same concurrency.
await db.execute(sql`create table bench_baseline (id serial primary key, payload jsonb not null)`);
const t1 = performance.now();
await pool(jobs, CONCURRENCY, (j) =>
  db.execute(sql`insert into bench_baseline (payload) values (${JSON.stringify(j)}::jsonb)`),
);
const baselineMs = performance.now() - t1;

const n = jobs.length;
console.log(`Runtime throughput: ${BOTS} bots × ${USERS_PER_BOT} users = ${n} updates, one reply each`);
console.log(
  `  baseline: ${n} single-row INSERTs            ${(baselineMs / 1000).toFixed(2)} s  ${Math.round(n / (baselineMs / 1000))} /s`,
);
console.log(
  `  end to end (sandbox → runtime → sandbox)    ${(pipelineMs / 1000).toFixed(2)} s  ${Math.round(n / (pipelineMs / 1000))} updates/s`,
);
console.log(`  ${txPerUpdate.toFixed(1)} database transactions per update; ${polls} getUpdates calls in all`);
console.log(`  (the simulated users finished sending after ${(enqueuedMs / 1000).toFixed(2)} s)`);
console.log(`  → an update costs ${(pipelineMs / baselineMs).toFixed(1)}× a single durable INSERT`);

await runtime.stop();
sandboxChild.process.kill();
await database.stop();
rmSync(dir, { recursive: true, force: true });
