import { drizzle } from "drizzle-orm/postgres-js";
import { connectPostgres } from "./connection-url";
import { preparingClient } from "./prepared";
import * as schema from "./schema";

export type Db = ReturnType<typeof createDb>["db"];
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface DbOptions {
  /** Pool size (default 10). */
  max?: number;
  /** Names the pool's connections in pg_stat_activity (the runtime's metrics count its connections by it). */
  applicationName?: string;
  /** SQL_TRACE=1 prints every statement to stderr (counting round trips when tuning). */
  trace?: boolean;
  /**
   * Named prepared statements (default on; DATABASE_PREPARE=0 turns them off, e.g. behind PgBouncer in
   * transaction pooling mode, where a statement prepared on one server connection is unknown on the next).
   */
  prepare?: boolean;
}

/** A Drizzle client on the `postgres` driver. `close()` ends the pool. */
export function createDb(url: string, options: DbOptions = {}) {
  const trace = options.trace ?? process.env.SQL_TRACE === "1";
  const sql = connectPostgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connect_timeout: 10,
    ...(options.applicationName ? { connection: { application_name: options.applicationName } } : {}),
    ...(trace
      ? { debug: (conn: number, query: string) => process.stderr.write(`SQL ${conn} ${oneLine(query)}\n`) }
      : {}),
  });
  const prepare = options.prepare ?? process.env.DATABASE_PREPARE !== "0";
  const db = drizzle(prepare ? preparingClient(sql) : sql, { schema });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}

const oneLine = (query: string) => query.replace(/\s+/g, " ").slice(0, 300);

let shared: ReturnType<typeof createDb> | undefined;

/** The process-wide client for DATABASE_URL (admin server, runtime). */
export function getDb(): Db {
  if (!shared) {
    const url = process.env.DATABASE_URL;
    if (!url)
      throw new Error("DATABASE_URL is not set. Start Switchboard with `npm run up`, or set it yourself.");
    shared = createDb(url);
  }
  return shared.db;
}
