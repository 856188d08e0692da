/**
 * Runs the whole product on one machine: embedded Postgres (unless DATABASE_URL is set), migrations,
 * the Bot API sandbox, the runtime and the admin, plus a demo workspace, bot and flow.
 * Started by `npm run up` (scripts/up.mjs) and by the Playwright suite.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres } from "@switchboard/db/embedded";
import { runMigrations } from "@switchboard/db/migrate";
import { startSandbox } from "@switchboard/telegram-sandbox";
import { DEMO, seedDemo } from "./seed";

const root = fileURLToPath(new URL("..", import.meta.url));
const env = process.env;
const dev = process.argv.includes("--dev");
const dataDir = path.resolve(root, env.SWITCHBOARD_DATA_DIR ?? ".data");
const ports = {
  admin: Number(env.ADMIN_PORT ?? 3000),
  runtime: Number(env.RUNTIME_PORT ?? 3001),
  sandbox: Number(env.SANDBOX_PORT ?? 8081),
  postgres: Number(env.PG_PORT ?? 54329),
};
const children: ChildProcess[] = [];
const stoppers: (() => Promise<void>)[] = [];

function say(line: string) {
  console.log(`\x1b[36m[switchboard]\x1b[0m ${line}`);
}

/** A per-installation secret for token encryption and sessions, created once and kept in the data dir. */
function installationSecret(): string {
  if (env.SWITCHBOARD_SECRET) return env.SWITCHBOARD_SECRET;
  const file = path.join(dataDir, "secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function startChild(name: string, command: string, args: string[], cwd: string, childEnv: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { cwd, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = `\x1b[35m[${name}]\x1b[0m `;
  const pipe = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
    let buffered = "";
    stream.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) out.write(`${prefix}${line}\n`);
    });
  };
  pipe(child.stdout!, process.stdout);
  pipe(child.stderr!, process.stderr);
  child.on("exit", (code, signal) => {
    if (!shuttingDown) {
      say(`${name} exited (${code ?? signal}); stopping everything.`);
      void shutdown(1);
    }
  });
  children.push(child);
  return child;
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

let shuttingDown = false;
async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const c of children) c.kill("SIGTERM");
  await Promise.all(
    children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once("exit", r)))),
  ).catch(() => {});
  for (const stop of stoppers.reverse()) await stop().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function main() {
  mkdirSync(dataDir, { recursive: true });
  const secret = installationSecret();

  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    say(
      `starting embedded PostgreSQL on :${ports.postgres} (data in ${path.relative(root, dataDir)}/postgres)…`,
    );
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: ports.postgres });
    stoppers.push(pg.stop);
    databaseUrl = pg.url;
  }
  await runMigrations(databaseUrl);
  say("database migrated");

  const sandbox = await startSandbox({
    port: ports.sandbox,
    host: "127.0.0.1",
    bots: [{ token: DEMO.botToken, username: DEMO.botUsername, firstName: "Switchboard Demo" }],
  });
  stoppers.push(() => sandbox.close());
  say(`Telegram Bot API sandbox on ${sandbox.url}`);

  const adminUrl = env.ADMIN_URL ?? `http://localhost:${ports.admin}`;
  const apiRoot = env.TELEGRAM_API_ROOT || sandbox.url;
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
    SWITCHBOARD_FILES_DIR: env.SWITCHBOARD_FILES_DIR ?? path.join(dataDir, "files"),
  };

  startChild(
    "runtime",
    process.execPath,
    ["--import", "tsx", "src/main.ts"],
    path.join(root, "apps/runtime"),
    {
      ...shared,
      RUNTIME_RELOAD_MS: env.RUNTIME_RELOAD_MS ?? "3000",
    },
  );
  const nextBin = path.join(root, "apps/admin/node_modules/.bin/next");
  // Production runs the admin's own server (apps/admin/server.mjs): it tells the app the client's real
  // address for the sign-in rate limit, which `next start` can't. Dev keeps `next dev` (no rate limit).
  startChild(
    "admin",
    dev ? nextBin : process.execPath,
    dev ? ["dev", "-p", String(ports.admin)] : ["server.mjs"],
    path.join(root, "apps/admin"),
    { ...shared, NODE_ENV: dev ? "development" : "production" },
  );
  await waitForHttp(`${adminUrl}/sign-in`, dev ? 180_000 : 90_000);

  if (env.SWITCHBOARD_DEMO !== "0") {
    await seedDemo({ databaseUrl, adminUrl, sandboxUrl: sandbox.url, secret });
  }
  if (env.STACK_READY_PORT) {
    // For test runners: answers 200 once everything above is up and seeded.
    const ready = createServer((_req, res) => res.end("ready"));
    await new Promise<void>((resolve) => ready.listen(Number(env.STACK_READY_PORT), "127.0.0.1", resolve));
    stoppers.push(() => new Promise((resolve) => ready.close(() => resolve())));
  }
  say("");
  say(`✅ Switchboard is running: ${adminUrl}`);
  if (env.SWITCHBOARD_DEMO !== "0") {
    say(`   sign in as ${DEMO.email} / ${DEMO.password}`);
    say(`   talk to @${DEMO.botUsername} in “Sandbox chat” (${adminUrl}/sandbox)`);
  }
  say(`   Bot API sandbox ${sandbox.url} · runtime health http://localhost:${ports.runtime}/health`);
  say("   Ctrl+C stops everything.");
}

main().catch((err) => {
  console.error(`\n✗ ${err instanceof Error ? err.message : String(err)}`);
  void shutdown(1);
});
