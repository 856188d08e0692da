/**
 * Message throughput, Switchboard's runtime against a bare Telegraf echo bot, on the same load.
 * `pnpm --filter @switchboard/bench bench:throughput` (on demand; see bench/README.md for the knobs).
 *
 * Processes: the Bot API sandbox, the runtime (with embedded Postgres) and the bare bot each run in their
 * own process; this one seeds the database and is the load generator: simulated users send through the
 * sandbox's control API and learn of replies from its bot-message stream.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { createDb, secretKeyFrom } from "@switchboard/db";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "@switchboard/db/embedded";
import { runMigrations } from "@switchboard/db/migrate";
import { SandboxClient } from "@switchboard/telegram-sandbox";
import { type Child, freePort, repoPath, startChild } from "./throughput/children";
import { cpuPercent, machineTicks, processTreeTicks } from "./throughput/cpu";
import { ReplyInbox } from "./throughput/replies";
import { header, percentile, type RunFigures, row } from "./throughput/report";
import { replaceRuntimeBots, seedEchoWorkspace } from "./throughput/seed";
import { runChats, type SimulatedChat } from "./throughput/simulated-chats";

type System = "bare" | "runtime";
interface Scenario {
  name: string;
  bots: number;
  chatsPerBot: number;
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number of at least 1, got "${raw}".`);
  return value;
}

function list<T extends string>(name: string, allowed: readonly T[]): T[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return [...allowed];
  const values = raw
    .split(",")
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
  const unknown = values.filter((v) => !allowed.includes(v as T));
  if (unknown.length > 0 || values.length === 0)
    throw new Error(`${name} takes a comma-separated list of ${allowed.join(", ")}; got "${raw}".`);
  return values as T[];
}

const CHATS = positiveInt("THROUGHPUT_CHATS", 200);
const MESSAGES = positiveInt("THROUGHPUT_MESSAGES", 5);
const B_BOTS = positiveInt("THROUGHPUT_BOTS", 20);
const REPLY_TIMEOUT_MS = positiveInt("THROUGHPUT_REPLY_TIMEOUT_MS", 30_000);
const WARM_UP_TIMEOUT_MS = 90_000;
/** How long after the last reply extra replies (a second answer to a message) are still counted. */
const EXTRA_GRACE_MS = 500;
const SCENARIOS: Record<"a" | "b", Scenario> = {
  a: { name: "A", bots: 1, chatsPerBot: CHATS },
  b: { name: "B", bots: B_BOTS, chatsPerBot: Math.max(1, Math.round(CHATS / B_BOTS)) },
};
const scenarios = list("THROUGHPUT_SCENARIOS", ["a", "b"] as const).map((key) => SCENARIOS[key]);
const systems = list("THROUGHPUT_SYSTEMS", ["bare", "runtime"] as const);
const jsonFile = process.env.THROUGHPUT_JSON;

// Lifted so the pipeline, not Telegram's ~30/s courtesy limit, is measured. The lead may override any of
// these (or add the per-chat limit's variable) in the environment: the runtime inherits it.
const RUNTIME_MESSAGES_PER_SECOND = process.env.RUNTIME_BOT_MESSAGES_PER_SECOND ?? "10000";
const BOT_SETTING_MESSAGES_PER_SECOND = 1000;

const secret = "throughput-bench-secret-0123456789";
const dir = mkdtempSync(path.join(tmpdir(), "switchboard-throughput-"));
// The embedded Postgres runs as "postgres" when we are root: it must be able to enter the folder.
chmodSync(dir, 0o755);
const cleanups: Array<() => Promise<void> | void> = [() => { if (!process.env.THROUGHPUT_KEEP) rmSync(dir, { recursive: true, force: true }); }];

