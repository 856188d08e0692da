import { operatorPools } from "@switchboard/db";
import { flowDoc, routeStep, textStep } from "@switchboard/flow/testing";
import type { TrackedEnvelope } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../src/context";
import type { FeedEventOutput } from "../src/domains/realtime/schemas";
import { appRouter } from "../src/router";
import { createCallerFactory } from "../src/trpc";
import { createWorld, type Member, type World } from "./helpers";

let w: World;
let owner: Member;
let operatorInPool: Member;
let operatorElsewhere: Member;
let stranger: Member;
let supportBot: Awaited<ReturnType<World["publishedBot"]>>;
let salesBot: Awaited<ReturnType<World["publishedBot"]>>;

const operatorFlow = () =>
  flowDoc([textStep("hello", "Hi!"), routeStep("op", "Connecting you…")], [["hello", "next", "op"]]);

let nextUser = 7_000;
const newUser = () => ({ id: ++nextUser, first_name: "Ann" });

/**
 * A live subscription of `member` to the feed: collects events until closed. The abort signal is what
 * the SSE handler passes when the browser goes away.
 */
async function subscribe(member: Member, lastEventId?: string) {
  const controller = new AbortController();
  const caller = createCallerFactory(appRouter)(
    createContext({ db: w.db, userId: member.userId, env: w.env }),
    { signal: controller.signal },
  );
  const stream = await caller.realtime.events(lastEventId ? { lastEventId } : undefined);
  const events: TrackedEnvelope<FeedEventOutput>[] = [];
  const done = (async () => {
    // The caller hands out the tracked envelopes as the procedure yields them ([id, data]).
    for await (const envelope of stream as AsyncIterable<unknown>) {
      events.push(envelope as TrackedEnvelope<FeedEventOutput>);
    }
  })();
  // The subscription listens before its first read; give it that moment.
  await new Promise((r) => setTimeout(r, 150));
  return {
    events,
    data: () => events.map(([, e]) => e),
    async until(predicate: (e: FeedEventOutput) => boolean, timeoutMs = 5_000) {
      const started = Date.now();
      while (!events.some(([, e]) => predicate(e))) {
        if (Date.now() - started > timeoutMs) {
          throw new Error(
            `no such event within ${timeoutMs} ms; saw ${JSON.stringify(events.map(([, e]) => e.type))}`,
          );
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      controller.abort();
      await done.catch(() => {});
    },
  };
}

beforeAll(async () => {
  w = await createWorld("realtime");
  owner = await w.member("owner");
  operatorInPool = await w.member("operator", owner.workspaceId);
  operatorElsewhere = await w.member("operator", owner.workspaceId);
  stranger = await w.member("owner");
  supportBot = await w.publishedBot(owner, operatorFlow(), "Support");
  salesBot = await w.publishedBot(owner, operatorFlow(), "Sales");
  await w.db.insert(operatorPools).values({ botId: supportBot.botId, userId: operatorInPool.userId });
  await w.db.insert(operatorPools).values({ botId: salesBot.botId, userId: operatorElsewhere.userId });
});

afterAll(async () => {
  await w?.env.realtime().close();
  await w?.close();
});

describe("realtime.events", () => {
  it("delivers a user's message and the waiting conversation to the owner live", async () => {
    const feed = await subscribe(owner);
    const { conversation } = await w.userSays(supportBot, newUser());
    await feed.until((e) => e.type === "queue");
    const mine = feed.data().filter((e) => e.conversationId === conversation.id || e.type === "queue");
    expect(mine.map((e) => e.type)).toContain("message");
    const inbound = mine.find((e) => e.type === "message" && e.payload.direction === "in");
    expect(inbound).toMatchObject({ botId: supportBot.botId, conversationId: conversation.id });
    // Ids increase, and each envelope carries its id for resuming.
    const ids = feed.events.map(([id]) => Number(id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(feed.events.every(([id, e]) => Number(id) === e.id)).toBe(true);
    await feed.close();
  });

  it("a reconnect with lastEventId gets what happened while it was away, and nothing twice", async () => {
    const first = await subscribe(owner);
    const a = await w.userSays(supportBot, newUser());
    await first.until((e) => e.conversationId === a.conversation.id && e.type === "message");
    const lastSeen = first.events.at(-1)![0];
    await first.close();

    // While disconnected: another conversation.
    const b = await w.userSays(supportBot, newUser());
    const second = await subscribe(owner, lastSeen);
    await second.until((e) => e.conversationId === b.conversation.id && e.type === "message");
    const seenIds = second.events.map(([id]) => Number(id));
    expect(Math.min(...seenIds)).toBeGreaterThan(Number(lastSeen));
    expect(second.data().some((e) => e.conversationId === a.conversation.id)).toBe(false);
    await second.close();
  });

  it("a fresh subscription starts now: it doesn't replay the past", async () => {
    await w.userSays(supportBot, newUser());
    const feed = await subscribe(owner);
    const c = await w.userSays(supportBot, newUser());
    await feed.until((e) => e.conversationId === c.conversation.id);
    expect(feed.data().every((e) => e.conversationId === c.conversation.id || e.type !== "message")).toBe(
      true,
    );
    await feed.close();
  });

  it("another workspace hears nothing; an operator hears only the bots of their pools", async () => {
    const ownerFeed = await subscribe(owner);
    const strangerFeed = await subscribe(stranger);
    const supportFeed = await subscribe(operatorInPool);
    const salesFeed = await subscribe(operatorElsewhere);

    const support = await w.userSays(supportBot, newUser());
    const sales = await w.userSays(salesBot, newUser());
    await ownerFeed.until((e) => e.conversationId === sales.conversation.id && e.type === "message");
    await supportFeed.until((e) => e.conversationId === support.conversation.id);
    await salesFeed.until((e) => e.conversationId === sales.conversation.id);
    // Let anything in flight arrive before checking what didn't.
    await new Promise((r) => setTimeout(r, 300));

    expect(ownerFeed.data().some((e) => e.conversationId === support.conversation.id)).toBe(true);
    expect(strangerFeed.events).toEqual([]);
    expect(supportFeed.data().every((e) => e.botId === null || e.botId === supportBot.botId)).toBe(true);
    expect(salesFeed.data().every((e) => e.botId === null || e.botId === salesBot.botId)).toBe(true);
    for (const feed of [ownerFeed, strangerFeed, supportFeed, salesFeed]) await feed.close();
  });

  it("an operator who joins a pool while subscribed hears that bot within seconds", async () => {
    const newcomer = await w.member("operator", owner.workspaceId);
    const feed = await subscribe(newcomer);
    const before = await w.userSays(salesBot, newUser());
    const ownerFeed = await subscribe(owner);
    await w.userSays(supportBot, newUser()); // any event: the feed has read the (empty) pools by now
    await ownerFeed.until(() => true);
    expect(feed.data().some((e) => e.conversationId === before.conversation.id)).toBe(false);

    await w.db.insert(operatorPools).values({ botId: salesBot.botId, userId: newcomer.userId });
    // Past the short re-read age, not the long one: the first sales event makes the feed look again.
    await new Promise((r) => setTimeout(r, 2_100));
    const after = await w.userSays(salesBot, newUser());
    await feed.until((e) => e.conversationId === after.conversation.id, 5_000);
    for (const f of [feed, ownerFeed]) await f.close();
  });

  it("a closed subscription stops: its generator ends when the client goes away", async () => {
    const feed = await subscribe(owner);
    await feed.close();
    const before = feed.events.length;
    await w.userSays(supportBot, newUser());
    await new Promise((r) => setTimeout(r, 300));
    expect(feed.events.length).toBe(before);
  });

  it("refuses a malformed lastEventId", async () => {
    const caller = createCallerFactory(appRouter)(
      createContext({ db: w.db, userId: owner.userId, env: w.env }),
    );
    await expect(caller.realtime.events({ lastEventId: "1; drop table" })).rejects.toThrow(
      /lastEventId|Invalid/i,
    );
  });
});
