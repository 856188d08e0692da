import { memberships, workspaces } from "@switchboard/db";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../db";
import { notFound, preconditionFailed } from "../errors";

/**
 * Serializes every change to a workspace's members and invitations (inviting, accepting, changing a
 * role, removing, leaving) by locking the workspace's row until the transaction ends. FOR NO KEY UPDATE
 * does not conflict with the key-share locks that inserting a workspace's other rows takes, so the
 * bots keep working meanwhile. Two owners demoting each other at once can't both pass the "one owner
 * left" check.
 */
export async function lockWorkspaceMembers(tx: Executor, workspaceId: string) {
  const [workspace] = await tx
    .select({ id: workspaces.id, name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .for("no key update");
  if (!workspace) throw notFound("Workspace");
  return workspace;
}

/** After a change under the lock: the workspace must still have an owner, else `message` (rolled back). */
export async function assertHasOwner(tx: Executor, workspaceId: string, message: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "owner")));
  if (!row || row.n === 0) throw preconditionFailed(message);
}