async function main() {
  const limitEnv = Object.entries({
    ...process.env,
    RUNTIME_BOT_MESSAGES_PER_SECOND: RUNTIME_MESSAGES_PER_SECOND,
  })
    .filter(([name]) => /^RUNTIME_.*(PER_SECOND|LIMIT|RATE)/.test(name))
    .map(([name, value]) => `${name}=${value}`);
  console.log(
    `Throughput: ${systems.join(" vs ")}; ${CHATS} chats × ${MESSAGES} messages, each waiting for its reply.`,
  );
  console.log(
    `  Send limits lifted: ${limitEnv.join(", ")}; bot setting messagesPerSecond=${BOT_SETTING_MESSAGES_PER_SECOND} (ignored by a runtime without it).`,
  );
  console.log(`  Logs and data in ${dir}`);

  // The Bot API sandbox, in its own process like Telegram would be.
  const sandboxPort = await freePort();
  const sandbox = startChild({
    name: "sandbox",
    cwd: repoPath("packages/telegram-sandbox"),
    entry: "src/cli.ts",
    env: { SANDBOX_PORT: String(sandboxPort) },
    logFile: path.join(dir, "sandbox.log"),
  });
  cleanups.push(() => sandbox.stop());
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const client = new SandboxClient(sandboxUrl);
  await waitUntilUp(client, sandbox);
  const inbox = new ReplyInbox();
  const stream = await client.streamBotMessages(inbox.onMessage);
  cleanups.push(() => stream.close());

  let database: { pg: EmbeddedDatabase; postmasterPid: number; db: ReturnType<typeof createDb> } | null =
    null;
  if (systems.includes("runtime")) {
    const dataDir = path.join(dir, "pg");
    const pg = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    cleanups.push(() => pg.stop());
    await runMigrations(pg.url);
    const db = createDb(pg.url);
    cleanups.push(() => db.close());
    const postmasterPid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    database = { pg, postmasterPid, db };
  }
  const workspace = database ? await seedEchoWorkspace(database.db.db) : null;
  const secretKey = secretKeyFrom(secret);

  const results: RunFigures[] = [];
  let runIndex = 0;
  for (const scenario of scenarios) {
    console.log(
      `\nScenario ${scenario.name}: ${scenario.bots} bot(s) × ${scenario.chatsPerBot} chats × ${MESSAGES} messages`,
    );
    console.log(header());
    const figures: Partial<Record<System, RunFigures>> = {};
    // Bare then runtime, back to back per scenario: both meet the same background load on this shared
    // machine, which drifts over minutes more than between two neighbouring runs.
    for (const system of systems) {
      runIndex++;
      const bots = await registerBots(client, scenario.bots, runIndex);
      const chats: SimulatedChat[] = bots.flatMap((bot) =>
        Array.from({ length: scenario.chatsPerBot }, (_, c) => ({
          token: bot.token,
          botId: bot.telegramId,
          userId: 10_000_000 + runIndex * 100_000 + bots.indexOf(bot) * 1000 + c,
        })),
      );
      let child: Child;
      if (system === "bare") {
        child = startChild({
          name: "bare echo bot",
          cwd: repoPath("bench"),
          entry: "bare-echo-bot.ts",
          env: { BARE_API_ROOT: sandboxUrl, BARE_TOKENS: bots.map((b) => b.token).join(",") },
          logFile: path.join(dir, `bare-${scenario.name}.log`),
        });
      } else {
        if (!database || !workspace) throw new Error("The runtime needs its database.");
        await replaceRuntimeBots(database.db.db, workspace, bots, secretKey, BOT_SETTING_MESSAGES_PER_SECOND);
        child = startChild({
          name: "runtime",
          cwd: repoPath("apps/runtime"),
          entry: "src/main.ts",
          env: {
            DATABASE_URL: database.pg.url,
            TELEGRAM_API_ROOT: sandboxUrl,
            SWITCHBOARD_SECRET: secret,
            SWITCHBOARD_FILES_DIR: path.join(dir, "files"),
            RUNTIME_PORT: "0",
            RUNTIME_INSTANCE_ID: `throughput-${scenario.name}`,
            RUNTIME_BOT_MESSAGES_PER_SECOND: RUNTIME_MESSAGES_PER_SECOND,
          },
          logFile: path.join(dir, `runtime-${scenario.name}.log`),
        });
      }
      try {
        const run = await measure({
          scenario,
          system,
          chats,
          client,
          inbox,
          child,
          sandbox,
          postmasterPid: database?.postmasterPid ?? null,
        });
        figures[system] = run;
        results.push(run);
        console.log(row(run));
      } finally {
        await child.stop();
      }
    }
    if (figures.runtime && figures.bare && figures.bare.messagesPerSecond > 0)
      console.log(
        `runtime/bare msg/s: ${(figures.runtime.messagesPerSecond / figures.bare.messagesPerSecond).toFixed(2)}`,
      );
  }
  console.log(
    "\nmsg/s = correct replies per second, first send to last reply; latency = send → reply seen; CPU 100% = one core",
  );
  console.log(
    "(bot % = the runtime or the bare bot; machine % = all processes on the machine, others' included).",
  );

  if (jsonFile) {
    const output = {
      at: new Date().toISOString(),
      config: {
        chats: CHATS,
        messagesPerChat: MESSAGES,
        scenarioBBots: B_BOTS,
        scenarios: scenarios.map((s) => s.name),
        systems,
        sendLimits: { env: limitEnv, botSettingMessagesPerSecond: BOT_SETTING_MESSAGES_PER_SECOND },
      },
      results,
    };
    writeFileSync(jsonFile, `${JSON.stringify(output, null, 2)}\n`);
    console.log(`Results written to ${jsonFile}`);
  }
}

