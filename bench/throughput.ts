/**
 * Message throughput, Switchboard's runtime against a bare Telegraf echo bot, on the same load.
 * `pnpm --filter @switchboard/bench bench:throughput` (on demand; knobs and figures: docs/architecture.md, Benchmarks).
 *
 * Processes: the Bot API sandbox, the runtime (with embedded Postgres) and the bare bot each run in their
 * own process; this one seeds the database and is the load generator: simulated users send through the
 * sandbox's control API and learn of replies from its bot-message stream.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { createDb, secretKeyFrom } from "@switchboard/db";
import { startEmbeddedPostgres } from "@switchboard/db/embedded";
import { runMigrations } from "@switchboard/db/migrate";
import { SandboxClient } from "@switchboard/telegram-sandbox";
import { type Child, freePort, repoPath, startChild } from "./throughput/children";
import { type Scenario, type System, sendLimitEnv, throughputConfig } from "./throughput/config";
import { measure } from "./throughput/measure";
import { ReplyInbox } from "./throughput/replies";
import { header, type RunFigures, roundsSummary, row } from "./throughput/report";
import { replaceRuntimeBots, seedEchoWorkspace } from "./throughput/seed";
import type { SimulatedChat } from "./throughput/simulated-chats";
import {
  enableStatementStats,
  printStatementStats,
  resetStatementStats,
  statementStatsSettings,
} from "./throughput/statements";
import { startBareBot, startRuntimeProcess } from "./throughput/systems";

/** Other processes' CPU (% of a core) during a run above which its figures are flagged as disturbed. */
const DISTURBED_OTHERS_PERCENT = 30;

