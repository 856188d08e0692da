import { randomBytes } from "node:crypto";
import { bots, clientOf, workspaces } from "@switchboard/db";
import { createTestDatabase } from "@switchboard/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOT_BURST_MS, createBotPacer } from "../../src/pacing/bot-pacer";
import { BudgetReservations } from "../../src/pacing/budget-reservations";
import type { Pacer } from "../../src/pacing/pacer";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let botId: string;

beforeAll(async () => {
  database = await createTestDatabase("pace");
  const [ws] = await database.db.insert(workspaces).values({ name: "Pace" }).returning();
  botId = await insertBot(ws!.id, 4242, "pace_bot", 40);
});
afterAll(async () => {
  await database?.close();
});

/** A bot of the workspace with its own send rate; its id. */
async function insertBot(
  workspaceId: string,
  telegramId: number,
  username: string,
  messagesPerSecond: number,
) {
  const [bot] = await database.db
    .insert(bots)
    .values({
      workspaceId,
      telegramId,
      username,
      firstName: "Pace",
      tokenEncrypted: "x",
      tokenHint: "x",
      webhookSecret: randomBytes(8).toString("hex"),
      settings: { messagesPerSecond },
    })
    .returning();
  return bot!.id;
}

/** Keeps `chats` chats each wanting to send, until `ms` passed; returns when each send was let through. */
async function flood(pacer: Pacer, chats: number[], ms: number): Promise<number[]> {
  const times: number[] = [];
  const ac = new AbortController();
  const end = Date.now() + ms;
  const loops = chats.map(async (chatId) => {
    while (Date.now() < end) {
      try {
        await pacer.acquire({ chatId, signal: ac.signal });
      } catch {
        return;
      }
      times.push(Date.now());
    }
  });
  setTimeout(() => ac.abort(new Error("done")), ms);
  await Promise.all(loops);
  return times;
}

/** The most sends inside any window of `windowMs` (sliding, half-open). */
function mostInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while (sorted[to]! - sorted[from]! >= windowMs) from++;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

describe("the bot's budget shared through the database", () => {
  it("two runtimes' pacers together stay within the bot's rate, and use it", async () => {
    const errors: unknown[] = [];
    const config = { chatMessagesPerSecond: 1000, chatBurst: 1 };
    const a = createBotPacer(new BudgetReservations(database.db, BOT_BURST_MS), botId, config, (e) =>
      errors.push(e),
    );
    const b = createBotPacer(new BudgetReservations(database.db, BOT_BURST_MS), botId, config, (e) =>
      errors.push(e),
    );
    const chats = Array.from({ length: 20 }, (_, i) => i + 1);
    const [ta, tb] = await Promise.all([flood(a, chats, 3000), flood(b, chats, 3000)]);
    const all = [...ta, ...tb];
    expect(errors).toEqual([]);
    // 40/s plus the burst a quiet bot may send (0.1 s of the rate), plus the reservation's round trip
    // (a slot stays usable that long after a slow answer) and timer slack: 50 ms of the rate, and one.
    const allowed = 40 + Math.ceil((40 * (BOT_BURST_MS + 50)) / 1000) + 1;
    expect(mostInWindow(all, 1000)).toBeLessThanOrEqual(allowed);
    // Both processes got a share, and together they used most of the budget (≈ 3 s × 40).
    expect(ta.length).toBeGreaterThan(20);
    expect(tb.length).toBeGreaterThan(20);
    expect(all.length).toBeGreaterThan(90);
  });

  it("reads the rate from the bot's settings at once, and a 429 pause holds every process", async () => {
    await database.db
      .update(bots)
      .set({ settings: { messagesPerSecond: 10 } })
      .where(eq(bots.id, botId));
    const config = { chatMessagesPerSecond: 1000, chatBurst: 1 };
    const a = createBotPacer(new BudgetReservations(database.db, BOT_BURST_MS), botId, config, () => {});
    const b = createBotPacer(new BudgetReservations(database.db, BOT_BURST_MS), botId, config, () => {});
    const chats = [1, 2, 3, 4, 5];
    const [ta, tb] = await Promise.all([flood(a, chats, 2000), flood(b, chats, 2000)]);
    expect(mostInWindow([...ta, ...tb], 1000)).toBeLessThanOrEqual(10 + 2 + 1);

    // A 429 seen by one process: the other sends nothing until it ends either — except the slots it
    // had already reserved (at most one block: 100 ms of the rate, one slot at 10/s).
    const pausedAt = Date.now();
    a.pauseBot(1500);
    await new Promise((r) => setTimeout(r, 50)); // the shared push is fire-and-forget
    const after = await flood(b, chats, 2500);
    const during = after.filter((t) => t - pausedAt < 1400);
    expect(during.length).toBeLessThanOrEqual(1);
    expect(after.length - during.length).toBeGreaterThan(3);
  });

  it("reservations of several bots go out in one statement while one is in flight, each bot its own schedule", async () => {
    const ws = (await database.db.select().from(workspaces).limit(1))[0]!;
    const others = await Promise.all([1, 2, 3].map((i) => insertBot(ws.id, 5000 + i, `pace${i}_bot`, 20)));
    // Counts the statements sent on the pool: fixed statements (packages/db statement.ts) go straight
    // to the driver client under Drizzle's session.
    let statements = 0;
    const client = clientOf(database.db);
    const countingClient = new Proxy(client, {
      get: (target, key, receiver) =>
        key === "unsafe"
          ? (...args: Parameters<typeof target.unsafe>) => {
              statements++;
              return target.unsafe(...args);
            }
          : Reflect.get(target, key, receiver),
    });
    const session = (database.db as unknown as { session: object }).session;
    const countingSession = new Proxy(session, {
      get: (target, key, receiver) =>
        key === "client" ? countingClient : Reflect.get(target, key, receiver),
    });
    const counted = new Proxy(database.db, {
      get: (target, key, receiver) =>
        key === "session" ? countingSession : Reflect.get(target, key, receiver),
    });
    const reservations = new BudgetReservations(counted, BOT_BURST_MS);
    const [first, second, third] = others as [string, string, string];
    // The first leaves at once; the next four wait for it and go together — but a statement holds one
    // row per bot, so the first bot's third block goes in a statement of its own after that.
    const a1 = reservations.reserve(first, 4, null);
    const b1 = reservations.reserve(second, 2, null);
    const c1 = reservations.reserve(third, 3, null);
    const a2 = reservations.reserve(first, 4, null);
    const a3 = reservations.reserve(first, 1, null);
    const [ra1, rb1, rc1, ra2, ra3] = await Promise.all([a1, b1, c1, a2, a3]);
    expect(statements).toBe(3);
    expect([ra1, rb1, rc1, ra2, ra3].map((r) => r.count)).toEqual([4, 2, 3, 4, 1]);
    for (const r of [ra1, rb1, rc1, ra2, ra3]) expect(r.intervalMs).toBeCloseTo(50);
    // Each bot's schedule is its own: a fresh bot's block starts a burst back from the database's now…
    expect(rb1.firstAt).toBeCloseTo(rb1.dbNow - BOT_BURST_MS, -1);
    expect(rc1.firstAt).toBeCloseTo(rc1.dbNow - BOT_BURST_MS, -1);
    // …and the first bot's blocks continue one another.
    expect(ra2.firstAt).toBeCloseTo(ra1.firstAt + 4 * 50, 3);
    expect(ra3.firstAt).toBeCloseTo(ra2.firstAt + 4 * 50, 3);
  });
});
