import { describe, expect, it } from "vitest";
import { SandboxClient, startSandbox } from "../src/index";
import { ALICE, BOB, callApi, OTHER_TOKEN, ok, TOKEN, useSandbox } from "./helpers";

const ctx = useSandbox();

describe("per-chat and per-bot flood limits", () => {
  it("are off by default", async () => {
    await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "hi" });
    for (let i = 0; i < 40; i++) await ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: `${i}` });
  });

  it("a private chat's limit counts one bot in one chat over a sliding window", async () => {
    try {
      expect(await ctx.client.setChatRateLimit({ messages: 2 })).toEqual({ messages: 2, windowSeconds: 1 });
      await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "hi" });
      await ctx.client.sendText({ token: TOKEN, from: BOB, text: "hi" });
      await ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "1" });
      await ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "2" });
      const limited = await callApi(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "3" });
      expect(limited.body).toEqual({
        ok: false,
        error_code: 429,
        description: "Too Many Requests: retry after 1",
        parameters: { retry_after: 1 },
      });
      // Another chat, and another bot in the same chat's user, are not held back.
      await ok(ctx.sandbox, "sendMessage", { chat_id: BOB.id, text: "fine" });
      await ctx.client.sendText({ token: OTHER_TOKEN, from: ALICE, text: "hi" });
      await ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "other bot" }, OTHER_TOKEN);
      await new Promise((resolve) => setTimeout(resolve, 1050));
      await ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "3 again" });
    } finally {
      await ctx.client.setChatRateLimit({ messages: null });
    }
  });

  it("a bot's limit counts all its chats", async () => {
    try {
      await ctx.client.setBotRateLimit({ messages: 3, windowSeconds: 2 });
      await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "hi" });
      await ctx.client.sendText({ token: TOKEN, from: BOB, text: "hi" });
      await ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "1" });
      await ok(ctx.sandbox, "sendMessage", { chat_id: BOB.id, text: "2" });
      await ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "3" });
      const limited = await callApi(ctx.sandbox, "sendMessage", { chat_id: BOB.id, text: "4" });
      expect(limited.status).toBe(429);
      expect((limited.body as { parameters: { retry_after: number } }).parameters.retry_after).toBe(2);
      await ctx.client.sendText({ token: OTHER_TOKEN, from: ALICE, text: "hi" });
      await ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "other bot" }, OTHER_TOKEN);
      await expect(ctx.client.setBotRateLimit({ messages: 0 })).rejects.toThrow(/at least 1/);
    } finally {
      await ctx.client.setBotRateLimit({ messages: null });
    }
  });

  it("take their defaults from the sandbox options", async () => {
    const sandbox = await startSandbox({
      bots: [{ token: TOKEN, username: "test_bot" }],
      chatRateLimit: { messages: 1, windowSeconds: 60 },
    });
    try {
      const client = new SandboxClient(sandbox.url);
      await client.sendText({ token: TOKEN, from: ALICE, text: "hi" });
      await ok(sandbox, "sendMessage", { chat_id: ALICE.id, text: "one" });
      expect((await callApi(sandbox, "sendMessage", { chat_id: ALICE.id, text: "two" })).status).toBe(429);
    } finally {
      await sandbox.close();
    }
  });
});
