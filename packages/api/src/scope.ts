import { type Actor, DomainError, forbidden, resolveWorkspace } from "@switchboard/core";
import { type Db, memberships } from "@switchboard/db";
import { and, eq } from "drizzle-orm";

/** A signed-in member's workspace: what every workspace service is scoped to. */
export type WorkspaceScope = { db: Db; workspaceId: string; userId: string };

/** A workspace scope with the caller's role: the core's services take it as their `Actor`. */
export type ActorScope = WorkspaceScope & { actor: Actor };

/**
 * The caller's workspace: the one their session chose (`session.active_workspace_id`, set by
 * `workspace.switch` or accepting an invitation) when they are still a member of it, else their first
 * membership; re-checked on every call and never taken from the client. What the workspace procedures
 * run in, and what a route handler outside tRPC (file uploads) resolves the same way.
 */
export async function workspaceScopeOf(
  db: Db,
  userId: string | null,
  sessionId: string | null = null,
): Promise<ActorScope> {
  if (!userId) throw new DomainError("UNAUTHENTICATED", "Sign in first.");
  const actor = await resolveWorkspace(db, { userId, sessionId });
  if (!actor) throw forbidden("You are not a member of any workspace.");
  return { db, workspaceId: actor.workspaceId, userId, actor };
}

/** The scope's actor; a scope built without one (a script) has its role read from the membership. */
export async function actorOf(scope: WorkspaceScope | ActorScope): Promise<Actor> {
  if ("actor" in scope) return scope.actor;
  const [membership] = await scope.db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, scope.workspaceId), eq(memberships.userId, scope.userId)));
  if (!membership) throw forbidden("You are not a member of this workspace.");
  return { workspaceId: scope.workspaceId, userId: scope.userId, role: membership.role };
}

/** Owners and marketers change bots and flows; operators only work the inbox. */
export function assertEditor(actor: Pick<Actor, "role">) {
  if (actor.role === "operator") throw forbidden("Operators can't change bots or flows.");
}
