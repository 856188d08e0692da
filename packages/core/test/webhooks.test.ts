// Send webhook in the core: the delivery row and payload written in the step's transaction, the
// queue's claims (lease), the backoff schedule, 2xx / 500 / 410 / the 24 h give-up, stale claims,
// the signing secret (made once, rotated, editors only), the signature recipe, and the delivery log
// (filters, paging, redeliver).

import { randomUUID } from "node:crypto";
import { contacts, secretKeyFrom, webhookDeliveries, webhookSecrets } from "@switchboard/db";
import { flowDoc, freeInputStep, sendWebhookStep, textStep } from "@switchboard/flow/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getWebhookDelivery, listWebhookDeliveries, redeliverWebhook } from "../src/webhooks/log";
import {
  claimDueWebhooks,
  DEFAULT_WEBHOOK_RETRY,
  pruneWebhookDeliveries,
  recordWebhookAttempt,
  webhookBackoffMs,
} from "../src/webhooks/queue";
import { revealSigningSecret, rotateSigningSecret, webhookSigningSecret } from "../src/webhooks/secrets";
import { signWebhookBody, verifyWebhookSignature } from "../src/webhooks/verify";
import { createWorld, type TestBot, telegramUser, type World } from "./fixtures";

let w: World;
let bot: TestBot;
const key = secretKeyFrom("core-webhook-secret-0123456789");

beforeAll(async () => {
  w = await createWorld("core_webhooks");
  const { flowId } = await w.publish(
    flowDoc(
      [
        freeInputStep("ask", "Your plan?", "plan"),
        sendWebhookStep("hook", "https://hooks.example.com/in", {
          extra: [{ key: "source", value: "{{vars.plan}}-telegram" }],
        }),
        textStep("done", "Thanks"),
      ],
      [
        ["ask", "next", "hook"],
        ["hook", "next", "done"],
      ],
    ),
  );
  bot = await w.addBot({ flowId });
});
afterAll(async () => {
  await w?.close();
});
beforeEach(async () => {
  await w.db.delete(webhookDeliveries);
});

/** A user answers the plan question, which queues one delivery; answers its row. */
async function queueOne(plan = "pro") {
  const user = telegramUser("Ann", { last_name: "Lee" });
  await w.say(bot, user);
  await w.text(bot, user, plan);
  const conv = await w.conversationOf(bot.id, user.id);
  const rows = await w.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.conversationId, conv.id));
  expect(rows).toHaveLength(1);
  return { row: rows[0]!, conv, user };
}

async function rowOf(id: string) {
  const [row] = await w.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return row!;
}

async function secondsToNextAttempt(id: string): Promise<number> {
  const rows = (await w.db.execute(
    sql`select extract(epoch from next_attempt_at - now()) as wait from webhook_deliveries where id = ${id}`,
  )) as unknown as { wait: string }[];
  return Number(rows[0]?.wait);
}

describe("queueing", () => {
  it("writes a pending delivery with the documented payload in the step's transaction, and the flow goes on", async () => {
    const { row, conv, user } = await queueOne("pro");
    expect(row.status).toBe("pending");
    expect(row.attempts).toBe(0);
    expect(row.url).toBe("https://hooks.example.com/in");
    expect(row.stepId).toBe("hook");
    const [contact] = await w.db.select().from(contacts).where(eq(contacts.id, conv.contactId));
    expect(row.payload).toEqual({
      id: row.id,
      event: "flow.webhook",
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      workspaceId: w.workspaceId,
      bot: { id: bot.id, username: bot.username },
      conversation: { id: conv.id, status: "bot", stepId: "hook" },
      contact: {
        id: contact!.id,
        telegramUserId: user.id,
        firstName: "Ann",
        lastName: "Lee",
        username: user.username,
        phone: null,
        email: null,
        tags: [],
        fields: {},
      },
      variables: { plan: "pro" },
      tracker: {},
      extra: { source: "pro-telegram" },
    });
    expect(await w.outTexts(conv.id)).toEqual(["Your plan?", "Thanks"]);
  });

  it("NOTIFYs the webhooks channel when the transaction commits", async () => {
    const heard: string[] = [];
    const listener = await w.sql.listen("switchboard_webhooks", (p) => heard.push(p));
    try {
      await queueOne();
      for (let i = 0; i < 50 && heard.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(heard).toContain(w.workspaceId);
    } finally {
      await listener.unlisten();
    }
  });

  it("a URL that renders to something unusable is failed at once, with why", async () => {
    const { flowId } = await w.publish(flowDoc([sendWebhookStep("hook", '{{bot.nowhere | "not a url"}}')]));
    const other = await w.addBot({ flowId });
    await w.say(other, telegramUser());
    const [row] = await w.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.botId, other.id));
    expect(row?.status).toBe("failed");
    expect(row?.lastError).toMatch(/Not an http\(s\) URL/);
    expect(await claimDueWebhooks(w.db, 10)).toEqual([]);
  });
});

