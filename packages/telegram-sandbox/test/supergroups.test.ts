// Supergroups: creating them, bots and people joining, getChat / getChatMember, Telegram's
// errors for bots outside the group, privacy mode and the per-group flood limit.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SandboxClient, startSandbox, type TgUpdate } from "../src/index";
import { ALICE, BOB, callApi, drainUpdates, OTHER_TOKEN, ok, TOKEN, useSandbox } from "./helpers";

const ctx = useSandbox();
const OWNER = { id: 601, first_name: "Olga", username: "olga" };

beforeEach(async () => {
  await ctx.client.reset();
  await drainUpdates(ctx.sandbox);
  await drainUpdates(ctx.sandbox, OTHER_TOKEN);
});

async function group(options: { isForum?: boolean } = {}) {
  return ctx.client.createSupergroup({ title: "Support", owner: OWNER, isForum: options.isForum ?? true });
}

describe("creating supergroups", () => {
  it("gives Telegram-like ids and the Chat object bots see", async () => {
    const forum = await group();
    expect(forum).toEqual({ id: forum.id, title: "Support", is_forum: true, type: "supergroup" });
    expect(String(forum.id)).toMatch(/^-100\d{10}$/);
    const plain = await group({ isForum: false });
    expect(plain).toEqual({ id: plain.id, title: "Support", type: "supergroup" });
    expect(plain.id).not.toBe(forum.id);

    const chosen = await ctx.client.createSupergroup({ title: "Mine", owner: OWNER, id: -1001234567890 });
    expect(chosen.id).toBe(-1001234567890);
    await expect(
      ctx.client.createSupergroup({ title: "Again", owner: OWNER, id: -1001234567890 }),
    ).rejects.toThrow(/already exists/);
    await expect(ctx.client.createSupergroup({ title: "Bad", owner: OWNER, id: -100 })).rejects.toThrow(
      /-100 and ten digits/,
    );
    await expect(ctx.client.createSupergroup({ title: " ", owner: OWNER })).rejects.toThrow(/1-128/);
    await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "old", chatId: -1009999999999 });
    await expect(
      ctx.client.createSupergroup({ title: "Clash", owner: OWNER, id: -1009999999999 }),
    ).rejects.toThrow(/already exists as a basic group/);
  });

  it("reset removes supergroups", async () => {
    const forum = await group();
    await ctx.client.reset();
    await expect(ctx.client.getSupergroup({ chatId: forum.id })).rejects.toThrow(/no supergroup/);
  });
});

describe("bots joining and leaving", () => {
  it("sends my_chat_member and new_chat_members when a bot is added, and shows its rights", async () => {
    const forum = await group();
    const added = await ctx.client.addBotToSupergroup({
      token: TOKEN,
      chatId: forum.id,
      status: "administrator",
      rights: { can_manage_topics: true },
    });
    const updates = await ok<TgUpdate[]>(ctx.sandbox, "getUpdates");
    expect(updates.map((u) => Object.keys(u).filter((k) => k !== "update_id")[0])).toEqual([
      "my_chat_member",
      "message",
    ]);
    expect(updates[0]?.update_id).toBe(added.update_id);
    const change = updates[0]?.my_chat_member;
    expect(change?.chat).toEqual(forum);
    expect(change?.from).toMatchObject({ id: OWNER.id, is_bot: false });
    expect(change?.old_chat_member).toEqual({
      user: { id: 100001, is_bot: true, first_name: "Test Bot", username: "test_bot" },
      status: "left",
    });
    expect(change?.new_chat_member).toMatchObject({
      status: "administrator",
      can_be_edited: false,
      can_manage_chat: true,
      can_manage_topics: true,
      can_delete_messages: false,
    });
    expect(updates[1]?.message).toMatchObject({
      chat: forum,
      from: { id: OWNER.id },
      new_chat_members: [{ id: 100001, is_bot: true }],
      new_chat_member: { id: 100001 },
    });

    const state = await ctx.client.getSupergroup({ chatId: forum.id });
    expect(state.bots).toEqual([
      {
        id: 100001,
        username: "test_bot",
        status: "administrator",
        rights: expect.objectContaining({ can_manage_topics: true }),
      },
    ]);
    expect(state.members).toEqual([
      {
        user: { id: OWNER.id, is_bot: false, first_name: "Olga", username: "olga" },
        status: "creator",
        can_manage_topics: true,
      },
    ]);
  });

  it("refuses unknown rights, repeated adds and adds by people who cannot", async () => {
    const forum = await group();
    await expect(
      ctx.client.addBotToSupergroup({ token: TOKEN, chatId: forum.id, rights: { can_fly: true } as never }),
    ).rejects.toThrow(/"rights.can_fly" is not a ChatAdministratorRights field/);
    await ctx.client.addBotToSupergroup({ token: TOKEN, chatId: forum.id });
    await expect(ctx.client.addBotToSupergroup({ token: TOKEN, chatId: forum.id })).rejects.toThrow(
      /already is member/,
    );
    await expect(
      ctx.client.addBotToSupergroup({ token: OTHER_TOKEN, chatId: forum.id, from: ALICE }),
    ).rejects.toThrow(/user 501 is not a member/);
    await ctx.client.addSupergroupMember({ chatId: forum.id, user: ALICE });
    await expect(
      ctx.client.addBotToSupergroup({
        token: OTHER_TOKEN,
        chatId: forum.id,
        from: ALICE,
        status: "administrator",
      }),
    ).rejects.toThrow(/not an administrator and cannot promote bots/);
  });

  it("promotes a member bot with my_chat_member only", async () => {
    const forum = await group();
    await ctx.client.addBotToSupergroup({ token: TOKEN, chatId: forum.id });
    await drainUpdates(ctx.sandbox);
    await ctx.client.addBotToSupergroup({
      token: TOKEN,
      chatId: forum.id,
      status: "administrator",
      rights: { can_manage_topics: true },
    });
    const updates = await ok<TgUpdate[]>(ctx.sandbox, "getUpdates");
    expect(updates).toHaveLength(1);
    expect(updates[0]?.my_chat_member?.old_chat_member.status).toBe("member");
    expect(updates[0]?.my_chat_member?.new_chat_member.status).toBe("administrator");
  });
});

