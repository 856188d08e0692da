import { httpJobs } from "@switchboard/db";
import { flowDoc, httpStep, textStep } from "@switchboard/flow/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  claimedJobPlan,
  claimHttpJobs,
  deliverHttpResult,
  INTERRUPTED_NOT_RETRIED,
  INTERRUPTED_TWICE,
  pruneHttpJobs,
} from "../src/http/jobs";
import { createWorld, ENV, type TestBot, telegramUser, type World } from "./fixtures";

let w: World;
let bot: TestBot;

beforeAll(async () => {
  w = await createWorld("core_http");
  const { flowId } = await w.publish(
    flowDoc(
      [
        httpStep("call", "https://api.example.com/orders", {
          method: "POST",
          headers: [{ name: "Authorization", value: "Bearer {{secrets.KEY}}" }],
          body: '{"who": "{{name}}"}',
          mappings: [{ path: "id", variable: "order_id" }],
        }),
        textStep("ok", "Created {{vars.order_id}}"),
        textStep("bad", "Failed: {{vars.http_error}}"),
      ],
      [
        ["call", "success", "ok"],
        ["call", "failure", "bad"],
      ],
    ),
  );
  bot = await w.addBot({ flowId });
});
afterAll(async () => {
  await w?.close();
});

const jobsOf = (conversationId: string) =>
  w.db.select().from(httpJobs).where(eq(httpJobs.conversationId, conversationId));

describe("http jobs", () => {
  it("the engine's request becomes a pending job in the same transaction; secrets stay names", async () => {
    const user = telegramUser("Queue");
    await w.say(bot, user);
    const conversation = await w.conversationOf(bot.id, user.id);
    const [job] = await jobsOf(conversation.id);
    expect(job).toMatchObject({
      status: "pending",
      method: "POST",
      requestId: "call:1",
      stepId: "call",
      attempts: 0,
    });
    expect(job!.request).toEqual({
      method: "POST",
      url: "https://api.example.com/orders",
      headers: [{ name: "Authorization", value: [{ text: "Bearer " }, { secret: "KEY" }] }],
      body: '{"who": "Queue"}',
      timeoutMs: 10_000,
    });
    expect(conversation.state).toMatchObject({
      stepId: "call",
      waiting: true,
      pending: { kind: "http", id: "call:1" },
    });
  });

  it("a claim leases the job; the result is delivered exactly once", async () => {
    const user = telegramUser("Once");
    await w.say(bot, user);
    const conversation = await w.conversationOf(bot.id, user.id);
    const claimed = (await claimHttpJobs(w.db, 50)).find((j) => j.conversationId === conversation.id)!;
    expect(claimed.attempts).toBe(1);
    // Leased: not claimed again meanwhile.
    expect((await claimHttpJobs(w.db, 50)).some((j) => j.id === claimed.id)).toBe(false);
    const result = { status: 201, error: null, json: { id: "o-9" } };
    expect(await deliverHttpResult(w.db, claimed, result, ENV)).toBe("delivered");
    expect(await deliverHttpResult(w.db, claimed, result, ENV)).toBe("stale");
    expect(await w.outTexts(conversation.id)).toEqual(["Created o-9"]);
    const [row] = await jobsOf(conversation.id);
    expect(row).toMatchObject({ status: "done", resultStatus: 201, resultError: null });
  });

  it("a job whose lease ran out is claimed again, with the claim counted", async () => {
    const user = telegramUser("Lease");
    await w.say(bot, user);
    const conversation = await w.conversationOf(bot.id, user.id);
    const [job] = await jobsOf(conversation.id);
    await w.db
      .update(httpJobs)
      .set({ status: "running", attempts: 1, claimedUntil: sql`now() - interval '1 second'` })
      .where(eq(httpJobs.id, job!.id));
    const again = (await claimHttpJobs(w.db, 50)).find((j) => j.id === job!.id)!;
    expect(again.attempts).toBe(2);
    const plan = claimedJobPlan(again.request.method, again.attempts);
    expect(plan).toEqual({ perform: false, error: INTERRUPTED_NOT_RETRIED });
    await deliverHttpResult(w.db, again, { status: null, error: INTERRUPTED_NOT_RETRIED }, ENV);
    expect(await w.outTexts(conversation.id)).toEqual([`Failed: ${INTERRUPTED_NOT_RETRIED}`]);
  });

  it("finished jobs are deleted after the retention, open ones never", async () => {
    const user = telegramUser("Prune");
    await w.say(bot, user);
    const conversation = await w.conversationOf(bot.id, user.id);
    const [open] = await jobsOf(conversation.id);
    await w.db
      .update(httpJobs)
      .set({ createdAt: sql`now() - interval '30 days'` })
      .where(eq(httpJobs.id, open!.id));
    const done = await w.db
      .update(httpJobs)
      .set({ status: "done", finishedAt: sql`now() - interval '8 days'` })
      .where(eq(httpJobs.status, "done"))
      .returning({ id: httpJobs.id });
    expect(done.length).toBeGreaterThan(0);
    expect(await pruneHttpJobs(w.db)).toBe(done.length);
    expect((await jobsOf(conversation.id)).map((j) => j.id)).toEqual([open!.id]);
  });

  it.each([
    ["GET", 1, { perform: true }],
    ["GET", 2, { perform: true }],
    ["DELETE", 2, { perform: true }],
    ["GET", 3, { perform: false, error: INTERRUPTED_TWICE }],
    ["PATCH", 2, { perform: false, error: INTERRUPTED_NOT_RETRIED }],
  ] as const)("%s on claim %i", (method, attempts, plan) => {
    expect(claimedJobPlan(method, attempts)).toEqual(plan);
  });
});
