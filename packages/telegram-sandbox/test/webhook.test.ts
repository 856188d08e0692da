// setWebhook / getWebhookInfo / deleteWebhook and delivery: order, secret header, retries, webhook replies.

import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SandboxClient, startSandbox } from "../src/index";
import { ALICE, callApi, drainUpdates, ok, TOKEN, useSandbox } from "./helpers";

const ctx = useSandbox();

interface Received {
  headers: IncomingMessage["headers"];
  body: {
    update_id: number;
    message?: { text?: string; chat: { id: number }; message_thread_id?: number; is_topic_message?: boolean };
  };
}

/** A fake bot webhook endpoint; `respond` decides each answer. */
const hook = {
  server: undefined as unknown as Server,
  url: "",
  received: [] as Received[],
  respond: (_update: Received["body"]): { status: number; body?: unknown } => ({ status: 200 }),
};

beforeAll(async () => {
  hook.server = createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw) as Received["body"];
    hook.received.push({ headers: req.headers, body });
    const answer = hook.respond(body);
    res.writeHead(answer.status, { "content-type": "application/json" });
    res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => hook.server.listen(0, "127.0.0.1", resolve));
  hook.url = `http://127.0.0.1:${(hook.server.address() as AddressInfo).port}/telegram`;
});

afterAll(async () => {
  hook.server.closeAllConnections();
  await new Promise((resolve) => hook.server.close(resolve));
});

beforeEach(async () => {
  await ok(ctx.sandbox, "deleteWebhook", { drop_pending_updates: true });
  await drainUpdates(ctx.sandbox);
  await ctx.client.reset();
  hook.received = [];
  hook.respond = () => ({ status: 200 });
});

async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const webhookInfo = () => ok<Record<string, unknown>>(ctx.sandbox, "getWebhookInfo");

describe("webhook management", () => {
  it("sets, reports and deletes a webhook with Telegram's descriptions", async () => {
    expect(await webhookInfo()).toEqual({ url: "", has_custom_certificate: false, pending_update_count: 0 });
    const set = await callApi(ctx.sandbox, "setWebhook", { url: hook.url, max_connections: 5 });
    expect(set.body).toEqual({ ok: true, result: true, description: "Webhook was set" });
    expect(await webhookInfo()).toMatchObject({ url: hook.url, max_connections: 5, pending_update_count: 0 });
    const deleted = await callApi(ctx.sandbox, "deleteWebhook");
    expect(deleted.body).toEqual({ ok: true, result: true, description: "Webhook was deleted" });
    expect((await callApi(ctx.sandbox, "deleteWebhook")).body.description).toBe("Webhook is already deleted");
  });

  it("validates the URL and secret_token", async () => {
    const badUrl = await callApi(ctx.sandbox, "setWebhook", { url: "ftp://example.com/hook" });
    expect(badUrl.body.description).toBe(
      "Bad Request: bad webhook: An HTTPS URL must be provided for webhook",
    );
    const badSecret = await callApi(ctx.sandbox, "setWebhook", { url: hook.url, secret_token: "no spaces!" });
    expect(badSecret.body.description).toBe("Bad Request: secret token contains unallowed characters");
  });
});