describe("sending to a supergroup", () => {
  it("answers Bad Request: chat not found to a bot that was never in the group", async () => {
    const forum = await group();
    const answer = await callApi(ctx.sandbox, "sendMessage", { chat_id: forum.id, text: "hi" });
    expect(answer).toEqual({
      status: 400,
      body: { ok: false, error_code: 400, description: "Bad Request: chat not found" },
    });
    expect((await callApi(ctx.sandbox, "getChat", { chat_id: forum.id })).body.description).toBe(
      "Bad Request: chat not found",
    );
  });

  it("answers 403 to a bot that left or was banned", async () => {
    const forum = await group();
    await ctx.client.addBotToSupergroup({ token: TOKEN, chatId: forum.id });
    await ok(ctx.sandbox, "sendMessage", { chat_id: forum.id, text: "hello" });
    await drainUpdates(ctx.sandbox);
    const removed = await ctx.client.removeBotFromSupergroup({ token: TOKEN, chatId: forum.id });
    const updates = await ok<TgUpdate[]>(ctx.sandbox, "getUpdates");
    expect(updates[0]).toMatchObject({
      update_id: removed.update_id,
      my_chat_member: { old_chat_member: { status: "member" }, new_chat_member: { status: "left" } },
    });
    // The bot still gets the message about its own leaving.
    expect(updates[1]?.message?.left_chat_member).toMatchObject({ id: 100001, is_bot: true });
    const left = await callApi(ctx.sandbox, "sendMessage", { chat_id: forum.id, text: "still here?" });
    expect(left).toEqual({
      status: 403,
      body: {
        ok: false,
        error_code: 403,
        description: "Forbidden: bot is not a member of the supergroup chat",
      },
    });
    expect((await callApi(ctx.sandbox, "getChat", { chat_id: forum.id })).status).toBe(403);

    await ctx.client.addBotToSupergroup({ token: TOKEN, chatId: forum.id });
    await ctx.client.removeBotFromSupergroup({ token: TOKEN, chatId: forum.id, ban: true });
    expect((await callApi(ctx.sandbox, "sendMessage", { chat_id: forum.id, text: "x" })).body).toEqual({
      ok: false,
      error_code: 403,
      description: "Forbidden: bot was kicked from the supergroup chat",
    });
  });

  it("sends as a member: the message has the supergroup chat and is listed for the group", async () => {
    const forum = await group({ isForum: false });
    await ctx.client.addBotToSupergroup({ token: TOKEN, chatId: forum.id });
    const sent = await ok<{ message_id: number; chat: unknown; message_thread_id?: number }>(
      ctx.sandbox,
      "sendMessage",
      { chat_id: forum.id, text: "Hello, team" },
    );
    expect(sent.chat).toEqual(forum);
    expect(sent.message_thread_id).toBeUndefined();
    const listed = await ctx.client.getMessages({ token: TOKEN, chatId: forum.id });
    expect(listed.map((m) => [m.from.id, m.new_chat_members ? "joined" : m.text])).toEqual([
      [OWNER.id, "joined"],
      [100001, "Hello, team"],
    ]);
  });

  it("refuses request buttons outside private chats", async () => {
    const forum = await group();
    await ctx.client.addBotToSupergroup({ token: TOKEN, chatId: forum.id });
    const answer = await callApi(ctx.sandbox, "sendMessage", {
      chat_id: forum.id,
      text: "Phone?",
      reply_markup: { keyboard: [[{ text: "Share", request_contact: true }]] },
    });
    expect(answer.body.description).toBe("Bad Request: phone number can be requested in private chats only");
  });

  it("lets a bot delete others' messages only with can_delete_messages", async () => {
    const forum = await group({ isForum: false });
    await ctx.client.addBotToSupergroup({ token: TOKEN, chatId: forum.id });
    await ctx.client.addSupergroupMember({ chatId: forum.id, user: ALICE });
    const { message_id } = await ctx.client.sendText({
      token: TOKEN,
      from: ALICE,
      text: "spam",
      chatId: forum.id,
    });
    const refused = await callApi(ctx.sandbox, "deleteMessage", { chat_id: forum.id, message_id });
    expect(refused.body.description).toBe("Bad Request: message can't be deleted");
    await ctx.client.addBotToSupergroup({
      token: TOKEN,
      chatId: forum.id,
      status: "administrator",
      rights: { can_delete_messages: true },
    });
    expect(await ok(ctx.sandbox, "deleteMessage", { chat_id: forum.id, message_id })).toBe(true);
  });

  it("lets a bot edit only its own messages", async () => {
    const forum = await group({ isForum: false });
    await ctx.client.addBotToSupergroup({ token: TOKEN, chatId: forum.id });
    await ctx.client.addBotToSupergroup({ token: OTHER_TOKEN, chatId: forum.id });
    const other = await ok<{ message_id: number }>(
      ctx.sandbox,
      "sendMessage",
      { chat_id: forum.id, text: "mine" },
      OTHER_TOKEN,
    );
    const answer = await callApi(ctx.sandbox, "editMessageText", {
      chat_id: forum.id,
      message_id: other.message_id,
      text: "yours now",
    });
    expect(answer.body.description).toBe("Bad Request: message can't be edited");
  });
});