async function waitUntilUp(client: SandboxClient, sandbox: Child) {
  for (let i = 0; ; i++) {
    try {
      await Promise.race([client.listBots(), sandbox.died]);
      return;
    } catch (err) {
      if (i > 300) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function registerBots(client: SandboxClient, count: number, runIndex: number) {
  return Promise.all(
    Array.from({ length: count }, async (_, b) => {
      const telegramId = 7_000_000 + runIndex * 1000 + b;
      const token = `${telegramId}:${randomBytes(27).toString("base64url").slice(0, 35)}`;
      const username = `throughput${runIndex}_${b}_bot`;
      await client.registerBot({ token, username });
      return { token, telegramId, username };
    }),
  );
}

async function measure(options: {
  scenario: Scenario;
  system: System;
  chats: SimulatedChat[];
  client: SandboxClient;
  inbox: ReplyInbox;
  child: Child;
  sandbox: Child;
  postmasterPid: number | null;
}): Promise<RunFigures> {
  const { child, sandbox, postmasterPid, inbox } = options;
  inbox.clear();
  const sample = () => ({
    at: performance.now(),
    bot: processTreeTicks(child.pid),
    sandbox: processTreeTicks(sandbox.pid),
    postgres: postmasterPid ? processTreeTicks(postmasterPid) : 0,
    self: process.cpuUsage(),
    machine: machineTicks().busy,
  });
  let before: ReturnType<typeof sample> | null = null;
  const result = await runChats({
    client: options.client,
    inbox,
    chats: options.chats,
    messagesPerChat: MESSAGES,
    replyTimeoutMs: REPLY_TIMEOUT_MS,
    warmUpTimeoutMs: WARM_UP_TIMEOUT_MS,
    aborted: Promise.race([child.died, sandbox.died]),
    onMeasuredStart: () => {
      before = sample();
    },
  });
  const after = sample();
  await new Promise((r) => setTimeout(r, EXTRA_GRACE_MS));
  if (!before) throw new Error("The measured part never started.");
  const start: ReturnType<typeof sample> = before;
  const seconds = (after.at - start.at) / 1000;
  const selfMicros = after.self.user + after.self.system - (start.self.user + start.self.system);
  const correctPerSecond = result.durationMs > 0 ? result.correct / (result.durationMs / 1000) : 0;
  return {
    scenario: options.scenario.name,
    system: options.system,
    bots: options.scenario.bots,
    chats: options.chats.length,
    messages: result.sent,
    correct: result.correct,
    wrong: result.wrong,
    missing: result.missing,
    extra: inbox.unclaimed(),
    durationSeconds: result.durationMs / 1000,
    messagesPerSecond: correctPerSecond,
    latencyMs: {
      p50: percentile(result.latenciesMs, 50),
      p99: percentile(result.latenciesMs, 99),
      max: percentile(result.latenciesMs, 100),
    },
    warmUpSeconds: result.warmUpMs / 1000,
    warmUpMissing: result.warmUpMissing,
    cpuPercent: {
      bot: cpuPercent(start.bot, after.bot, seconds),
      sandbox: cpuPercent(start.sandbox, after.sandbox, seconds),
      postgres: cpuPercent(start.postgres, after.postgres, seconds),
      loadGenerator: seconds > 0 ? (selfMicros / 1e6 / seconds) * 100 : 0,
      machine: cpuPercent(start.machine, after.machine, seconds),
    },
    cores: cpus().length,
  };
}

try {
  await main();
} finally {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (err) {
      console.error("cleanup:", err instanceof Error ? err.message : err);
    }
  }
}
