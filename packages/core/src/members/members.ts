import {
  bots,
  contacts,
  conversationAssignments,
  invitations,
  leads,
  type MemberRole,
  memberships,
  operatorPools,
  operatorPresence,
  operatorQueue,
  session,
  user,
  workspaces,
} from "@switchboard/db";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Actor } from "../actor";
import { lockConversation } from "../conversations/open";
import type { Db, Executor } from "../db";
import { invalid, notFound, preconditionFailed } from "../errors";
import { lockRouting } from "../locks";
import { notifyRouting } from "../notify";
import { emitRealtime } from "../realtime/emit";
import { cancelIdleClose } from "../routing/idle-close";
import { assertHasOwner, lockWorkspaceMembers } from "./lock";
import { assertOwner } from "./roles";

/** Why an operator's assignment ended when their membership did. */
export const MEMBER_REMOVED_REASON = "member_removed";

/** The workspace's members (any member may see them), by name. `you` marks the caller. */
export async function listMembers(db: Executor, actor: Actor) {
  const rows = await db
    .select({
      userId: memberships.userId,
      name: user.name,
      email: user.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(eq(memberships.workspaceId, actor.workspaceId))
    .orderBy(asc(user.name), asc(user.email));
  return rows.map((r) => ({ ...r, you: r.userId === actor.userId }));
}

/**
 * An owner changes a member's role (their own included). The workspace always keeps an owner: making
 * its only owner something else is PRECONDITION_FAILED. Answers the members after.
 */
export async function changeMemberRole(db: Db, actor: Actor, input: { userId: string; role: MemberRole }) {
  assertOwner(actor, "change a member's role");
  await db.transaction(async (tx) => {
    await lockWorkspaceMembers(tx, actor.workspaceId);
    const [member] = await tx
      .select({ role: memberships.role, name: user.name })
      .from(memberships)
      .innerJoin(user, eq(user.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, input.userId)));
    if (!member) throw notFound("Member");
    if (member.role === input.role) return;
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, input.userId)));
    await assertHasOwner(
      tx,
      actor.workspaceId,
      input.userId === actor.userId
        ? "You are the only owner of this workspace. Make another member an owner first."
        : `${member.name} is the only owner of this workspace. Make another member an owner first.`,
    );
  });
  return listMembers(db, actor);
}

/**
 * Ends `userId`'s membership, under the workspace's lock: the conversations they have go back to
 * their bots' queues (still with an operator, waiting for the next one to take them), they leave the
 * workspace's operator pools and presence, leads and contacts they owned have no owner, contacts that
 * a Login step linked to them are unlinked, and sessions working in the workspace fall back to the
 * user's first workspace. Answers how many conversations went back to the queue.
 */
