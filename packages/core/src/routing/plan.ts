/**
 * Who gets which waiting conversation: a pure function (state in, assignments out), so every rule is
 * table-tested and the database side (drain.ts) only gathers the state and applies the answer.
 *
 * Rules (PRODUCT.md §4, seed 001):
 * - Oldest waiting first.
 * - Only online operators in the conversation's bot pool, below that bot's maximum parallel chats (the
 *   setting is per bot, as in seed 001: it caps the operator's open conversations of that bot).
 * - The least busy operator gets it — load counts all their open conversations in the workspace, so
 *   someone working for two bots isn't picked first — ties go to the one idle longest (the oldest last
 *   assignment), then by user id, so the answer is deterministic.
 * - "Only my clients": a contact whose owner is in the bot's pool goes to that owner only. While the
 *   owner is offline or full, the conversation keeps waiting for them (others are not offered it) until
 *   the bot's maximum waiting time sends it to `no_operator`: the client relationship is the point.
 *   A contact whose owner is not in the pool is routed like any other.
 * - A conversation nobody can take now keeps waiting and does not block younger ones.
 */

export interface WaitingConversation {
  conversationId: string;
  botId: string;
  waitingSince: Date;
  /** The contact's owner (salesperson), if any. */
  contactOwnerId: string | null;
}

export interface OperatorState {
  userId: string;
  online: boolean;
  /** Bots whose pool the operator is in. */
  botIds: ReadonlySet<string>;
  /** Open conversations the operator has in the workspace (their load). */
  activeChats: number;
  /** Open conversations per bot (what each bot's maximum caps). */
  activeByBot: ReadonlyMap<string, number>;
  /** When the operator last got a conversation (null: never): the longest idle wins ties. */
  lastAssignedAt: Date | null;
}

export interface BotRouting {
  maxParallelChats: number;
  onlyMyClients: boolean;
}

export interface PlannedAssignment {
  conversationId: string;
  userId: string;
}

const time = (d: Date | null) => (d ? d.getTime() : Number.NEGATIVE_INFINITY);

export function planAssignments(
  waiting: readonly WaitingConversation[],
  operators: readonly OperatorState[],
  bots: ReadonlyMap<string, BotRouting>,
  now: Date,
): PlannedAssignment[] {
  const load = new Map(operators.map((o) => [o.userId, { ...o, activeByBot: new Map(o.activeByBot) }]));
  // Oldest first at the millisecond (a Date's precision); within the same millisecond, by id compared
  // as Postgres compares uuids (byte order = the lowercase hex text's order), never by locale.
  const queue = [...waiting].sort(
    (a, b) =>
      a.waitingSince.getTime() - b.waitingSince.getTime() ||
      (a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : 0),
  );
  const out: PlannedAssignment[] = [];
  for (const w of queue) {
    const bot = bots.get(w.botId);
    if (!bot) continue;
    const pool = [...load.values()].filter((o) => o.botIds.has(w.botId));
    const owner =
      bot.onlyMyClients && w.contactOwnerId ? pool.find((o) => o.userId === w.contactOwnerId) : undefined;
    const candidates = (owner ? [owner] : pool).filter(
      (o) => o.online && (o.activeByBot.get(w.botId) ?? 0) < bot.maxParallelChats,
    );
    if (candidates.length === 0) continue;
    const chosen = candidates.reduce((best, o) =>
      o.activeChats < best.activeChats ||
      (o.activeChats === best.activeChats &&
        (time(o.lastAssignedAt) < time(best.lastAssignedAt) ||
          (time(o.lastAssignedAt) === time(best.lastAssignedAt) && o.userId < best.userId)))
        ? o
        : best,
    );
    chosen.activeChats += 1;
    chosen.activeByBot.set(w.botId, (chosen.activeByBot.get(w.botId) ?? 0) + 1);
    chosen.lastAssignedAt = now;
    out.push({ conversationId: w.conversationId, userId: chosen.userId });
  }
  return out;
}