describe("getChat and getChatMember", () => {
  it("returns ChatFullInfo with type supergroup and is_forum", async () => {
    const forum = await group();
    await ctx.client.addBotToSupergroup({ token: TOKEN, chatId: forum.id });
    const info = await ok<Record<string, unknown>>(ctx.sandbox, "getChat", { chat_id: forum.id });
    expect(info).toMatchObject({ id: forum.id, title: "Support", type: "supergroup", is_forum: true });
    expect(info.permissions).toMatchObject({ can_send_messages: true, can_manage_topics: false });
    expect(typeof info.accent_color_id).toBe("number");
    expect(info.max_reaction_count).toBe(11);

    const plain = await group({ isForum: false });
    await ctx.client.addBotToSupergroup({ token: TOKEN, chatId: plain.id });
    const plainInfo = await ok<Record<string, unknown>>(ctx.sandbox, "getChat", { chat_id: plain.id });
    expect(plainInfo.type).toBe("supergroup");
    expect("is_forum" in plainInfo).toBe(false);

    await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "hi" });
    expect(await ok(ctx.sandbox, "getChat", { chat_id: ALICE.id })).toMatchObject({
      id: ALICE.id,
      type: "private",
      first_name: "Alice",
      username: "alice",
    });
  });

  it("describes the bot and people as ChatMember", async () => {
    const forum = await group();
    await ctx.client.addBotToSupergroup({
      token: TOKEN,
      chatId: forum.id,
      status: "administrator",
      rights: { can_manage_topics: true },
    });
    await ctx.client.addSupergroupMember({
      chatId: forum.id,
      user: ALICE,
      status: "administrator",
      canManageTopics: true,
    });
    const me = await ok(ctx.sandbox, "getChatMember", { chat_id: forum.id, user_id: 100001 });
    expect(me).toMatchObject({ status: "administrator", can_manage_topics: true, user: { id: 100001 } });
    expect(await ok(ctx.sandbox, "getChatMember", { chat_id: forum.id, user_id: OWNER.id })).toMatchObject({
      status: "creator",
    });
    expect(await ok(ctx.sandbox, "getChatMember", { chat_id: forum.id, user_id: ALICE.id })).toMatchObject({
      status: "administrator",
      can_manage_topics: true,
    });
    const unknown = await callApi(ctx.sandbox, "getChatMember", { chat_id: forum.id, user_id: 424242 });
    expect(unknown.body.description).toBe("Bad Request: user not found");
  });
});

