/**
 * Runtime throughput, end to end: simulated users → Bot API sandbox (own process) → runtime (inbox, lock, engine,
 * outbox) → Postgres → sandbox. Run on demand: `pnpm --filter @switchboard/bench bench:runtime`.
 * Baseline in the same run: the same number of single-row INSERTs into Postgres, one per update —
 * the cheapest durable thing a runtime could possibly do per update.
 * The per-bot send limit (Telegram's ~30/s) is raised here so the pipeline, not the limiter, is measured.
 */
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  bots,
  createDb,
  encryptSecret,
  flows,
  flowVersions,
  memberships,
  messages,
  secretKeyFrom,
  user,
  workspaces,
} from "@switchboard/db";
import { startEmbeddedPostgres } from "@switchboard/db/embedded";
import { runMigrations } from "@switchboard/db/migrate";
import { compileDraft } from "@switchboard/flow";
import { startRuntime } from "@switchboard/runtime";
import { SandboxClient } from "@switchboard/telegram-sandbox";
import { and, count, eq, sql } from "drizzle-orm";

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

const dir = mkdtempSync(path.join(tmpdir(), "switchboard-bench-"));
chmodSync(dir, 0o755);
const pg = await startEmbeddedPostgres({
  dataDir: path.join(dir, "pg"),
  port: 54000 + Math.floor(Math.random() * 900),
});
await runMigrations(pg.url);
const { db, close } = createDb(pg.url);
// The sandbox runs in its own process, as Telegram would be: the runtime under test gets this one.
const sandboxPort = 18_000 + Math.floor(Math.random() * 1000);
const sandboxProcess = spawn(process.execPath, ["--import", "tsx", "src/cli.ts"], {
  cwd: fileURLToPath(new URL("../packages/telegram-sandbox", import.meta.url)),
  env: { ...process.env, SANDBOX_PORT: String(sandboxPort) },
  stdio: "ignore",
});
const sandbox = { url: `http://127.0.0.1:${sandboxPort}` };
const client = new SandboxClient(sandbox.url);
for (let i = 0; ; i++) {
  try {
    await client.listBots();
    break;
  } catch (err) {
    if (i > 100) throw err;
    await new Promise((r) => setTimeout(r, 100));
  }
}
const secret = "bench-secret-0123456789abcdef";
const key = secretKeyFrom(secret);

const userId = randomUUID();
await db.insert(user).values({ id: userId, name: "Bench", email: `${userId}@bench.test` });
const [ws] = await db.insert(workspaces).values({ name: "Bench" }).returning();
await db.insert(memberships).values({ workspaceId: ws!.id, userId, role: "owner" });
const doc = {
  entryStepId: "hi",
  steps: [{ id: "hi", type: "text", config: { text: "Hi {{name}}!" } }],
  edges: [],
};
const compiled = compileDraft(doc);
const [flow] = await db.insert(flows).values({ workspaceId: ws!.id, name: "bench", draft: doc }).returning();
const [version] = await db
  .insert(flowVersions)
  .values({ flowId: flow!.id, workspaceId: ws!.id, version: 1, compiled: compiled.flow, source: doc })
  .returning();
await db.update(flows).set({ publishedVersionId: version!.id }).where(eq(flows.id, flow!.id));

const tokens: string[] = [];
for (let b = 0; b < BOTS; b++) {
  const token = `${2_000_000 + b}:${randomBytes(27).toString("base64url").slice(0, 35)}`;
  await client.registerBot({ token, username: `bench${b}_bot` });
  await db.insert(bots).values({
    workspaceId: ws!.id,
    telegramId: 2_000_000 + b,
    username: `bench${b}_bot`,
    firstName: "Bench",
    tokenEncrypted: encryptSecret(token, key),
    tokenHint: "x",
    webhookSecret: randomBytes(8).toString("hex"),
    entryFlowId: flow!.id,
  });
  tokens.push(token);
}

const runtime = await startRuntime(
  {
    databaseUrl: pg.url,
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
sandboxProcess.kill();
await close();
await pg.stop();
rmSync(dir, { recursive: true, force: true });
