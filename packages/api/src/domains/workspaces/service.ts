import {
  invalid,
  resolveWorkspace,
  switchWorkspace,
  syncBotSchedules,
  workspacesOf,
} from "@switchboard/core";
import { bots, type Db, memberships, user, workspaces } from "@switchboard/db";
import { isValidTimeZone } from "@switchboard/flow";
import { and, asc, eq } from "drizzle-orm";
import type { WorkspaceScope } from "../../trpc";
import type { UpdateWorkspaceSettingsInput } from "./schemas";

/** Every new account gets its own workspace, owned by it. Idempotent. */
export async function ensurePersonalWorkspace(db: Db, input: { userId: string; name: string }) {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ workspaceId: memberships.workspaceId })
      .from(memberships)
      .where(eq(memberships.userId, input.userId))
      .limit(1);
    if (existing) return existing.workspaceId;
    const [ws] = await tx
      .insert(workspaces)
      .values({ name: input.name ? `${input.name}'s workspace` : "My workspace" })
      .returning({ id: workspaces.id });
    await tx.insert(memberships).values({ workspaceId: ws!.id, userId: input.userId, role: "owner" });
    return ws!.id;
  });
}

export async function currentWorkspace(db: Db, workspaceId: string, userId: string) {
  const [row] = await db
    .select({
      id: workspaces.id,
      name: workspaces.name,
      role: memberships.role,
      userName: user.name,
      email: user.email,
    })
    .from(workspaces)
    .innerJoin(memberships, and(eq(memberships.workspaceId, workspaces.id), eq(memberships.userId, userId)))
    .innerJoin(user, eq(user.id, userId))
    .where(eq(workspaces.id, workspaceId));
  return row!;
}

export async function workspaceSettings({ db, workspaceId }: WorkspaceScope) {
  const [row] = await db
    .select({ id: workspaces.id, name: workspaces.name, timeZone: workspaces.timeZone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row!;
}

/**
 * Renames the workspace or changes its time zone. Schedule steps run in the time zone, so changing it
 * redoes the pending runs of every bot of the workspace.
 */
export async function updateWorkspaceSettings(scope: WorkspaceScope, input: UpdateWorkspaceSettingsInput) {
  if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone))
    throw invalid(
      `"${input.timeZone}" is not a time zone. Use an IANA time zone name such as "Europe/Berlin" or "America/New_York".`,
    );
  // Stored as the canonical name ("europe/berlin" is Europe/Berlin).
  const timeZone =
    input.timeZone === undefined
      ? undefined
      : new Intl.DateTimeFormat("en-US", { timeZone: input.timeZone }).resolvedOptions().timeZone;
  const before = await workspaceSettings(scope);
  if (input.name === undefined && timeZone === undefined) return before;
  await scope.db
    .update(workspaces)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(timeZone !== undefined ? { timeZone } : {}),
    })
    .where(eq(workspaces.id, scope.workspaceId));
  if (timeZone !== undefined && timeZone !== before.timeZone) {
    const rows = await scope.db
      .select({ id: bots.id })
      .from(bots)
      .where(eq(bots.workspaceId, scope.workspaceId));
    for (const bot of rows) await syncBotSchedules(scope.db, bot.id);
  }
  return workspaceSettings(scope);
}

export async function workspaceMembers({ db, workspaceId }: WorkspaceScope) {
  return db
    .select({ userId: memberships.userId, name: user.name, email: user.email, role: memberships.role })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(user.name), asc(user.email));
}

/** The user's workspaces; `current` marks the one their session works in (as the workspace procedures resolve it). */
export async function listWorkspaces(db: Db, userId: string, sessionId: string | null) {
  const [all, current] = await Promise.all([
    workspacesOf(db, userId),
    resolveWorkspace(db, { userId, sessionId }),
  ]);
  return all.map((w) => ({ ...w, current: w.id === current?.workspaceId }));
}

/** The session works in `workspaceId` from now on; the user must be a member of it. */
export const switchTo = (db: Db, userId: string, sessionId: string | null, workspaceId: string) =>
  switchWorkspace(db, { userId, sessionId, workspaceId });
