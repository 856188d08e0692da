import { redactBotTokens } from "@switchboard/core";
import { botLogs, bots, type Db } from "@switchboard/db";
import { eq } from "drizzle-orm";
import type { Logger } from "./log";
import { sanitizeJson, sanitizeString } from "./telegram/sanitize";

/** Writes to the per-bot log the admin shows, and to stdout. Never throws: logging must not break delivery. */
export async function logBotEvent(
  db: Pick<Db, "insert">,
  log: Logger,
  botId: string,
  entry: { level: "info" | "warn" | "error"; method?: string; message: string; details?: unknown },
) {
  log(entry.level, entry.message, { botId, method: entry.method });
  try {
    await db.insert(botLogs).values({
      botId,
      level: entry.level,
      method: entry.method ?? null,
      // Lines often quote what users sent (made storable); shown to every member (no token in them).
      message: sanitizeString(redactBotTokens(entry.message).slice(0, 2000)),
      details: entry.details === undefined ? null : sanitizeJson(redactDetails(entry.details)).value,
    });
  } catch (err) {
    log("error", "could not write bot log", { error: String(err) });
  }
}

/** Details are JSON: redacted as text, so a token anywhere inside (a URL, a nested error) is caught. */
function redactDetails(details: unknown): unknown {
  return JSON.parse(redactBotTokens(JSON.stringify(details) ?? "null"));
}

/** A bot that can't work (revoked token, webhook impossible) is marked failing with the reason. */
export async function markBotFailing(db: Db, botId: string, reason: string) {
  await db
    .update(bots)
    .set({ status: "failing", lastError: redactBotTokens(reason), lastErrorAt: new Date() })
    .where(eq(bots.id, botId));
}

export async function markBotActive(db: Db, botId: string) {
  await db.update(bots).set({ status: "active", lastError: null }).where(eq(bots.id, botId));
}
