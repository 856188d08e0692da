// The webhooks domain through tRPC: the log of the caller's workspace only, with payloads; redeliver;
// the signing secret made once and rotated; operators refused.

import { randomUUID } from "node:crypto";
import { webhookDeliveries } from "@switchboard/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, expectTrpcError, type Member, type World } from "./helpers";

let w: World;
let owner: Member;
let botId: string;
beforeAll(async () => {
  w = await createWorld("api_webhooks");
  owner = await w.member("owner");
  const bot = await w.sandboxBot();
  botId = (await owner.api.bots.connect({ token: bot.token })).id;
});
afterAll(async () => {
  await w?.close();
});

async function delivery(status: "pending" | "delivered" | "failed", extra: Record<string, unknown> = {}) {
  const id = randomUUID();
  await w.db.insert(webhookDeliveries).values({
    id,
    workspaceId: owner.workspaceId,
    botId,
    url: "https://hooks.example.com/in",
    payload: { id, event: "flow.webhook", extra: { n: "1" } },
    status,
    ...extra,
  });
  return id;
}

describe("webhooks", () => {
  it("lists, filters, pages and opens deliveries; redeliver queues one again", async () => {
    const failed = await delivery("failed", { attempts: 3, lastStatusCode: 500, lastError: "HTTP 500" });
    const done = await delivery("delivered", { attempts: 1, lastStatusCode: 200, lastResponse: "ok" });
    const all = await owner.api.webhooks.deliveries();
    expect(all.items.map((d) => d.id).sort()).toEqual([failed, done].sort());
    expect(all.items[0]?.botUsername).toBeTruthy();
    expect((await owner.api.webhooks.deliveries({ status: "failed" })).items.map((d) => d.id)).toEqual([
      failed,
    ]);
    const page = await owner.api.webhooks.deliveries({ limit: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).not.toBeNull();
    const rest = await owner.api.webhooks.deliveries({ limit: 1, cursor: page.nextCursor! });
    expect([page.items[0]!.id, rest.items[0]!.id].sort()).toEqual([failed, done].sort());

    const one = await owner.api.webhooks.delivery({ id: done });
    expect(one).toMatchObject({ status: "delivered", lastResponse: "ok", payload: { id: done } });
    const again = await owner.api.webhooks.redeliver({ id: failed });
    expect(again).toMatchObject({ id: failed, status: "pending", attempts: 0 });
    await expectTrpcError(owner.api.webhooks.delivery({ id: randomUUID() }), "NOT_FOUND");
  });

  it("the signing secret is stable until rotated", async () => {
    const first = await owner.api.webhooks.signingSecret();
    expect(first.secret).toMatch(/^whsec_/);
    expect((await owner.api.webhooks.signingSecret()).secret).toBe(first.secret);
    const rotated = await owner.api.webhooks.rotateSecret();
    expect(rotated.secret).not.toBe(first.secret);
    expect((await owner.api.webhooks.signingSecret()).secret).toBe(rotated.secret);
  });

  it("operators can't read the log or the secret", async () => {
    const operator = await w.member("operator", owner.workspaceId);
    await expectTrpcError(operator.api.webhooks.deliveries(), "FORBIDDEN");
    await expectTrpcError(operator.api.webhooks.signingSecret(), "FORBIDDEN");
  });
});
