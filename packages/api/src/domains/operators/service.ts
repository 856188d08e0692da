import { joinOperatorPool, leaveOperatorPool, notFound } from "@switchboard/core";
import { bots, memberships, operatorPools, user } from "@switchboard/db";
import { and, asc, eq } from "drizzle-orm";
import type { ActorScope } from "../../trpc";

/** The bot's operator pool: who may take its waiting conversations. */
export async function operatorPool({ db, workspaceId }: ActorScope, botId: string) {
  const [bot] = await db
    .select({ id: bots.id })
    .from(bots)
    .where(and(eq(bots.id, botId), eq(bots.workspaceId, workspaceId)));
  if (!bot) throw notFound("Bot");
  return (
    db
      .select({
        userId: operatorPools.userId,
        name: user.name,
        email: user.email,
        role: memberships.role,
        joinedAt: operatorPools.joinedAt,
      })
      .from(operatorPools)
      .innerJoin(user, eq(user.id, operatorPools.userId))
      // Only the workspace's members (a member who left the workspace no longer counts).
      .innerJoin(
        memberships,
        and(eq(memberships.userId, operatorPools.userId), eq(memberships.workspaceId, workspaceId)),
      )
      .where(eq(operatorPools.botId, botId))
      .orderBy(asc(user.name), asc(user.email))
  );
}

/** The caller takes the bot's conversations from now on (idempotent); answers the pool. */
export async function joinPool(scope: ActorScope, botId: string) {
  await joinOperatorPool(scope.db, scope.actor, botId);
  return operatorPool(scope, botId);
}

/** The caller stops taking the bot's conversations (their open ones stay theirs); answers the pool. */
export async function leavePool(scope: ActorScope, botId: string) {
  await leaveOperatorPool(scope.db, scope.actor, botId);
  return operatorPool(scope, botId);
}