describe("delivery", () => {
  it("POSTs updates in order with the secret token header", async () => {
    await ok(ctx.sandbox, "setWebhook", { url: hook.url, secret_token: "s3cr3t_token-1" });
    for (const text of ["one", "two", "three"])
      await ctx.client.sendText({ token: TOKEN, from: ALICE, text });
    await until(() => hook.received.length === 3);
    expect(hook.received.map((r) => r.body.message?.text)).toEqual(["one", "two", "three"]);
    expect(
      hook.received.every((r) => r.headers["x-telegram-bot-api-secret-token"] === "s3cr3t_token-1"),
    ).toBe(true);
    expect(hook.received[0]?.headers["content-type"]).toBe("application/json");
    await until(() => ctx.sandbox.state.bots.get(TOKEN)?.updates.pendingCount === 0);
  });

  it("keeps updates pending and retries after a 500, recording the error", async () => {
    let failures = 1;
    hook.respond = () => (failures-- > 0 ? { status: 500 } : { status: 200 });
    await ok(ctx.sandbox, "setWebhook", { url: hook.url });
    await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "retry me" });
    await until(() => hook.received.length === 1);
    await until(() => ctx.sandbox.state.bots.get(TOKEN)?.webhook?.lastErrorMessage !== undefined);
    const info = await webhookInfo();
    expect(info.pending_update_count).toBe(1);
    expect(info.last_error_message).toBe("Wrong response from the webhook: 500 Internal Server Error");
    expect(info.last_error_date).toBeTypeOf("number");
    await until(() => hook.received.length === 2);
    expect(hook.received[1]?.body.update_id).toBe(hook.received[0]?.body.update_id);
    await until(() => ctx.sandbox.state.bots.get(TOKEN)?.updates.pendingCount === 0);
  });

  it("reports connection errors and delivers pending updates once the endpoint is fixed", async () => {
    await ok(ctx.sandbox, "setWebhook", { url: "http://127.0.0.1:9/unreachable" });
    await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "waiting" });
    await until(() => ctx.sandbox.state.bots.get(TOKEN)?.webhook?.lastErrorMessage !== undefined);
    expect((await webhookInfo()).last_error_message).toBe("Connection refused");
    await ok(ctx.sandbox, "setWebhook", { url: hook.url });
    await until(() => hook.received.length === 1);
    expect(hook.received[0]?.body.message?.text).toBe("waiting");
  });

  it("executes a method sent back in the webhook response body", async () => {
    hook.respond = (update) => ({
      status: 200,
      body: { method: "sendMessage", chat_id: update.message?.chat.id, text: "answered via webhook reply" },
    });
    await ok(ctx.sandbox, "setWebhook", { url: hook.url });
    const { message_id } = await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "hi" });
    const [reply] = await ctx.client.waitForBotMessages({
      token: TOKEN,
      chatId: ALICE.id,
      count: 1,
      afterMessageId: message_id,
      timeoutMs: 3000,
    });
    expect(reply?.text).toBe("answered via webhook reply");
    const [call] = await ctx.client.getCalls({ token: TOKEN, method: "sendMessage" });
    expect(call).toMatchObject({ ok: true, via_webhook_reply: true });
  });

  it("drop_pending_updates discards what is queued", async () => {
    await ok(ctx.sandbox, "setWebhook", { url: "http://127.0.0.1:9/unreachable" });
    await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "lost" });
    await ok(ctx.sandbox, "setWebhook", { url: hook.url, drop_pending_updates: true });
    expect((await webhookInfo()).pending_update_count).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hook.received).toEqual([]);
  });

  it("with webhookDelivery: false, updates stay pending", async () => {
    const quiet = await startSandbox({
      bots: [{ token: TOKEN, username: "quiet_bot" }],
      webhookDelivery: false,
    });
    try {
      await ok(quiet, "setWebhook", { url: hook.url });
      await new SandboxClient(quiet.url).sendText({ token: TOKEN, from: ALICE, text: "kept" });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(hook.received).toEqual([]);
      expect((await ok<Record<string, unknown>>(quiet, "getWebhookInfo")).pending_update_count).toBe(1);
    } finally {
      await quiet.close();
    }
  });

  it("delivers a topic message in a forum, with allowed_updates applied", async () => {
    const forum = await ctx.client.createSupergroup({
      title: "Support",
      owner: { id: 601, first_name: "Olga" },
      isForum: true,
    });
    await ctx.client.addBotToSupergroup({
      token: TOKEN,
      chatId: forum.id,
      status: "administrator",
      rights: { can_manage_topics: true },
    });
    await ctx.client.addSupergroupMember({ chatId: forum.id, user: ALICE });
    const topic = await ok<{ message_thread_id: number }>(ctx.sandbox, "createForumTopic", {
      chat_id: forum.id,
      name: "Ann",
    });
    await ok(ctx.sandbox, "setWebhook", {
      url: hook.url,
      drop_pending_updates: true,
      allowed_updates: ["message"],
    });
    await ctx.client.sendText({
      token: TOKEN,
      from: ALICE,
      text: "in the topic",
      chatId: forum.id,
      threadId: topic.message_thread_id,
    });
    await until(() => hook.received.length === 1);
    expect(hook.received[0]?.body.message).toMatchObject({
      text: "in the topic",
      chat: { id: forum.id },
      message_thread_id: topic.message_thread_id,
      is_topic_message: true,
    });
    // my_chat_member is not in allowed_updates: a promotion is not delivered.
    await ctx.client.addBotToSupergroup({ token: TOKEN, chatId: forum.id, status: "member" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hook.received).toHaveLength(1);
    await ok(ctx.sandbox, "setWebhook", { url: hook.url, allowed_updates: [] });
  });
});
