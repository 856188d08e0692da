import { cannedReplies, user } from "@switchboard/db";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Actor } from "../actor";
import type { Executor } from "../db";
import { conflict, forbidden, invalid, notFound } from "../errors";

/*
 * Canned replies: texts an operator inserts by typing ":" and a shortcut in the reply box. Every member
 * may use them; owners and marketers manage them (they are the workspace's voice, like the flows).
 */

/** Letters (any script), digits, `_` and `-`; stored in lowercase, so `:Thanks` and `:thanks` are one. */
const SHORTCUT = /^[\p{L}\p{N}_-]{1,32}$/u;
export const MAX_CANNED_TEXT_LENGTH = 4096;
export const MAX_CANNED_SHORTCUT_LENGTH = 32;

const columns = {
  id: cannedReplies.id,
  shortcut: cannedReplies.shortcut,
  text: cannedReplies.text,
  createdBy: cannedReplies.createdBy,
  createdByName: user.name,
  createdAt: cannedReplies.createdAt,
  updatedAt: cannedReplies.updatedAt,
};

function assertManager(actor: Actor) {
  if (actor.role === "operator")
    throw forbidden("Operators can't manage canned replies; an owner or a marketer can.");
}

/** A shortcut as typed (a leading ":" is fine), checked and lowercased. */
export function parseShortcut(raw: string): string {
  const shortcut = raw.trim().replace(/^:/, "").toLowerCase();
  if (!SHORTCUT.test(shortcut))
    throw invalid(
      `A shortcut has 1–${MAX_CANNED_SHORTCUT_LENGTH} letters, digits, "_" or "-" (no spaces), e.g. "thanks".`,
    );
  return shortcut;
}

function parseText(raw: string): string {
  const text = raw.trim();
  if (!text) throw invalid("Write the reply's text.");
  if (text.length > MAX_CANNED_TEXT_LENGTH)
    throw invalid(
      `A canned reply can have at most ${MAX_CANNED_TEXT_LENGTH.toLocaleString("en-US")} characters.`,
    );
  return text;
}

/** Postgres's unique_violation, wherever the driver or Drizzle wrapped it. */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause)
    if ((e as { code?: unknown }).code === "23505") return true;
  return false;
}

const taken = (shortcut: string) =>
  conflict(`There is already a canned reply ":${shortcut}". Choose another shortcut.`);

function select(db: Executor) {
  return db.select(columns).from(cannedReplies).leftJoin(user, eq(user.id, cannedReplies.createdBy));
}

async function cannedReply(db: Executor, actor: Actor, id: string) {
  const [row] = await select(db).where(
    and(eq(cannedReplies.id, id), eq(cannedReplies.workspaceId, actor.workspaceId)),
  );
  if (!row) throw notFound("Canned reply");
  return row;
}

/**
 * The workspace's canned replies by shortcut; with `search`, those whose shortcut starts with it
 * (what ":" followed by a few letters offers), case-insensitively and literally (`_` is no wildcard).
 */
export async function listCannedReplies(db: Executor, actor: Actor, search?: string) {
  const prefix = search?.trim().replace(/^:/, "").toLowerCase() ?? "";
  return select(db)
    .where(
      and(
        eq(cannedReplies.workspaceId, actor.workspaceId),
        prefix ? sql`${cannedReplies.shortcut} like ${`${prefix.replace(/[\\%_]/g, "\\$&")}%`}` : undefined,
      ),
    )
    .orderBy(asc(cannedReplies.shortcut))
    .limit(prefix ? 50 : 1000);
}

export async function createCannedReply(
  db: Executor,
  actor: Actor,
  input: { shortcut: string; text: string },
) {
  assertManager(actor);
  const shortcut = parseShortcut(input.shortcut);
  const text = parseText(input.text);
  const [row] = await db
    .insert(cannedReplies)
    .values({ workspaceId: actor.workspaceId, shortcut, text, createdBy: actor.userId })
    .onConflictDoNothing()
    .returning({ id: cannedReplies.id });
  if (!row) throw taken(shortcut);
  return cannedReply(db, actor, row.id);
}

/** Changes the shortcut, the text or both (omitted: unchanged). */
export async function updateCannedReply(
  db: Executor,
  actor: Actor,
  id: string,
  patch: { shortcut?: string | undefined; text?: string | undefined },
) {
  assertManager(actor);
  await cannedReply(db, actor, id);
  const shortcut = patch.shortcut !== undefined ? parseShortcut(patch.shortcut) : undefined;
  const text = patch.text !== undefined ? parseText(patch.text) : undefined;
  if (shortcut === undefined && text === undefined) return cannedReply(db, actor, id);
  try {
    await db
      .update(cannedReplies)
      .set({ ...(shortcut !== undefined ? { shortcut } : {}), ...(text !== undefined ? { text } : {}) })
      .where(and(eq(cannedReplies.id, id), eq(cannedReplies.workspaceId, actor.workspaceId)));
  } catch (error) {
    if (shortcut !== undefined && isUniqueViolation(error)) throw taken(shortcut);
    throw error;
  }
  return cannedReply(db, actor, id);
}

export async function removeCannedReply(db: Executor, actor: Actor, id: string) {
  assertManager(actor);
  const [row] = await db
    .delete(cannedReplies)
    .where(and(eq(cannedReplies.id, id), eq(cannedReplies.workspaceId, actor.workspaceId)))
    .returning({ id: cannedReplies.id });
  if (!row) throw notFound("Canned reply");
}
