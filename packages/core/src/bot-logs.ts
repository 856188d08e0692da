import { botLogs, bots } from "@switchboard/db";
import { and, desc, eq, gte, ilike, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "./db";
import { invalid, notFound } from "./errors";

/*
 * A bot's log (admin → Bots → Logs): failed Telegram calls, errors, updates set aside, checks of the
 * operators' group. The runtime writes it (runtime bot-log.ts); this reads it, newest first.
 */

export type BotLogLevel = "info" | "warn" | "error";

export interface BotLogFilter {
  level?: BotLogLevel;
  /** The Telegram method or the kind of line ("update" for updates set aside or ignored). */
  method?: string;
  /** Words in the message, case-insensitive. */
  search?: string;
  from?: Date;
  to?: Date;
}

export interface BotLogLine {
  id: string;
  level: BotLogLevel;
  method: string | null;
  message: string;
  details: unknown;
  createdAt: Date;
}

const cursorOf = (row: { createdAt: Date; id: string }) => `${row.createdAt.toISOString()}|${row.id}`;

function parseCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = cursor.split("|");
  const createdAt = new Date(at ?? "");
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(createdAt.getTime()))
    throw invalid("That page of the bot's log does not exist.");
  return { createdAt, id };
}

/** `%`, `_` and `\` in what someone typed are letters, not patterns. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

async function assertBotInWorkspace(db: Executor, workspaceId: string, botId: string) {
  const [bot] = await db
    .select({ id: bots.id })
    .from(bots)
    .where(and(eq(bots.id, botId), eq(bots.workspaceId, workspaceId)));
  if (!bot) throw notFound("Bot");
}

/** One page of the bot's log, newest first, with the methods the log has (for the filter). */
export async function listBotLogs(
  db: Executor,
  workspaceId: string,
  input: BotLogFilter & { botId: string; cursor?: string; limit?: number },
): Promise<{ items: BotLogLine[]; nextCursor: string | null; methods: string[] }> {
  await assertBotInWorkspace(db, workspaceId, input.botId);
  if (input.from && input.to && input.from > input.to)
    throw invalid("The start of the time range is after its end.");
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const where: SQL[] = [eq(botLogs.botId, input.botId)];
  if (input.level) where.push(eq(botLogs.level, input.level));
  if (input.method) where.push(eq(botLogs.method, input.method));
  const search = input.search?.trim();
  if (search) where.push(ilike(botLogs.message, `%${likeEscaped(search)}%`));
  if (input.from) where.push(gte(botLogs.createdAt, input.from));
  if (input.to) where.push(lte(botLogs.createdAt, input.to));
  if (input.cursor) {
    const c = parseCursor(input.cursor);
    where.push(
      or(
        lt(botLogs.createdAt, c.createdAt),
        and(eq(botLogs.createdAt, c.createdAt), sql`${botLogs.id} < ${c.id}`),
      )!,
    );
  }
  const rows = await db
    .select({
      id: botLogs.id,
      level: botLogs.level,
      method: botLogs.method,
      message: botLogs.message,
      details: botLogs.details,
      createdAt: botLogs.createdAt,
    })
    .from(botLogs)
    .where(and(...where))
    .orderBy(desc(botLogs.createdAt), desc(botLogs.id))
    .limit(limit + 1);
  const methods = await db
    .selectDistinct({ method: botLogs.method })
    .from(botLogs)
    .where(and(eq(botLogs.botId, input.botId), sql`${botLogs.method} is not null`))
    .orderBy(botLogs.method);
  const page = rows.slice(0, limit).map((r) => ({ ...r, level: asLevel(r.level) }));
  return {
    items: page,
    nextCursor: rows.length > limit ? cursorOf(page[page.length - 1]!) : null,
    methods: methods.flatMap((m) => (m.method ? [m.method] : [])),
  };
}

/** Lines are written with these three; anything else reads as info. */
const asLevel = (level: string): BotLogLevel => (level === "warn" || level === "error" ? level : "info");