describe("people in the group and privacy mode", () => {
  it("delivers everything to an administrator bot and only commands, replies and service messages to a member bot", async () => {
    const forum = await group({ isForum: false });
    await ctx.client.addBotToSupergroup({ token: TOKEN, chatId: forum.id, status: "administrator" });
    await ctx.client.addBotToSupergroup({ token: OTHER_TOKEN, chatId: forum.id });
    await ctx.client.addSupergroupMember({ chatId: forum.id, user: ALICE });
    await drainUpdates(ctx.sandbox);
    await drainUpdates(ctx.sandbox, OTHER_TOKEN);

    const plain = await ctx.client.sendText({
      token: OTHER_TOKEN,
      from: ALICE,
      text: "hello all",
      chatId: forum.id,
    });
    expect(plain.update_id).toBeNull();
    const named = await ctx.client.sendText({
      token: OTHER_TOKEN,
      from: ALICE,
      text: "/status@other_bot",
      chatId: forum.id,
    });
    expect(named.update_id).not.toBeNull();
    await ctx.client.sendText({
      token: OTHER_TOKEN,
      from: ALICE,
      text: "/status@test_bot",
      chatId: forum.id,
    });
    // A general command goes to the bot that sent the last message.
    const general = await ctx.client.sendText({
      token: OTHER_TOKEN,
      from: ALICE,
      text: "/help",
      chatId: forum.id,
    });
    expect(general.update_id).toBeNull();
    const mine = await ok<{ message_id: number }>(
      ctx.sandbox,
      "sendMessage",
      { chat_id: forum.id, text: "Ask me" },
      OTHER_TOKEN,
    );
    const afterSending = await ctx.client.sendText({
      token: OTHER_TOKEN,
      from: ALICE,
      text: "/help",
      chatId: forum.id,
    });
    expect(afterSending.update_id).not.toBeNull();
    const reply = await ctx.client.sendText({
      token: OTHER_TOKEN,
      from: ALICE,
      text: "answering you",
      chatId: forum.id,
      replyToMessageId: mine.message_id,
    });
    expect(reply.update_id).not.toBeNull();
    await ctx.client.addSupergroupMember({ chatId: forum.id, user: BOB });

    const memberTexts = (await ok<TgUpdate[]>(ctx.sandbox, "getUpdates", {}, OTHER_TOKEN)).map(
      (u) => u.message?.text ?? (u.message?.new_chat_members ? "[joined]" : "?"),
    );
    expect(memberTexts).toEqual(["/status@other_bot", "/help", "answering you", "[joined]"]);
    const adminTexts = (await ok<TgUpdate[]>(ctx.sandbox, "getUpdates")).map(
      (u) => u.message?.text ?? (u.message?.new_chat_members ? "[joined]" : "?"),
    );
    // The administrator gets every message from people, but none from the other bot.
    expect(adminTexts).toEqual([
      "hello all",
      "/status@other_bot",
      "/status@test_bot",
      "/help",
      "/help",
      "answering you",
      "[joined]",
    ]);

    await ctx.client.setBotPrivacy({ token: OTHER_TOKEN, enabled: false });
    expect(await ok(ctx.sandbox, "getMe", {}, OTHER_TOKEN)).toMatchObject({
      can_read_all_group_messages: true,
    });
    const unfiltered = await ctx.client.sendText({
      token: OTHER_TOKEN,
      from: ALICE,
      text: "now?",
      chatId: forum.id,
    });
    expect(unfiltered.update_id).not.toBeNull();
    await ctx.client.setBotPrivacy({ token: OTHER_TOKEN, enabled: true });
  });

  it("refuses messages from people who are not in the group", async () => {
    const forum = await group();
    await ctx.client.addBotToSupergroup({ token: TOKEN, chatId: forum.id });
    await expect(
      ctx.client.sendText({ token: TOKEN, from: BOB, text: "let me in", chatId: forum.id }),
    ).rejects.toThrow(/user 502 is not a member of supergroup/);
  });

  it("respects allowed_updates for group messages", async () => {
    const forum = await group({ isForum: false });
    await ctx.client.addBotToSupergroup({ token: TOKEN, chatId: forum.id, status: "administrator" });
    await ctx.client.addSupergroupMember({ chatId: forum.id, user: ALICE });
    await ok(ctx.sandbox, "getUpdates", { allowed_updates: ["callback_query"], offset: -1 });
    await drainUpdates(ctx.sandbox);
    const sent = await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "filtered", chatId: forum.id });
    expect(sent.update_id).toBeNull();
    expect(await ok(ctx.sandbox, "getUpdates", { allowed_updates: [] })).toEqual([]);
  });
});