describe("claims", () => {
  it("a claimed delivery is not claimed again while its lease runs; after it runs out (a crash) it is", async () => {
    const { row } = await queueOne();
    const first = await claimDueWebhooks(w.db, 10, 200);
    expect(first.map((j) => j.id)).toEqual([row.id]);
    expect(first[0]?.payload.id).toBe(row.id);
    expect(await claimDueWebhooks(w.db, 10, 200)).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    expect((await claimDueWebhooks(w.db, 10)).map((j) => j.id)).toEqual([row.id]);
  });

  it("concurrent claimers take different rows", async () => {
    await queueOne("a");
    await queueOne("b");
    await queueOne("c");
    const other = await w.newClient(2);
    const [a, b] = await Promise.all([claimDueWebhooks(w.db, 2), claimDueWebhooks(other, 2)]);
    const ids = [...a, ...b].map((j) => j.id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });
});

describe("attempts", () => {
  it("the backoff schedule: 30 s, 1 m, 2 m, 4 m, … at most 1 h", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 50].map((n) => webhookBackoffMs(n) / 1000)).toEqual([
      30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600,
    ]);
  });

  it("2xx: delivered, with the answer kept", async () => {
    const { row } = await queueOne();
    const [job] = await claimDueWebhooks(w.db, 1);
    expect(await recordWebhookAttempt(w.db, job!, { kind: "response", statusCode: 204, body: "" })).toBe(
      "delivered",
    );
    const after = await rowOf(row.id);
    expect(after).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 204, lastError: null });
    expect(after.deliveredAt).not.toBeNull();
    expect(after.claimedUntil).toBeNull();
  });

  it("500: retried after the backoff, with the code, an error and the first 1 KB of the body", async () => {
    const { row } = await queueOne();
    const [job] = await claimDueWebhooks(w.db, 1);
    const outcome = await recordWebhookAttempt(w.db, job!, {
      kind: "response",
      statusCode: 500,
      body: "x".repeat(5000),
    });
    expect(outcome).toBe("pending");
    const after = await rowOf(row.id);
    expect(after).toMatchObject({
      status: "pending",
      attempts: 1,
      lastStatusCode: 500,
      lastError: "HTTP 500",
    });
    expect(after.lastResponse).toHaveLength(1024);
    const wait = await secondsToNextAttempt(row.id);
    expect(Number(wait)).toBeGreaterThan(25);
    expect(Number(wait)).toBeLessThanOrEqual(30);
    expect(await claimDueWebhooks(w.db, 10)).toEqual([]);
    // The second failure waits twice as long.
    await w.db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: sql`now()` })
      .where(eq(webhookDeliveries.id, row.id));
    const [again] = await claimDueWebhooks(w.db, 1);
    expect(again?.attempts).toBe(1);
    await recordWebhookAttempt(w.db, again!, { kind: "error", error: "connect ECONNREFUSED" });
    const wait2 = await secondsToNextAttempt(row.id);
    expect(Number(wait2)).toBeGreaterThan(55);
    expect((await rowOf(row.id)).lastError).toBe("connect ECONNREFUSED");
  });

  it("410 Gone: failed at once", async () => {
    const { row } = await queueOne();
    const [job] = await claimDueWebhooks(w.db, 1);
    expect(await recordWebhookAttempt(w.db, job!, { kind: "response", statusCode: 410, body: "gone" })).toBe(
      "failed",
    );
    expect(await rowOf(row.id)).toMatchObject({ status: "failed", attempts: 1, lastStatusCode: 410 });
  });

  it("a failure whose next attempt would fall after 24 h from queueing gives up", async () => {
    const { row } = await queueOne();
    await w.db
      .update(webhookDeliveries)
      .set({ queuedAt: sql`now() - interval '24 hours' + interval '10 seconds'` })
      .where(eq(webhookDeliveries.id, row.id));
    const [job] = await claimDueWebhooks(w.db, 1);
    expect(await recordWebhookAttempt(w.db, job!, { kind: "response", statusCode: 503, body: "" })).toBe(
      "failed",
    );
    // With time left it would have been retried.
    const { row: fresh } = await queueOne();
    await w.db
      .update(webhookDeliveries)
      .set({ queuedAt: sql`now() - interval '23 hours'` })
      .where(eq(webhookDeliveries.id, fresh.id));
    const [job2] = await claimDueWebhooks(w.db, 1);
    expect(await recordWebhookAttempt(w.db, job2!, { kind: "response", statusCode: 503, body: "" })).toBe(
      "pending",
    );
  });

  it("pruning drops finished deliveries older than 30 days and keeps the rest, pending ones always", async () => {
    const old = async (status: "delivered" | "failed" | "pending", days: number) => {
      const { row } = await queueOne();
      await w.db
        .update(webhookDeliveries)
        .set({ status, createdAt: sql`now() - ${days} * interval '1 day'` })
        .where(eq(webhookDeliveries.id, row.id));
      return row.id;
    };
    const gone = [await old("delivered", 31), await old("failed", 40)];
    const kept = [await old("delivered", 29), await old("pending", 31)];
    expect(await pruneWebhookDeliveries(w.db)).toBe(2);
    const left = (await w.db.select({ id: webhookDeliveries.id }).from(webhookDeliveries)).map((r) => r.id);
    expect(left.sort()).toEqual(kept.sort());
    expect(left).not.toContain(gone[0]);
  });

  it("a shorter policy (tests) is honoured", async () => {
    const { row } = await queueOne();
    const [job] = await claimDueWebhooks(w.db, 1);
    await recordWebhookAttempt(
      w.db,
      job!,
      { kind: "response", statusCode: 500, body: "" },
      { ...DEFAULT_WEBHOOK_RETRY, firstBackoffMs: 10 },
    );
    await new Promise((r) => setTimeout(r, 50));
    expect((await claimDueWebhooks(w.db, 1)).map((j) => j.id)).toEqual([row.id]);
  });

  it("a stale claim (another runtime took over after the lease) records nothing", async () => {
    const { row } = await queueOne();
    const [job] = await claimDueWebhooks(w.db, 1);
    await recordWebhookAttempt(w.db, job!, { kind: "response", statusCode: 200, body: "ok" });
    expect(await recordWebhookAttempt(w.db, job!, { kind: "response", statusCode: 500, body: "" })).toBe(
      "stale",
    );
    expect(await rowOf(row.id)).toMatchObject({ status: "delivered", attempts: 1 });
  });
});

