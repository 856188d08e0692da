import { bots, conversations, memberships, operatorPools, operatorPresence, user } from "@switchboard/db";
import { and, asc, eq } from "drizzle-orm";
import type { Actor } from "../actor";
import { parseBotSettings } from "../bot-settings";
import type { CoreEnv } from "../conversations/dispatch";
import type { Db, Executor } from "../db";
import { invalid, notFound } from "../errors";
import { assignConversationTo } from "../operators/inbox";
import { effectivePresence, type PresenceStatus, workspacePresence } from "../routing/presence";
import { activeChats } from "../routing/state";

const PRESENCE_ORDER: Record<PresenceStatus, number> = { online: 0, away: 1, offline: 2 };

/**
 * Who a conversation of this bot can be given to (the inbox's assign menu): the bot's pool, each
 * with their effective presence, their open conversations of this bot (what its maximum caps) and in
 * the workspace, and whether they can take one more. Online first, then the least busy, then by name.
 */
export async function assignableOperators(db: Executor, actor: Actor, botId: string, now = new Date()) {
  const [bot] = await db
    .select({ id: bots.id, settings: bots.settings })
    .from(bots)
    .where(and(eq(bots.id, botId), eq(bots.workspaceId, actor.workspaceId)));
  if (!bot) throw notFound("Bot");
  const maxParallelChats = parseBotSettings(bot.settings).operator.maxParallelChats;
  const pool = await db
    .select({
      userId: operatorPools.userId,
      name: user.name,
      role: memberships.role,
      presenceStatus: operatorPresence.status,
      lastSeenAt: operatorPresence.lastSeenAt,
    })
    .from(operatorPools)
    .innerJoin(user, eq(user.id, operatorPools.userId))
    // Only current members: someone who left the workspace can't be given its conversations.
    .innerJoin(
      memberships,
      and(eq(memberships.userId, operatorPools.userId), eq(memberships.workspaceId, actor.workspaceId)),
    )
    .leftJoin(
      operatorPresence,
      and(
        eq(operatorPresence.userId, operatorPools.userId),
        eq(operatorPresence.workspaceId, actor.workspaceId),
      ),
    )
    .where(eq(operatorPools.botId, botId))
    .orderBy(asc(user.name));
  const load = await activeChats(db, actor.workspaceId);
  return pool
    .map((p) => {
      const byBot = load.get(p.userId);
      const openChats = byBot?.get(botId) ?? 0;
      const presence = effectivePresence(
        p.presenceStatus && p.lastSeenAt ? { status: p.presenceStatus, lastSeenAt: p.lastSeenAt } : undefined,
        now,
      );
      return {
        userId: p.userId,
        name: p.name,
        role: p.role,
        presence,
        openChats,
        openChatsTotal: [...(byBot?.values() ?? [])].reduce((a, b) => a + b, 0),
        maxParallelChats,
        canTakeMore: openChats < maxParallelChats,
        isMe: p.userId === actor.userId,
      };
    })
    .sort(
      (a, b) =>
        PRESENCE_ORDER[a.presence] - PRESENCE_ORDER[b.presence] ||
        a.openChatsTotal - b.openChatsTotal ||
        a.name.localeCompare(b.name),
    );
}

/**
 * The inbox's "assign to": a waiting conversation to someone, or a transfer
 * (operators/inbox.ts `assignConversationTo` has the rules: the one who has it or an owner; the new
 * operator in the bot's pool and below its maximum). The new operator must be a member of the
 * workspace.
 */
export async function assignInInbox(
  db: Db,
  actor: Actor,
  conversationId: string,
  toUserId: string,
  env: CoreEnv,
) {
  const [conversation] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.workspaceId, actor.workspaceId)));
  if (!conversation) throw notFound("Conversation");
  const [member] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, toUserId)));
  if (!member) throw invalid("That person is not a member of this workspace.");
  return assignConversationTo(db, actor, conversationId, toUserId, env);
}

/** Every member of the workspace with their presence (members who never connected are offline). */
export async function membersPresence(db: Executor, actor: Actor, now = new Date()) {
  const members = await db
    .select({ userId: memberships.userId, name: user.name, email: user.email, role: memberships.role })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(eq(memberships.workspaceId, actor.workspaceId))
    .orderBy(asc(user.name), asc(user.email));
  const presence = new Map((await workspacePresence(db, actor.workspaceId, now)).map((p) => [p.userId, p]));
  return members.map((m) => {
    const p = presence.get(m.userId);
    return {
      ...m,
      /** What they chose (offline when they never did). */
      status: p?.status ?? ("offline" as const),
      /** What counts: offline when no browser of theirs has been seen for a while. */
      presence: p?.effective ?? ("offline" as const),
      lastSeenAt: p?.lastSeenAt ?? null,
    };
  });
}
