import { describe, expect, it } from "vitest";
import {
  type BotRouting,
  type OperatorState,
  planAssignments,
  type WaitingConversation,
} from "../src/routing/plan";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 9, minute));
const NOW = at(59);

const wait = (id: string, minute: number, over: Partial<WaitingConversation> = {}): WaitingConversation => ({
  conversationId: id,
  botId: "bot",
  waitingSince: at(minute),
  contactOwnerId: null,
  ...over,
});
/** An operator in the pools of `bots` (default "bot"); `activeChats` are open chats of the first bot. */
const op = (
  userId: string,
  over: {
    bots?: string[];
    byBot?: Record<string, number>;
    activeChats?: number;
    online?: boolean;
    lastAssignedAt?: Date | null;
  } = {},
): OperatorState => {
  const botIds = over.bots ?? ["bot"];
  const byBot = over.byBot ?? { [botIds[0]!]: over.activeChats ?? 0 };
  return {
    userId,
    online: over.online ?? true,
    botIds: new Set(botIds),
    activeChats: Object.values(byBot).reduce((x, y) => x + y, 0),
    activeByBot: new Map(Object.entries(byBot)),
    lastAssignedAt: over.lastAssignedAt ?? null,
  };
};
const bots = (over: Partial<BotRouting> = {}, extra: Record<string, Partial<BotRouting>> = {}) =>
  new Map<string, BotRouting>([
    ["bot", { maxParallelChats: 2, onlyMyClients: false, ...over }],
    ...Object.entries(extra).map(
      ([id, b]) => [id, { maxParallelChats: 2, onlyMyClients: false, ...b }] as const,
    ),
  ]);

const cases: {
  what: string;
  waiting: WaitingConversation[];
  operators: OperatorState[];
  bots?: Map<string, BotRouting>;
  expected: [string, string][];
}[] = [
  { what: "nobody waiting", waiting: [], operators: [op("ann")], expected: [] },
  { what: "nobody in the pool", waiting: [wait("c1", 1)], operators: [], expected: [] },
  {
    what: "one operator, one conversation",
    waiting: [wait("c1", 1)],
    operators: [op("ann")],
    expected: [["c1", "ann"]],
  },
  {
    what: "oldest first, up to the maximum; the rest waits",
    waiting: [wait("c3", 3), wait("c1", 1), wait("c2", 2)],
    operators: [op("ann")],
    expected: [
      ["c1", "ann"],
      ["c2", "ann"],
    ],
  },
  {
    what: "the least busy gets it",
    waiting: [wait("c1", 1)],
    operators: [op("ann", { activeChats: 1 }), op("bob", { activeChats: 0 })],
    expected: [["c1", "bob"]],
  },
  {
    what: "spreads across operators as their load changes",
    waiting: [wait("c1", 1), wait("c2", 2), wait("c3", 3), wait("c4", 4)],
    operators: [op("ann"), op("bob")],
    expected: [
      ["c1", "ann"],
      ["c2", "bob"],
      ["c3", "ann"],
      ["c4", "bob"],
    ],
  },
  {
    what: "a tie goes to the one idle longest",
    waiting: [wait("c1", 1)],
    operators: [op("ann", { lastAssignedAt: at(30) }), op("bob", { lastAssignedAt: at(10) })],
    expected: [["c1", "bob"]],
  },
  {
    what: "never assigned counts as idle longest",
    waiting: [wait("c1", 1)],
    operators: [op("ann", { lastAssignedAt: at(30) }), op("zed")],
    expected: [["c1", "zed"]],
  },
  {
    what: "offline operators get nothing",
    waiting: [wait("c1", 1)],
    operators: [op("ann", { online: false }), op("bob", { activeChats: 1 })],
    expected: [["c1", "bob"]],
  },
  {
    what: "full operators get nothing",
    waiting: [wait("c1", 1)],
    operators: [op("ann", { activeChats: 2 })],
    expected: [],
  },
  {
    what: "each bot's maximum caps the operator's chats of that bot",
    waiting: [wait("c1", 1, { botId: "small" }), wait("c2", 2)],
    operators: [op("ann", { bots: ["bot", "small"], byBot: { small: 1, bot: 1 } })],
    bots: bots({}, { small: { maxParallelChats: 1 } }),
    expected: [["c2", "ann"]],
  },
  {
    what: "the least busy counts all bots: chats of another bot make an operator busier",
    waiting: [wait("c1", 1)],
    operators: [op("ann", { bots: ["bot", "other"], byBot: { other: 1 } }), op("bob", { byBot: { bot: 0 } })],
    bots: bots({}, { other: {} }),
    expected: [["c1", "bob"]],
  },
  {
    what: "only operators in that bot's pool",
    waiting: [wait("c1", 1, { botId: "other" })],
    operators: [op("ann"), op("bob", { bots: ["other"], byBot: { other: 1 } })],
    bots: bots({}, { other: {} }),
    expected: [["c1", "bob"]],
  },
  {
    what: "only my clients: the owner gets their client even when busier",
    waiting: [wait("c1", 1, { contactOwnerId: "ann" })],
    operators: [op("ann", { activeChats: 1 }), op("bob")],
    bots: bots({ onlyMyClients: true }),
    expected: [["c1", "ann"]],
  },
  {
    what: "only my clients: an offline owner's client waits, and doesn't block the next",
    waiting: [wait("c1", 1, { contactOwnerId: "ann" }), wait("c2", 2)],
    operators: [op("ann", { online: false }), op("bob")],
    bots: bots({ onlyMyClients: true }),
    expected: [["c2", "bob"]],
  },
  {
    what: "only my clients: an owner outside the pool doesn't hold the client back",
    waiting: [wait("c1", 1, { contactOwnerId: "carol" })],
    operators: [op("bob")],
    bots: bots({ onlyMyClients: true }),
    expected: [["c1", "bob"]],
  },
  {
    what: "setting off: the owner doesn't matter",
    waiting: [wait("c1", 1, { contactOwnerId: "ann" })],
    operators: [op("ann", { activeChats: 1 }), op("bob")],
    expected: [["c1", "bob"]],
  },
  {
    what: "a bot without settings is skipped",
    waiting: [wait("c1", 1, { botId: "ghost" })],
    operators: [op("ann", { bots: ["ghost"] })],
    expected: [],
  },
];

describe("routing plan", () => {
  it.each(cases)("$what", ({ waiting, operators, bots: b, expected }) => {
    const plan = planAssignments(waiting, operators, b ?? bots(), NOW);
    expect(plan.map((a) => [a.conversationId, a.userId])).toEqual(expected);
  });

  it("50 waiting, 3 operators with a maximum of 2: 2 each, oldest six first, nobody over", () => {
    const waiting = Array.from({ length: 50 }, (_, i) =>
      wait(`c${String(i).padStart(2, "0")}`, i % 59, {
        waitingSince: new Date(at(0).getTime() + i * 1000),
      }),
    );
    const plan = planAssignments(waiting, [op("ann"), op("bob"), op("cid")], bots(), NOW);
    expect(plan.map((a) => a.conversationId)).toEqual(["c00", "c01", "c02", "c03", "c04", "c05"]);
    const per = new Map<string, number>();
    for (const a of plan) per.set(a.userId, (per.get(a.userId) ?? 0) + 1);
    expect([...per.values()]).toEqual([2, 2, 2]);
  });

  it("does not change its inputs", () => {
    const operators = [op("ann")];
    planAssignments([wait("c1", 1)], operators, bots(), NOW);
    expect(operators[0]!.activeChats).toBe(0);
  });
});
