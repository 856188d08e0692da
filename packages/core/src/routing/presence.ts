import { operatorPresence } from "@switchboard/db";
import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../actor";
import type { Db, Executor } from "../db";
import { notifyRouting } from "../notify";
import { emitRealtime } from "../realtime/emit";

/** A browser that hasn't said "I'm here" for this long no longer counts: its operator is offline. */
export const PRESENCE_TIMEOUT_MS = 2 * 60_000;

export type PresenceStatus = "online" | "away" | "offline";

/** What the rest of the team sees: the chosen status while a browser is connected, offline otherwise. */
export function effectivePresence(
  row: { status: PresenceStatus; lastSeenAt: Date } | undefined,
  now = new Date(),
) {
  if (!row || row.status === "offline") return "offline" as const;
  return now.getTime() - row.lastSeenAt.getTime() > PRESENCE_TIMEOUT_MS ? ("offline" as const) : row.status;
}

async function readPresence(db: Executor, actor: Actor) {
  const [row] = await db
    .select()
    .from(operatorPresence)
    .where(
      and(eq(operatorPresence.workspaceId, actor.workspaceId), eq(operatorPresence.userId, actor.userId)),
    );
  return row;
}

/**
 * A browser of the operator's is connected (called every ~30 s while the admin is open). Coming back
 * from offline announces the presence and lets the queue drain to them.
 */
export async function presenceHeartbeat(db: Db, actor: Actor) {
  return db.transaction(async (tx) => {
    const before = effectivePresence(await readPresence(tx, actor));
    const [row] = await tx
      .insert(operatorPresence)
      .values({ workspaceId: actor.workspaceId, userId: actor.userId })
      .onConflictDoUpdate({
        target: [operatorPresence.workspaceId, operatorPresence.userId],
        set: { lastSeenAt: sql`now()` },
      })
      .returning();
    const after = effectivePresence(row);
    if (after !== before) await announce(tx, actor, after);
    return { status: row!.status, effective: after };
  });
}

/** The operator chooses online, away or offline. Online lets the queue drain to them at once. */
export async function setPresence(db: Db, actor: Actor, status: PresenceStatus) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(operatorPresence)
      .values({ workspaceId: actor.workspaceId, userId: actor.userId, status })
      .onConflictDoUpdate({
        target: [operatorPresence.workspaceId, operatorPresence.userId],
        set: { status, lastSeenAt: sql`now()`, changedAt: sql`now()` },
      })
      .returning();
    const effective = effectivePresence(row);
    await announce(tx, actor, effective);
    return { status: row!.status, effective };
  });
}

async function announce(tx: Executor, actor: Actor, status: PresenceStatus) {
  await emitRealtime(tx, actor.workspaceId, { type: "presence", userId: actor.userId, status });
  if (status === "online") await notifyRouting(tx, actor.workspaceId);
}

/** Everyone's presence in the workspace (members who never connected are offline). */
export async function workspacePresence(db: Executor, workspaceId: string, now = new Date()) {
  const rows = await db.select().from(operatorPresence).where(eq(operatorPresence.workspaceId, workspaceId));
  return rows.map((r) => ({
    userId: r.userId,
    status: r.status,
    effective: effectivePresence(r, now),
    lastSeenAt: r.lastSeenAt,
  }));
}
