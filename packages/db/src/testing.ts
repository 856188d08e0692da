import { randomBytes } from "node:crypto";
import { createDb } from "./client";
import { ensureDatabase } from "./embedded";
import { runMigrations } from "./migrate";

/**
 * For tests: a fresh, migrated database on the server at TEST_DATABASE_ADMIN_URL (set by the vitest
 * global setup, which starts one embedded PostgreSQL for the whole run).
 */
export async function createTestDatabase(prefix = "t") {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  if (!adminUrl)
    throw new Error("TEST_DATABASE_ADMIN_URL is not set: run tests through vitest's global setup.");
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await ensureDatabase(adminUrl, name);
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  await runMigrations(url);
  const client = createDb(url);
  return { url, name, ...client };
}
