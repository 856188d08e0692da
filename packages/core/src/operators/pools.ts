import { bots, memberships, operatorPools, user } from "@switchboard/db";
import { and, asc, eq } from "drizzle-orm";
import type { Actor } from "../actor";
import type { Executor } from "../db";
import { notFound } from "../errors";

async function botOf(db: Executor, actor: Actor, botId: string) {
  const [bot] = await db
    .select({ id: bots.id })
    .from(bots)
    .where(and(eq(bots.id, botId), eq(bots.workspaceId, actor.workspaceId)));
  if (!bot) throw notFound("Bot");
  return bot;
}

/** The acting member takes the bot's conversations from now on. */
export async function joinOperatorPool(db: Executor, actor: Actor, botId: string) {
  await botOf(db, actor, botId);
  await db.insert(operatorPools).values({ botId, userId: actor.userId }).onConflictDoNothing();
}

export async function leaveOperatorPool(db: Executor, actor: Actor, botId: string) {
  await botOf(db, actor, botId);
  await db
    .delete(operatorPools)
    .where(and(eq(operatorPools.botId, botId), eq(operatorPools.userId, actor.userId)));
}

export async function isInOperatorPool(db: Executor, botId: string, userId: string) {
  const [row] = await db
    .select({ userId: operatorPools.userId })
    .from(operatorPools)
    .where(and(eq(operatorPools.botId, botId), eq(operatorPools.userId, userId)));
  return !!row;
}

/** The members in a bot's operator pool, with their role in the workspace. */
export async function listOperatorPool(db: Executor, actor: Actor, botId: string) {
  await botOf(db, actor, botId);
  return db
    .select({
      userId: operatorPools.userId,
      name: user.name,
      email: user.email,
      role: memberships.role,
      joinedAt: operatorPools.joinedAt,
    })
    .from(operatorPools)
    .innerJoin(user, eq(user.id, operatorPools.userId))
    .innerJoin(
      memberships,
      and(eq(memberships.userId, operatorPools.userId), eq(memberships.workspaceId, actor.workspaceId)),
    )
    .where(eq(operatorPools.botId, botId))
    .orderBy(asc(user.name), asc(user.email));
}
