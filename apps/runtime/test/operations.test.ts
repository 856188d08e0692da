// Operating the runtime: liveness (/health), readiness (/ready: database reachable and bots loaded)
// and Prometheus (/metrics) on the webhook server, with counters moved by a real conversation.

import type { Sql } from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReadiness } from "../src/readiness";
import type { Runtime } from "../src/runtime";
import { createHarness, eventually, type Harness, makeUser } from "./harness";

let h: Harness;
let rt: Runtime;
beforeAll(async () => {
  h = await createHarness();
  // A webhook base URL makes the runtime listen (on a free port, as port is 0).
  rt = await h.startRuntime({ webhookBaseUrl: "http://127.0.0.1:0", instanceId: "ops-test" });
});
afterAll(async () => {
  await h?.close();
});

const get = (path: string) => fetch(`http://127.0.0.1:${rt.port}${path}`);

/** The value of one sample line of the exposition text (name with its labels), or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : undefined;
}

describe("health and readiness", () => {
  it("answers /health while the process runs", async () => {
    const res = await get("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("is ready once the database answers and the bots were loaded", async () => {
    const res = await get("/ready");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("is not ready, with the reason, when the database does not answer in time", async () => {
    const hanging = (() => new Promise(() => {})) as unknown as Sql;
    const state = await createReadiness(hanging, () => true, 50).check();
    expect(state).toEqual({ ready: false, reason: "database unreachable: no answer within 50 ms" });
  });

  it("is not ready when the database refuses, or before the bots are loaded", async () => {
    const refusing = (() => Promise.reject(new Error("connect ECONNREFUSED"))) as unknown as Sql;
    expect(await createReadiness(refusing, () => true).check()).toEqual({
      ready: false,
      reason: "database unreachable: connect ECONNREFUSED",
    });
    const answering = (() => Promise.resolve([{ "?column?": 1 }])) as unknown as Sql;
    expect(await createReadiness(answering, () => false).check()).toEqual({
      ready: false,
      reason: "bots not loaded yet",
    });
    expect(await createReadiness(answering, () => true).check()).toEqual({ ready: true });
  });
});

describe("metrics", () => {
  it("counts received updates per bot, processing time and sends, and reads the queues on scrape", async () => {
    const flowId = await h.publish();
    const bot = await h.addBot({ flowId });
    const user = makeUser("Mia");
    await eventually(async () => rt.supervisor.runner(bot.id) !== undefined, 10_000, "bot running");
    const before = await (await get("/metrics")).text();
    const processedBefore = sample(before, "switchboard_update_processing_seconds_count") ?? 0;
    const sentBefore = sample(before, 'switchboard_sends_total{result="ok"}') ?? 0;
    const batchesBefore = sample(before, "switchboard_update_batch_chats_count") ?? 0;

    await h.client.start({ token: bot.token, from: user });
    await h.client.waitForBotMessages({ token: bot.token, chatId: user.id, count: 2, timeoutMs: 15_000 });

    const res = await get("/metrics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await eventually(async () => {
      const t = await (await get("/metrics")).text();
      return (sample(t, 'switchboard_sends_total{result="ok"}') ?? 0) >= sentBefore + 2 ? t : undefined;
    });
    expect(sample(text, `switchboard_updates_received_total{bot_id="${bot.id}"}`)).toBe(1);
    expect(sample(text, "switchboard_update_processing_seconds_count")).toBe(processedBefore + 1);
    // One update alone: processing transactions of one chat each. Usually one; a second look at the
    // chat (the recovery sweep seeing it pending meanwhile, on a loaded machine) is a transaction that
    // finds nothing left to take, and is counted too.
    const batches = sample(text, "switchboard_update_batch_chats_count")! - batchesBefore;
    expect(batches).toBeGreaterThanOrEqual(1);
    expect(batches).toBeLessThanOrEqual(2);
    expect(sample(text, 'switchboard_update_batch_chats_bucket{le="1"}')).toBe(batchesBefore + batches);
    expect(sample(text, "switchboard_pending_updates")).toBe(0);
    expect(sample(text, "switchboard_pending_outbox_messages")).toBe(0);
    expect(sample(text, "switchboard_db_pool_max")).toBe(20);
    // The scrape's own query runs on the pool, so at least one of its connections is active.
    expect(sample(text, 'switchboard_db_connections{state="active"}')).toBeGreaterThanOrEqual(1);
    expect(text).toContain("switchboard_runtime_process_resident_memory_bytes");
    // No chat or user ids among the labels.
    expect(text).not.toContain(String(user.id));
  });

  it("needs the METRICS_TOKEN bearer when one is configured", async () => {
    const token = "metrics-token-0123456789";
    const guarded = await h.startRuntime({ webhookBaseUrl: "http://127.0.0.1:0", metricsToken: token });
    const url = `http://127.0.0.1:${guarded.port}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: "Bearer wrong-token-0123456789" } })).status).toBe(
      401,
    );
    const ok = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("switchboard_sends_total");
    // Health and readiness stay open for probes.
    expect((await fetch(`http://127.0.0.1:${guarded.port}/health`)).status).toBe(200);
  });

  it("gives each webhook request an id", async () => {
    const res = await fetch(`http://127.0.0.1:${rt.port}/telegram/00000000-0000-0000-0000-000000000000`, {
      method: "POST",
      body: "{}",
    });
    expect(res.status).toBe(404);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
