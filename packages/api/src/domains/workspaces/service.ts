import { type Db, memberships, user, workspaces } from "@switchboard/db";
import { and, eq } from "drizzle-orm";

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
