import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Db = ReturnType<typeof createDb>["db"];
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * A Drizzle client on the `postgres` driver. `close()` ends the pool. `applicationName` names the
 * pool's connections in pg_stat_activity (the runtime's metrics count its connections by it).
 */
export function createDb(url: string, options: { max?: number; applicationName?: string } = {}) {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connect_timeout: 10,
    ...(options.applicationName ? { connection: { application_name: options.applicationName } } : {}),
  });
  const db = drizzle(sql, { schema });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}

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