async function endMembership(tx: Executor, workspaceId: string, userId: string) {
  const removed = await tx
    .delete(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .returning({ userId: memberships.userId });
  if (removed.length === 0) throw notFound("Member");

  const open = await tx
    .select({ conversationId: conversationAssignments.conversationId })
    .from(conversationAssignments)
    .where(
      and(
        eq(conversationAssignments.workspaceId, workspaceId),
        eq(conversationAssignments.operatorUserId, userId),
        isNull(conversationAssignments.endedAt),
      ),
    )
    .orderBy(asc(conversationAssignments.conversationId));
  let requeued = 0;
  // Routing's lock before any chat's, the order every assignment change takes them in.
  if (open.length) await lockRouting(tx, workspaceId);
  for (const { conversationId } of open) {
    // The chat's lock, as every change to a conversation takes it; then check it is still theirs.
    const conversation = await lockConversation(tx, conversationId, workspaceId);
    const ended = await tx
      .update(conversationAssignments)
      .set({ endedAt: sql`now()`, endReason: MEMBER_REMOVED_REASON })
      .where(
        and(
          eq(conversationAssignments.conversationId, conversationId),
          eq(conversationAssignments.operatorUserId, userId),
          isNull(conversationAssignments.endedAt),
        ),
      )
      .returning({ id: conversationAssignments.id });
    if (ended.length === 0 || conversation.status !== "operator") continue;
    await tx
      .insert(operatorQueue)
      .values({
        conversationId,
        workspaceId,
        botId: conversation.botId,
        stepId: conversation.currentStepId,
      })
      .onConflictDoNothing({ target: operatorQueue.conversationId });
    await cancelIdleClose(tx, conversationId);
    // The inbox shows it waiting again at once; routing hands it to someone else.
    await emitRealtime(tx, workspaceId, {
      type: "conversation",
      conversationId,
      botId: conversation.botId,
      status: conversation.status,
      assigneeId: null,
    });
    await emitRealtime(tx, workspaceId, { type: "queue", botId: conversation.botId });
    requeued += 1;
  }
  if (requeued) await notifyRouting(tx, workspaceId);

  const workspaceBots = tx.select({ id: bots.id }).from(bots).where(eq(bots.workspaceId, workspaceId));
  await tx
    .delete(operatorPools)
    .where(and(eq(operatorPools.userId, userId), inArray(operatorPools.botId, workspaceBots)));
  await tx
    .delete(operatorPresence)
    .where(and(eq(operatorPresence.workspaceId, workspaceId), eq(operatorPresence.userId, userId)));
  await tx
    .update(leads)
    .set({ ownerUserId: null })
    .where(and(eq(leads.workspaceId, workspaceId), eq(leads.ownerUserId, userId)));
  await tx
    .update(contacts)
    .set({ ownerUserId: null })
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.ownerUserId, userId)));
  await tx
    .update(contacts)
    .set({ linkedUserId: null, linkedAt: null })
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.linkedUserId, userId)));
  await tx
    .update(session)
    .set({ activeWorkspaceId: null })
    .where(and(eq(session.userId, userId), eq(session.activeWorkspaceId, workspaceId)));
  return { requeued };
}

/**
 * An owner removes another member (see `endMembership` for what goes with it); their open invitations
 * to this workspace are revoked too. To go yourself, leave. Answers the members after.
 */
export async function removeMember(db: Db, actor: Actor, userId: string) {
  assertOwner(actor, "remove members");
  if (userId === actor.userId) throw invalid("To remove yourself, leave the workspace.");
  const { requeued } = await db.transaction(async (tx) => {
    await lockWorkspaceMembers(tx, actor.workspaceId);
    const result = await endMembership(tx, actor.workspaceId, userId);
    await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(invitations.workspaceId, actor.workspaceId),
          eq(invitations.invitedBy, userId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    await assertHasOwner(tx, actor.workspaceId, "The workspace would have no owner left.");
    return result;
  });
  return { members: await listMembers(db, actor), requeued };
}

/**
 * Any member leaves the workspace (see `endMembership`); their invitations stay. Its only owner can't
 * (make someone else an owner first), nor can anyone leave their only workspace. Answers the
 * workspace the user's sessions fall back to.
 */
export async function leaveWorkspace(db: Db, actor: Actor) {
  return db.transaction(async (tx) => {
    await lockWorkspaceMembers(tx, actor.workspaceId);
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(memberships)
      .where(eq(memberships.userId, actor.userId));
    if ((count?.n ?? 0) <= 1) throw preconditionFailed("This is your only workspace, so you can't leave it.");
    const { requeued } = await endMembership(tx, actor.workspaceId, actor.userId);
    await assertHasOwner(
      tx,
      actor.workspaceId,
      "You are the only owner of this workspace. Make another member an owner before you leave.",
    );
    const [next] = await tx
      .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
      .from(memberships)
      .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
      .where(eq(memberships.userId, actor.userId))
      .orderBy(asc(memberships.createdAt), asc(memberships.workspaceId))
      .limit(1);
    return { next: next ?? null, requeued };
  });
}
