// failNext (injected errors such as 429 with retry_after) and the call log.

import { beforeEach, describe, expect, it } from "vitest";
import { ALICE, callApi, ok, TOKEN, useSandbox } from "./helpers";

const ctx = useSandbox();

beforeEach(async () => {
  await ctx.client.reset();
  await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "hi" });
});

describe("failNext", () => {
  it("answers 429 with parameters.retry_after by default, then recovers", async () => {
    await ctx.client.failNext({ token: TOKEN, retryAfter: 3 });
    const failed = await callApi(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "x" });
    expect(failed).toEqual({
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: "Too Many Requests: retry after 3",
        parameters: { retry_after: 3 },
      },
    });
    await ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "x" });
  });

  it("targets one method, a number of calls, and custom errors", async () => {
    await ctx.client.failNext({ token: TOKEN, method: "sendChatAction", errorCode: 500, count: 2 });
    await ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "unaffected" });
    for (let i = 0; i < 2; i++) {
      const failed = await callApi(ctx.sandbox, "sendChatAction", { chat_id: ALICE.id, action: "typing" });
      expect(failed.body).toEqual({ ok: false, error_code: 500, description: "Internal Server Error" });
    }
    await ok(ctx.sandbox, "sendChatAction", { chat_id: ALICE.id, action: "typing" });

    await ctx.client.failNext({ token: TOKEN, errorCode: 400, description: "Bad Request: custom" });
    expect((await callApi(ctx.sandbox, "getMe")).body.description).toBe("Bad Request: custom");
  });

  it("does not consume a method-less failure with getUpdates", async () => {
    await ctx.client.failNext({ token: TOKEN });
    await ok(ctx.sandbox, "getUpdates");
    expect((await callApi(ctx.sandbox, "getMe")).status).toBe(429);
  });
});

describe("getCalls", () => {
  it("logs method, params, outcome and time, filterable by method", async () => {
    const before = Date.now();
    await ctx.client.failNext({ token: TOKEN, method: "sendMessage" });
    await callApi(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "one" });
    await ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "two" });
    await ok(ctx.sandbox, "getMe");
    const calls = await ctx.client.getCalls({ token: TOKEN, method: "sendMessage" });
    expect(calls.map((c) => [c.params.text, c.ok, c.error_code])).toEqual([
      ["one", false, 429],
      ["two", true, undefined],
    ]);
    expect(calls[0]?.at).toBeGreaterThanOrEqual(before);
    expect((await ctx.client.getCalls({ token: TOKEN })).map((c) => c.method)).toContain("getMe");
  });
});

describe("injectUpdate", () => {
  it("queues an update exactly as given, characters Telegram rarely sends and odd shapes included", async () => {
    await ctx.client.reset();
    const odd = { message: { message_id: "x", text: "a\u0000b\ud800", chat: null } };
    const id = await ctx.client.injectUpdate({ token: TOKEN, update: odd });
    const updates = (await ok(ctx.sandbox, "getUpdates", {})) as { update_id: number }[];
    const last = updates.at(-1);
    expect(last).toEqual({ ...odd, update_id: id });
  });
});
