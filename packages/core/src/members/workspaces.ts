import { memberships, session, workspaces } from "@switchboard/db";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Actor } from "../actor";
import type { Executor } from "../db";
import { notFound, preconditionFailed } from "../errors";

/**
 * The workspace a signed-in user's call works in: the one their session chose (`session.active_workspace_id`)
 * when they are still a member of it, else their first workspace (the oldest membership). Re-checked on
 * every call, so a workspace the user left or was removed from is never used, whatever the session
 * still names. Null when the user is a member of no workspace. Never taken from a client's input.
 */
export async function resolveWorkspace(
  db: Executor,
  input: { userId: string; sessionId: string | null },
): Promise<Actor | null> {
  const order = [asc(memberships.createdAt), asc(memberships.workspaceId)];
  if (input.sessionId)
    order.unshift(
      sql`(${memberships.workspaceId} = (select ${session.activeWorkspaceId} from ${session} where ${session.id} = ${input.sessionId} and ${session.userId} = ${input.userId})) desc nulls last`,
    );
  const [row] = await db
    .select({ workspaceId: memberships.workspaceId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, input.userId))
    .orderBy(...order)
    .limit(1);
  return row ? { workspaceId: row.workspaceId, userId: input.userId, role: row.role } : null;
}

/** The user's workspaces with their role in each, by name. */
export async function workspacesOf(db: Executor, userId: string) {
  return db
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(workspaces.name), asc(workspaces.id));
}

/**
 * The session works in `workspaceId` from now on (its other sessions, other browsers, keep theirs). The
 * user must be a member: any other workspace is NOT_FOUND, as if it didn't exist.
 */
export async function switchWorkspace(
  db: Executor,
  input: { userId: string; sessionId: string | null; workspaceId: string },
) {
  const [target] = await db
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.userId, input.userId), eq(memberships.workspaceId, input.workspaceId)));
  if (!target) throw notFound("Workspace");
  if (!input.sessionId) throw preconditionFailed("Switching workspaces needs a signed-in browser session.");
  const updated = await db
    .update(session)
    .set({ activeWorkspaceId: target.id })
    .where(and(eq(session.id, input.sessionId), eq(session.userId, input.userId)))
    .returning({ id: session.id });
  if (updated.length === 0) throw preconditionFailed("Your session has ended. Sign in again.");
  return target;
}