const config = throughputConfig();
const limitEnv = sendLimitEnv(config);
const secret = "throughput-bench-secret-0123456789";
const dir = mkdtempSync(path.join(tmpdir(), "switchboard-throughput-"));
// The embedded Postgres runs as "postgres" when we are root: it must be able to enter the folder.
chmodSync(dir, 0o755);
let failed = false;
let interrupted = false;
const cleanups: Array<() => Promise<void> | void> = [
  () => {
    // The processes' logs are what explains a failure: keep them then.
    if (failed || config.keepFiles) console.log(`Logs and data kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  },
];

interface Database {
  url: string;
  postmasterPid: number;
  db: ReturnType<typeof createDb>["db"];
}

/** The warm-up's run index (its bots' and users' ids): far above any measured run's. */
const WARM_UP_RUN = 900;

async function main() {
  const chatsText = `${config.chats} chats × ${config.messagesPerChat} messages`;
  console.log(`Throughput: ${config.systems.join(" vs ")}; ${chatsText}, each waiting for its reply.`);
  console.log(
    `  Send limits lifted: ${limitEnv.join(", ")}; bot setting messagesPerSecond=${config.botSettingMessagesPerSecond} (dropped by a runtime without that setting).`,
  );
  console.log(
    config.dbSocket
      ? "  The runtime reaches its Postgres over the Unix socket, as a runtime on the database's host should (THROUGHPUT_DB_SOCKET=0: TCP)."
      : "  The runtime reaches its Postgres over TCP on 127.0.0.1 (THROUGHPUT_DB_SOCKET=0).",
  );
  const load = loadavg().map((l) => l.toFixed(1));
  console.log(`  Machine: ${cpus().length} cores, load average ${load.join(" ")}; files in ${dir}`);

  // The Bot API sandbox, in its own process like Telegram would be.
  const sandboxPort = await freePort();
  const sandbox = startChild({
    name: "sandbox",
    cwd: repoPath("packages/telegram-sandbox"),
    entry: "src/cli.ts",
    // Idle connections kept 2 minutes: with Node's 5 s, a client starved of CPU (this shared machine) reuses
    // a connection just as the sandbox drops it and the send fails with "other side closed".
    env: { SANDBOX_PORT: String(sandboxPort), SANDBOX_KEEP_ALIVE_MS: "120000" },
    logFile: path.join(dir, "sandbox.log"),
  });
  cleanups.push(() => sandbox.stop());
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const client = new SandboxClient(sandboxUrl);
  await waitUntilUp(client, sandbox);
  const inbox = new ReplyInbox();
  const stream = await client.streamBotMessages(inbox.onMessage);
  cleanups.push(() => stream.close());
  // Without the stream every reply would look missing: a run stops at once when it ends or when the sandbox dies.
  const streamLost = stream.done.then((): never => {
    throw new Error("The sandbox's bot-message stream ended during the run.");
  });
  streamLost.catch(() => {});
  const sandboxFailed = Promise.race([sandbox.died, streamLost]);
  sandboxFailed.catch(() => {});

  const database = config.systems.includes("runtime") ? await startDatabase() : null;
  const workspace = database ? await seedEchoWorkspace(database.db) : null;
  const secretKey = secretKeyFrom(secret);
  /** One run's load against a started bot: what every run shares (the sandbox, its reply stream). */
  const runLoad = (run: { scenario: Scenario; system: System; chats: SimulatedChat[]; bot: Child }) =>
    measure({
      ...run,
      messagesPerChat: config.messagesPerChat,
      warmUpMessages: config.warmUpMessages,
      replyTimeoutMs: config.replyTimeoutMs,
      client,
      inbox,
      sandbox,
      sandboxFailed,
      postmasterPid: run.system === "runtime" ? (database?.postmasterPid ?? null) : null,
    });

  // The sandbox's JIT warms up under load: the first run against a fresh sandbox was slow for reasons of
  // its own (the bare bot's first scenario A measured half of its later runs, flattering the ratio). One
  // bare run of scenario A's load goes first, not measured.
  {
    const scenario = { name: "A" as const, bots: 1, chatsPerBot: config.chats };
    const bots = await registerBots(client, 1, WARM_UP_RUN);
    const bot = startBareBot({
      sandboxUrl,
      tokens: bots.map((b) => b.token),
      logFile: path.join(dir, "0-warm-up.log"),
    });
    cleanups.push(() => bot.stop());
    try {
      await runLoad({ scenario, system: "bare", chats: chatsOf(bots, scenario, WARM_UP_RUN), bot });
    } finally {
      await bot.stop();
    }
    console.log("  (the sandbox warmed up with one bare run of scenario A's load, not counted)");
    console.log(
      `  Each run's warm-up, not counted: /start and ${config.warmUpMessages} message(s) per chat (THROUGHPUT_WARM_UP_MESSAGES), so the measured part sees the steady state.`,
    );
  }

  const results: Array<RunFigures & { round: number }> = [];
  let runIndex = 0;
  for (let round = 1; round <= config.rounds; round++) {
    for (const scenario of config.scenarios) {
      const roundText = config.rounds > 1 ? ` (round ${round} of ${config.rounds})` : "";
      console.log(
        `\nScenario ${scenario.name}: ${scenario.bots} bot(s) × ${scenario.chatsPerBot} chats × ${config.messagesPerChat} messages${roundText}`,
      );
      console.log(header());
      const figures: Partial<Record<System, RunFigures>> = {};
      // Bare then runtime, back to back per scenario: both meet the same background load on this shared
      // machine, which drifts over minutes more than between two neighbouring runs.
      for (const system of config.systems) {
        runIndex++;
        // Fresh bots and users per run: no conversation, update offset or chat carries over.
        const bots = await registerBots(client, scenario.bots, runIndex);
        const chats = chatsOf(bots, scenario, runIndex);
        const logFile = path.join(dir, `${runIndex}-${system}-${scenario.name}.log`);
        let bot: Child;
        if (system === "bare") {
          bot = startBareBot({ sandboxUrl, tokens: bots.map((b) => b.token), logFile });
        } else {
          if (!database || !workspace) throw new Error("The runtime needs its database.");
          await replaceRuntimeBots(
            database.db,
            workspace,
            bots,
            secretKey,
            config.botSettingMessagesPerSecond,
          );
          bot = startRuntimeProcess({
            databaseUrl: database.url,
            sandboxUrl,
            secret,
            dataDir: dir,
            instanceId: `throughput-${runIndex}`,
            messagesPerSecond: config.runtimeMessagesPerSecond,
            logFile,
          });
        }
        // Also on Ctrl+C, before Postgres and the sandbox go.
        cleanups.push(() => bot.stop());
        if (config.statements && database && system === "runtime") await resetStatementStats(database.db);
        try {
          const run = await runLoad({ scenario, system, chats, bot });
          figures[system] = run;
          results.push({ ...run, round });
          console.log(row(run));
          if (config.statements && database && system === "runtime")
            await printStatementStats(database.db, run.correct);
          if (run.warmUpMissing > 0)
            console.log(`         ↑ ${run.warmUpMissing} chat(s) got no reply to the warm-up /start.`);
          if (run.cpuPercent.others > DISTURBED_OTHERS_PERCENT)
            console.log(
              `         ↑ other processes on this machine used ${Math.round(run.cpuPercent.others)}% CPU meanwhile: these figures are low by an unknown amount.`,
            );
        } finally {
          await bot.stop();
        }
      }
      if (figures.runtime && figures.bare && figures.bare.messagesPerSecond > 0)
        console.log(
          `runtime/bare msg/s: ${(figures.runtime.messagesPerSecond / figures.bare.messagesPerSecond).toFixed(2)}`,
        );
    }
  }
  if (config.rounds > 1) {
    console.log("");
    for (const line of roundsSummary(results)) console.log(line);
  }
  console.log(
    "\nmsg/s = correct replies per second, first send to last reply; latency = send → reply seen; CPU 100% = one core;",
  );
  console.log(
    "bot % = the runtime or the bare bot; others % = every other process on the machine (other people's builds and tests);",
  );
  console.log(
    "cpu ms/msg = CPU time of the system (bot + Postgres) per correct reply: the steadier figure on a busy machine.",
  );

  if (config.jsonFile) {
    const { jsonFile, keepFiles: _, ...settings } = config;
    const output = { at: new Date().toISOString(), config: { ...settings, sendLimits: limitEnv }, results };
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

/** Embedded Postgres with the schema; its postmaster's pid is in postmaster.pid, for the CPU figures. */
async function startDatabase(): Promise<Database> {
  const dataDir = path.join(dir, "pg");
  const pg = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    settings: {
      ...(config.statements ? statementStatsSettings : {}),
    },
  });
  cleanups.push(() => pg.stop());
  await runMigrations(pg.url);
  const { db, close } = createDb(pg.url);
  if (config.statements) await enableStatementStats(db);
  cleanups.push(() => close());
  const postmasterPid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  // By default the runtime reaches Postgres over its Unix socket (libpq's ?host=/dir): on one host that
  // is ~7 % less CPU per message than TCP on 127.0.0.1 (loopback TCP runs the whole TCP stack for each
  // write). THROUGHPUT_DB_SOCKET=0 measures TCP.
  const url = config.dbSocket ? pg.socketUrl : pg.url;
  return { url, postmasterPid, db };
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

function chatsOf(bots: Array<{ token: string; telegramId: number }>, scenario: Scenario, runIndex: number) {
  return bots.flatMap((bot, b): SimulatedChat[] =>
    Array.from({ length: scenario.chatsPerBot }, (_, c) => ({
      token: bot.token,
      botId: bot.telegramId,
      userId: 10_000_000 + runIndex * 100_000 + b * 1000 + c,
    })),
  );
}

let cleaning: Promise<void> | undefined;
/** Stops everything started so far, newest first, once: Ctrl+C and the normal end may both ask. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) {
      try {
        await cleanup();
      } catch (err) {
        console.error("cleanup:", err instanceof Error ? err.message : err);
      }
    }
  })();
  return cleaning;
}

// Ctrl+C (or a timeout's SIGTERM) must not leave the sandbox, a runtime or Postgres running on a shared machine.
// `on`, not `once`: tsx exits the process (code 130) on a signal nobody listens to any more, which would cut
// the cleanup short; a second Ctrl+C while cleaning is ignored.
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    if (interrupted) return;
    console.error(`\n${signal}: stopping the processes under test…`);
    failed = true;
    interrupted = true;
    void cleanUp().finally(() => process.exit(130));
  });

try {
  await main();
} catch (err) {
  failed = true;
  // After Ctrl+C the run fails as its processes stop: that is expected, not worth a stack trace.
  if (!interrupted) throw err;
} finally {
  await cleanUp();
}
