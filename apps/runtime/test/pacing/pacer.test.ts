import { describe, expect, it } from "vitest";
import { perSecond, type RateLimit } from "../../src/pacing/gcra";
import { Pacer } from "../../src/pacing/pacer";
import { LocalBudget } from "../../src/pacing/send-budget";
import { FakeClock, settle } from "./fake-clock";

function setup(opts: { bot?: RateLimit; chat?: RateLimit; group?: RateLimit } = {}) {
  const clock = new FakeClock();
  const bot = opts.bot ?? perSecond(30, 10);
  const pacer = new Pacer({
    clock,
    budget: new LocalBudget(() => bot),
    chat: opts.chat ?? perSecond(1000),
    group: opts.group ?? perSecond(20 / 60),
  });
  /** When each send was let through, in order: [chatId, time]. */
  const sent: Array<[number, number]> = [];
  const send = (chatId: number, signal?: AbortSignal) =>
    pacer.acquire({ chatId, signal }).then(() => {
      sent.push([chatId, clock.now()]);
    });
  return { clock, pacer, sent, send };
}

describe("pacer", () => {
  it("below the limits a send does not wait", async () => {
    const { clock, sent, send } = setup();
    void send(1);
    await settle();
    expect(sent).toEqual([[1, 0]]);
    await clock.advance(500);
    void send(2);
    await settle();
    expect(sent).toEqual([
      [1, 0],
      [2, 500],
    ]);
  });

  it("above the bot's rate sends are spaced evenly, after the burst", async () => {
    const { clock, sent, send } = setup({ bot: perSecond(10, 3) });
    for (let chat = 1; chat <= 6; chat++) void send(chat);
    await clock.advance(1000);
    expect(sent.map(([, at]) => at)).toEqual([0, 0, 0, 100, 200, 300]);
  });

  it("one chat is held to its own rate; others are not held back by it", async () => {
    const { clock, sent, send } = setup({ chat: perSecond(1) });
    void send(1);
    void send(1);
    void send(1);
    void send(2);
    await clock.advance(2500);
    expect(sent).toEqual([
      [1, 0],
      [2, 0],
      [1, 1000],
      [1, 2000],
    ]);
  });

  it("a short burst in one chat goes at once, then one a second", async () => {
    const { clock, sent, send } = setup({ chat: perSecond(1, 3) });
    for (let i = 0; i < 5; i++) void send(7);
    await clock.advance(3000);
    expect(sent.map(([, at]) => at)).toEqual([0, 0, 0, 1000, 2000]);
  });

  it("groups (negative ids) get the group limit: 20 a minute", async () => {
    const { clock, sent, send } = setup();
    for (let i = 0; i < 3; i++) void send(-100123);
    await clock.advance(10_000);
    expect(sent.map(([, at]) => at)).toEqual([0, 3000, 6000]);
  });

  it("waiting chats take turns: 50 queued in one chat do not starve a chat with one", async () => {
    const { clock, sent, send } = setup({ bot: perSecond(10) });
    for (let i = 0; i < 50; i++) void send(1);
    void send(2);
    for (let i = 0; i < 3; i++) void send(3);
    await clock.advance(700);
    // Chat 1 took the free slot at once; then every waiting chat gets a turn before chat 1 again.
    expect(sent.map(([chat]) => chat)).toEqual([1, 1, 2, 3, 1, 3, 1, 3]);
  });

  it("every chat finishes within a round of the others when all are busy", async () => {
    const { clock, sent, send } = setup({ bot: perSecond(10) });
    for (let chat = 1; chat <= 5; chat++) for (let i = 0; i < 4; i++) void send(chat);
    await clock.advance(3000);
    expect(sent).toHaveLength(20);
    const finished = [1, 2, 3, 4, 5].map((chat) =>
      Math.max(...sent.filter(([c]) => c === chat).map(([, at]) => at)),
    );
    // Within two rounds of five turns (the first chat also had the slot that was free when it came).
    expect(Math.max(...finished) - Math.min(...finished)).toBeLessThanOrEqual(1000);
  });

  it("an aborted wait is dropped and frees the turn", async () => {
    const { clock, sent, send } = setup({ bot: perSecond(10) });
    const ac = new AbortController();
    void send(1);
    const aborted = send(2, ac.signal).catch((err) => `rejected: ${String(err)}`);
    void send(3);
    ac.abort(new Error("bot stopped"));
    expect(await aborted).toBe("rejected: Error: bot stopped");
    await clock.advance(500);
    expect(sent).toEqual([
      [1, 0],
      [3, 100],
    ]);
  });

  it("an already aborted signal rejects at once", async () => {
    const { pacer } = setup();
    const ac = new AbortController();
    ac.abort(new Error("stopped"));
    await expect(pacer.acquire({ chatId: 1, signal: ac.signal })).rejects.toThrow("stopped");
  });

  it("a 429 pause holds every chat of the bot for retry_after, then resumes at the rate, not in a burst", async () => {
    const { clock, pacer, sent, send } = setup({ bot: perSecond(10, 5) });
    void send(1);
    await settle();
    pacer.pauseBot(2000);
    expect(pacer.pausedFor()).toBe(2000);
    void send(2);
    void send(3);
    await clock.advance(1999);
    expect(pacer.pausedFor()).toBe(1);
    expect(sent).toEqual([[1, 0]]);
    await clock.advance(200);
    expect(sent).toEqual([
      [1, 0],
      [2, 2000],
      [3, 2100],
    ]);
    expect(pacer.pausedFor()).toBe(0);
  });

  it("a new chat does not wait for a timer set for another chat's own limit", async () => {
    const { clock, sent, send } = setup({ chat: perSecond(1) });
    void send(1);
    void send(1);
    await clock.advance(100);
    void send(2);
    await settle();
    expect(sent).toEqual([
      [1, 0],
      [2, 100],
    ]);
  });
});

describe("pacer.run", () => {
  it("gives the slot back when nothing was sent, so the next send does not wait for it", async () => {
    const { clock, pacer, sent, send } = setup({ bot: perSecond(10), chat: perSecond(1) });
    const result = await pacer.run(
      { chatId: 1 },
      async () => "nothing to send",
      () => false,
    );
    expect(result).toBe("nothing to send");
    void send(1);
    await settle();
    expect(sent).toEqual([[1, 0]]);
    await clock.advance(10);
  });

  it("keeps the slot when a message went out", async () => {
    const { clock, pacer, sent, send } = setup({ bot: perSecond(10), chat: perSecond(1) });
    await pacer.run(
      { chatId: 1 },
      async () => "sent",
      () => true,
    );
    void send(1);
    await clock.advance(1500);
    expect(sent).toEqual([[1, 1000]]);
  });
});