describe("signing", () => {
  beforeEach(async () => {
    await w.db.delete(webhookSecrets);
  });

  it("the secret is made once (concurrent first uses agree), stored encrypted, and rotates", async () => {
    const [a, b] = await Promise.all([
      webhookSigningSecret(w.db, w.workspaceId, key),
      webhookSigningSecret(w.db, w.workspaceId, key),
    ]);
    expect(a.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(b.secret).toBe(a.secret);
    const [stored] = await w.db.select().from(webhookSecrets);
    expect(stored?.secretEncrypted).not.toContain(a.secret);
    const rotated = await rotateSigningSecret(w.db, w.owner(), key);
    expect(rotated.secret).not.toBe(a.secret);
    expect(rotated.rotatedAt).not.toBeNull();
    expect((await revealSigningSecret(w.db, w.owner(), key)).secret).toBe(rotated.secret);
  });

  it("operators can't see or rotate it, nor read the log", async () => {
    const operator = await w.addMember("Oscar", "operator");
    await expect(revealSigningSecret(w.db, operator, key)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(rotateSigningSecret(w.db, operator, key)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listWebhookDeliveries(w.db, operator, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const marketer = await w.addMember("Mia", "marketer");
    expect((await revealSigningSecret(w.db, marketer, key)).secret).toMatch(/^whsec_/);
  });

  it("the recipe accepts a signed body and refuses a changed body, a wrong secret and an old timestamp", () => {
    const body = JSON.stringify({ id: "d1", event: "flow.webhook" });
    const now = 1_800_000_000;
    const signature = signWebhookBody("whsec_a", now, body);
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature("whsec_a", body, String(now), signature, now + 299)).toBe(true);
    expect(verifyWebhookSignature("whsec_a", `${body} `, String(now), signature, now)).toBe(false);
    expect(verifyWebhookSignature("whsec_b", body, String(now), signature, now)).toBe(false);
    expect(verifyWebhookSignature("whsec_a", body, String(now), signature, now + 301)).toBe(false);
    expect(verifyWebhookSignature("whsec_a", body, String(now + 1), signature, now)).toBe(false);
    expect(verifyWebhookSignature("whsec_a", body, undefined, signature, now)).toBe(false);
    expect(verifyWebhookSignature("whsec_a", body, String(now), undefined, now)).toBe(false);
  });
});

describe("the delivery log", () => {
  it("lists newest first with status and bot filters and cursor paging; one delivery has its payload", async () => {
    const ids: string[] = [];
    for (const plan of ["a", "b", "c"]) ids.push((await queueOne(plan)).row.id);
    const [job] = await claimDueWebhooks(w.db, 1);
    await recordWebhookAttempt(w.db, job!, { kind: "response", statusCode: 200, body: "thanks" });

    const page1 = await listWebhookDeliveries(w.db, w.owner(), { limit: 2 });
    expect(page1.items.map((d) => d.id)).toEqual([ids[2], ids[1]]);
    expect(page1.items[0]?.botUsername).toBe(bot.username);
    const page2 = await listWebhookDeliveries(w.db, w.owner(), { limit: 2, cursor: page1.nextCursor! });
    expect(page2.items.map((d) => d.id)).toEqual([ids[0]]);
    expect(page2.nextCursor).toBeNull();

    const delivered = await listWebhookDeliveries(w.db, w.owner(), { status: "delivered" });
    expect(delivered.items.map((d) => d.id)).toEqual([job!.id]);
    expect(delivered.items[0]?.nextAttemptAt).toBeNull();
    expect((await listWebhookDeliveries(w.db, w.owner(), { botId: randomUUID() })).items).toEqual([]);

    const one = await getWebhookDelivery(w.db, w.owner(), job!.id);
    expect(one.payload.id).toBe(job!.id);
    expect(one.lastResponse).toBe("thanks");
    await expect(getWebhookDelivery(w.db, w.owner(), randomUUID())).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(listWebhookDeliveries(w.db, w.owner(), { cursor: "nonsense" })).rejects.toMatchObject({
      code: "INVALID",
    });
  });

  it("redeliver queues a failed delivery again, now, with the same id and payload and a fresh 24 h", async () => {
    const { row } = await queueOne();
    const [job] = await claimDueWebhooks(w.db, 1);
    await recordWebhookAttempt(w.db, job!, { kind: "response", statusCode: 410, body: "" });
    const again = await redeliverWebhook(w.db, w.owner(), row.id);
    expect(again).toMatchObject({ id: row.id, status: "pending", attempts: 0 });
    const [claimed] = await claimDueWebhooks(w.db, 1);
    expect(claimed?.id).toBe(row.id);
    expect(claimed?.payload).toEqual(row.payload);
    // While it is being sent, it can't be queued again.
    await expect(redeliverWebhook(w.db, w.owner(), row.id)).rejects.toMatchObject({ code: "INVALID" });
  });
});

describe("docs/webhooks.md", () => {
  it("shows the verification recipe exactly as the code is", async () => {
    const { readFileSync } = await import("node:fs");
    const root = new URL("../../../", import.meta.url);
    const source = readFileSync(new URL("packages/core/src/webhooks/verify.ts", root), "utf8");
    const snippet = source.split("// recipe:start\n")[1]?.split("// recipe:end")[0];
    expect(snippet).toBeTruthy();
    const doc = readFileSync(new URL("docs/webhooks.md", root), "utf8");
    expect(doc).toContain(`import { createHmac, timingSafeEqual } from "node:crypto";\n\n${snippet}\`\`\``);
  });
});
