// getUpdates: offset confirmation, limit, long polling and the 409 conflicts Telegram returns.

import { beforeEach, describe, expect, it } from "vitest";
import { ALICE, callApi, drainUpdates, ok, TOKEN, useSandbox } from "./helpers";

const ctx = useSandbox();

interface Update {
  update_id: number;
  message?: { message_id: number; text?: string; entities?: Array<{ type: string }> };
  my_chat_member?: { new_chat_member: { status: string } };
}

const send = (text: string) => ctx.client.sendText({ token: TOKEN, from: ALICE, text });

beforeEach(async () => {
  await ok(ctx.sandbox, "deleteWebhook");
  await drainUpdates(ctx.sandbox);
  await ok(ctx.sandbox, "getUpdates", { allowed_updates: [] }); // back to the default set
});

describe("getUpdates", () => {
  it("returns proper Update objects with increasing update_id", async () => {
    await ctx.client.start({ token: TOKEN, from: ALICE, payload: "ref42" });
    await send("hello");
    const updates = await ok<Update[]>(ctx.sandbox, "getUpdates");
    expect(updates).toHaveLength(2);
    const [first, second] = updates;
    expect(second?.update_id).toBe((first?.update_id ?? 0) + 1);
    expect(first?.message).toMatchObject({
      text: "/start ref42",
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
      chat: { id: ALICE.id, type: "private", first_name: "Alice", username: "alice" },
      from: { id: ALICE.id, is_bot: false, first_name: "Alice", language_code: "en" },
    });
  });

  it("confirms updates below offset and honours limit", async () => {
    for (const text of ["a", "b", "c"]) await send(text);
    const firstTwo = await ok<Update[]>(ctx.sandbox, "getUpdates", { limit: 2 });
    expect(firstTwo.map((u) => u.message?.text)).toEqual(["a", "b"]);
    // Without a new offset nothing is confirmed: the same updates come again.
    expect((await ok<Update[]>(ctx.sandbox, "getUpdates", { limit: 2 })).map((u) => u.message?.text)).toEqual(
      ["a", "b"],
    );
    const next = (firstTwo[1]?.update_id ?? 0) + 1;
    expect(
      (await ok<Update[]>(ctx.sandbox, "getUpdates", { offset: next })).map((u) => u.message?.text),
    ).toEqual(["c"]);
    expect(await ok(ctx.sandbox, "getUpdates", { offset: next + 1 })).toEqual([]);
  });

  it("negative offset keeps only the last updates", async () => {
    for (const text of ["a", "b", "c"]) await send(text);
    expect(
      (await ok<Update[]>(ctx.sandbox, "getUpdates", { offset: -1 })).map((u) => u.message?.text),
    ).toEqual(["c"]);
    expect((await ok<Update[]>(ctx.sandbox, "getUpdates")).map((u) => u.message?.text)).toEqual(["c"]);
  });

  it("long poll returns [] after the timeout", async () => {
    const started = Date.now();
    expect(await ok(ctx.sandbox, "getUpdates", { timeout: 1 })).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("long poll returns early when an update arrives", async () => {
    const started = Date.now();
    const poll = ok<Update[]>(ctx.sandbox, "getUpdates", { timeout: 10 });
    setTimeout(() => void send("wake up"), 100);
    const updates = await poll;
    expect(updates.map((u) => u.message?.text)).toEqual(["wake up"]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("a second getUpdates terminates the first with 409", async () => {
    const older = callApi(ctx.sandbox, "getUpdates", { timeout: 5 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const newer = await callApi(ctx.sandbox, "getUpdates", { timeout: 0 });
    expect(newer.body).toEqual({ ok: true, result: [] });
    expect(await older).toEqual({
      status: 409,
      body: {
        ok: false,
        error_code: 409,
        description:
          "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
      },
    });
  });

  it("refuses getUpdates while a webhook is set", async () => {
    await ok(ctx.sandbox, "setWebhook", { url: "http://127.0.0.1:9/hook" });
    const answer = await callApi(ctx.sandbox, "getUpdates");
    expect(answer).toEqual({
      status: 409,
      body: {
        ok: false,
        error_code: 409,
        description:
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      },
    });
  });

  it("applies allowed_updates to updates created afterwards", async () => {
    await ok(ctx.sandbox, "getUpdates", { allowed_updates: ["callback_query"] });
    const sent = await send("filtered");
    expect(sent.update_id).toBeNull();
    expect(await ok(ctx.sandbox, "getUpdates")).toEqual([]);
    await ok(ctx.sandbox, "getUpdates", { allowed_updates: [] });
    await send("visible");
    expect((await ok<Update[]>(ctx.sandbox, "getUpdates")).map((u) => u.message?.text)).toEqual(["visible"]);
  });

  it("emits my_chat_member updates on block and unblock", async () => {
    await ctx.client.blockBot({ token: TOKEN, from: ALICE });
    await expect(send("blocked users cannot write")).rejects.toThrow(/has blocked @test_bot/);
    await ctx.client.unblockBot({ token: TOKEN, from: ALICE });
    const updates = await ok<Update[]>(ctx.sandbox, "getUpdates");
    expect(updates.map((u) => u.my_chat_member?.new_chat_member.status)).toEqual(["kicked", "member"]);
  });
});
