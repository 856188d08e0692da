import path from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { connectPostgres } from "./connection-url";

/** Only processes that apply migrations import this module (bundlers never see the folder). */
export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "../drizzle");

/** Applies the committed drizzle-kit migrations; safe to run on every start (it's a no-op when current). */
export async function runMigrations(url: string): Promise<void> {
  const sql = connectPostgres(url, { max: 1, onnotice: () => {} });
  try {
    // Two processes starting together must not both migrate.
    await sql`select pg_advisory_lock(7426001)`;
    await migrate(drizzle(sql), { migrationsFolder });
    await sql`select pg_advisory_unlock(7426001)`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