describe("the group flood limit", () => {
  afterEach(async () => {
    await ctx.client.setGroupRateLimit({ messages: 20 });
  });

  it("answers 429 with retry_after after 20 messages a minute to one group, by default", async () => {
    const forum = await group({ isForum: false });
    await ctx.client.addBotToSupergroup({ token: TOKEN, chatId: forum.id });
    for (let i = 1; i <= 20; i++) await ok(ctx.sandbox, "sendMessage", { chat_id: forum.id, text: `#${i}` });
    const limited = await callApi(ctx.sandbox, "sendMessage", { chat_id: forum.id, text: "#21" });
    expect(limited.status).toBe(429);
    expect(limited.body.description).toMatch(/^Too Many Requests: retry after (\d+)$/);
    const retryAfter = limited.body.parameters?.retry_after ?? 0;
    expect(limited.body.description).toBe(`Too Many Requests: retry after ${retryAfter}`);
    expect(retryAfter).toBeGreaterThanOrEqual(59);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Media count too; other groups, other bots and private chats are not affected.
    expect(
      (await callApi(ctx.sandbox, "sendPhoto", { chat_id: forum.id, photo: "https://example.com/a.jpg" }))
        .status,
    ).toBe(429);
    await ctx.client.addBotToSupergroup({ token: OTHER_TOKEN, chatId: forum.id });
    await ok(ctx.sandbox, "sendMessage", { chat_id: forum.id, text: "other bot" }, OTHER_TOKEN);
    const second = await group({ isForum: false });
    await ctx.client.addBotToSupergroup({ token: TOKEN, chatId: second.id });
    await ok(ctx.sandbox, "sendMessage", { chat_id: second.id, text: "fine" });
    await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "hi" });
    for (let i = 0; i < 25; i++) await ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: `p${i}` });
  });

  it("is configurable, counts a sliding window and applies to basic groups too", async () => {
    const limit = await ctx.client.setGroupRateLimit({ messages: 2, windowSeconds: 1 });
    expect(limit).toEqual({ messages: 2, windowSeconds: 1 });
    await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "in group", chatId: -100 });
    await ok(ctx.sandbox, "sendMessage", { chat_id: -100, text: "1" });
    await ok(ctx.sandbox, "sendMessage", { chat_id: -100, text: "2" });
    const limited = await callApi(ctx.sandbox, "sendMessage", { chat_id: -100, text: "3" });
    expect(limited.body).toEqual({
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    await new Promise((resolve) => setTimeout(resolve, 1050));
    await ok(ctx.sandbox, "sendMessage", { chat_id: -100, text: "3 again" });

    await ctx.client.setGroupRateLimit({ messages: null });
    for (let i = 0; i < 30; i++) await ok(ctx.sandbox, "sendMessage", { chat_id: -100, text: `${i}` });
    await expect(ctx.client.setGroupRateLimit({ messages: 0 })).rejects.toThrow(/at least 1/);
  });

  it("takes its default from the sandbox options", async () => {
    const sandbox = await startSandbox({
      bots: [{ token: TOKEN, username: "test_bot" }],
      groupRateLimit: { messages: 1, windowSeconds: 60 },
    });
    try {
      const client = new SandboxClient(sandbox.url);
      const chat = await client.createSupergroup({ title: "Tiny", owner: OWNER });
      await client.addBotToSupergroup({ token: TOKEN, chatId: chat.id });
      await ok(sandbox, "sendMessage", { chat_id: chat.id, text: "one" });
      expect((await callApi(sandbox, "sendMessage", { chat_id: chat.id, text: "two" })).status).toBe(429);
    } finally {
      await sandbox.close();
    }
  });
});
