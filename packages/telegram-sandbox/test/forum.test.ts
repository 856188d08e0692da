// Forum topics: the operator flow (a topic per customer, mirrored messages, operator replies,
// /close), the topic methods with Telegram's errors, message_thread_id on sends, and people
// acting in topics.

import { beforeEach, describe, expect, it } from "vitest";
import type { TgChat, TgMessage, TgUpdate } from "../src/index";
import { ALICE, BOB, callApi, drainUpdates, OTHER_TOKEN, ok, TOKEN, useSandbox } from "./helpers";

const ctx = useSandbox();
const OWNER = { id: 601, first_name: "Olga", username: "olga" };
const OPERATOR = { id: 602, first_name: "Oscar" };
const BOT = { id: 100001, is_bot: true, first_name: "Test Bot", username: "test_bot" };

let forum: TgChat;

/** A forum with the test bot as administrator (can_manage_topics) and an operator. */
beforeEach(async () => {
  await ctx.client.reset();
  forum = await ctx.client.createSupergroup({ title: "Support desk", owner: OWNER, isForum: true });
  await ctx.client.addBotToSupergroup({
    token: TOKEN,
    chatId: forum.id,
    status: "administrator",
    rights: { can_manage_topics: true },
  });
  await ctx.client.addSupergroupMember({ chatId: forum.id, user: OPERATOR });
  await drainUpdates(ctx.sandbox);
  await drainUpdates(ctx.sandbox, OTHER_TOKEN);
});

async function createTopic(name: string, extra: Record<string, unknown> = {}, token = TOKEN) {
  return ok<{ message_thread_id: number; name: string; icon_color: number }>(
    ctx.sandbox,
    "createForumTopic",
    { chat_id: forum.id, name, ...extra },
    token,
  );
}

describe("the operator flow", () => {
  it("a topic for Ann gets her mirrored messages and the operator's replies, in order, and /close closes it", async () => {
    // A customer writes to the bot in private.
    const ann = { id: 701, first_name: "Ann" };
    await ctx.client.sendText({ token: TOKEN, from: ann, text: "Hi, my order is late" });
    const topic = await createTopic("Ann");
    await ok(ctx.sandbox, "sendMessage", {
      chat_id: forum.id,
      message_thread_id: topic.message_thread_id,
      text: "Ann: Hi, my order is late",
    });
    await drainUpdates(ctx.sandbox);

    // The operator answers in the topic; the bot gets the message with the topic's shape.
    const reply = await ctx.client.sendText({
      token: TOKEN,
      from: OPERATOR,
      text: "Sorry! Checking now.",
      chatId: forum.id,
      threadId: topic.message_thread_id,
    });
    const [update] = await ok<TgUpdate[]>(ctx.sandbox, "getUpdates");
    expect(update?.update_id).toBe(reply.update_id);
    expect(update?.message).toMatchObject({
      message_id: reply.message_id,
      from: { id: OPERATOR.id, is_bot: false, first_name: "Oscar" },
      chat: { id: forum.id, type: "supergroup", title: "Support desk", is_forum: true },
      message_thread_id: topic.message_thread_id,
      is_topic_message: true,
      text: "Sorry! Checking now.",
      reply_to_message: {
        message_id: topic.message_thread_id,
        from: BOT,
        message_thread_id: topic.message_thread_id,
        is_topic_message: true,
        forum_topic_created: { name: "Ann", icon_color: 7322096 },
      },
    });
    await ok(ctx.sandbox, "sendMessage", { chat_id: ann.id, text: "Sorry! Checking now." });

    const close = await ctx.client.sendText({
      token: TOKEN,
      from: OPERATOR,
      text: "/close",
      chatId: forum.id,
      threadId: topic.message_thread_id,
    });
    const [closeUpdate] = await ok<TgUpdate[]>(ctx.sandbox, "getUpdates", {
      offset: (reply.update_id ?? 0) + 1,
    });
    expect(closeUpdate?.update_id).toBe(close.update_id);
    expect(closeUpdate?.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);
    expect(closeUpdate?.message?.message_thread_id).toBe(topic.message_thread_id);
    expect(
      await ok(ctx.sandbox, "closeForumTopic", {
        chat_id: forum.id,
        message_thread_id: topic.message_thread_id,
      }),
    ).toBe(true);

    const inTopic = await ctx.client.getMessages({
      token: TOKEN,
      chatId: forum.id,
      threadId: topic.message_thread_id,
    });
    expect(
      inTopic.map((m) => [
        m.from_bot ? "bot" : m.from.first_name,
        m.text ?? (m.forum_topic_created ? "[created]" : m.forum_topic_closed ? "[closed]" : "?"),
      ]),
    ).toEqual([
      ["bot", "[created]"],
      ["bot", "Ann: Hi, my order is late"],
      ["Oscar", "Sorry! Checking now."],
      ["Oscar", "/close"],
      ["bot", "[closed]"],
    ]);
    expect(inTopic.every((m) => m.message_thread_id === topic.message_thread_id && m.is_topic_message)).toBe(
      true,
    );
    expect((await ctx.client.getSupergroup({ chatId: forum.id })).topics).toEqual([
      {
        message_thread_id: topic.message_thread_id,
        name: "Ann",
        icon_color: 7322096,
        is_closed: true,
        creator_id: BOT.id,
      },
    ]);
  });
});

describe("createForumTopic", () => {
  it("returns a ForumTopic and posts forum_topic_created in the topic, delivered to the bot", async () => {
    const topic = await createTopic("Ann Smith", { icon_color: 16766590 });
    expect(topic).toEqual({
      message_thread_id: topic.message_thread_id,
      name: "Ann Smith",
      icon_color: 16766590,
    });
    const [update] = await ok<TgUpdate[]>(ctx.sandbox, "getUpdates");
    expect(update?.message).toEqual({
      message_id: topic.message_thread_id,
      from: BOT,
      chat: forum,
      date: expect.any(Number),
      message_thread_id: topic.message_thread_id,
      forum_topic_created: { name: "Ann Smith", icon_color: 16766590 },
      is_topic_message: true,
    });
    // Topic ids are message ids: the next topic has a higher one.
    expect((await createTopic("Bob")).message_thread_id).toBeGreaterThan(topic.message_thread_id);
  });

  it("cleans the name like TDLib and cuts it to 128 characters", async () => {
    expect((await createTopic("  Ann \n\n  Smith\t ")).name).toBe("Ann Smith");
    const long = `${"é".repeat(100)}${"😀".repeat(40)}`;
    const cut = (await createTopic(long)).name;
    expect([...cut]).toHaveLength(128);
    expect(cut).toBe(`${"é".repeat(100)}${"😀".repeat(28)}`);
    for (const empty of ["", "   ", "\u200b\u200b"]) {
      const answer = await callApi(ctx.sandbox, "createForumTopic", { chat_id: forum.id, name: empty });
      expect(answer.body.description).toBe("Bad Request: title must be non-empty");
    }
  });

  it("takes only the documented icon colors", async () => {
    for (const color of [7322096, 16766590, 13338331, 9367192, 16749490, 16478047])
      expect((await createTopic(`c${color}`, { icon_color: color })).icon_color).toBe(color);
    for (const color of [123, 0x1000000, -1]) {
      const answer = await callApi(ctx.sandbox, "createForumTopic", {
        chat_id: forum.id,
        name: "x",
        icon_color: color,
      });
      expect(answer.body.description).toBe("Bad Request: invalid icon color specified");
    }
  });

  it("answers the chat is not a forum for supergroups without topics, basic groups and private chats", async () => {
    const plain = await ctx.client.createSupergroup({ title: "No topics", owner: OWNER });
    await ctx.client.addBotToSupergroup({
      token: TOKEN,
      chatId: plain.id,
      status: "administrator",
      rights: { can_manage_topics: true },
    });
    await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "hi" });
    await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "hi", chatId: -100 });
    for (const chatId of [plain.id, ALICE.id, -100]) {
      const answer = await callApi(ctx.sandbox, "createForumTopic", { chat_id: chatId, name: "Ann" });
      expect(answer).toEqual({
        status: 400,
        body: { ok: false, error_code: 400, description: "Bad Request: the chat is not a forum" },
      });
    }
  });

  it("needs can_manage_topics, unless members may create topics", async () => {
    await ctx.client.addBotToSupergroup({ token: OTHER_TOKEN, chatId: forum.id });
    const answer = await callApi(
      ctx.sandbox,
      "createForumTopic",
      { chat_id: forum.id, name: "Ann" },
      { token: OTHER_TOKEN },
    );
    expect(answer.body.description).toBe("Bad Request: not enough rights to create a topic");
    await ctx.client.addBotToSupergroup({ token: OTHER_TOKEN, chatId: forum.id, status: "administrator" });
    expect(
      (
        await callApi(
          ctx.sandbox,
          "createForumTopic",
          { chat_id: forum.id, name: "Ann" },
          { token: OTHER_TOKEN },
        )
      ).body.description,
    ).toBe("Bad Request: not enough rights to create a topic");

    const open = await ctx.client.createSupergroup({
      title: "Open",
      owner: OWNER,
      isForum: true,
      membersCanCreateTopics: true,
    });
    await ctx.client.addBotToSupergroup({ token: OTHER_TOKEN, chatId: open.id });
    expect(
      await ok(ctx.sandbox, "createForumTopic", { chat_id: open.id, name: "Mine" }, OTHER_TOKEN),
    ).toMatchObject({ name: "Mine" });
  });

  it("answers chat not found when the bot is not in the forum", async () => {
    const answer = await callApi(
      ctx.sandbox,
      "createForumTopic",
      { chat_id: forum.id, name: "Ann" },
      { token: OTHER_TOKEN },
    );
    expect(answer.body.description).toBe("Bad Request: chat not found");
  });

  it("refuses custom emoji icons, which the sandbox cannot check", async () => {
    const answer = await callApi(ctx.sandbox, "createForumTopic", {
      chat_id: forum.id,
      name: "Ann",
      icon_custom_emoji_id: "5312536423851630001",
    });
    expect(answer.body.description).toMatch(/icon_custom_emoji_id is not supported by the sandbox/);
  });
});

describe("message_thread_id on sends", () => {
  it("puts text and media in the topic, replying to its creation message", async () => {
    const topic = await createTopic("Ann");
    const text = await ok<TgMessage>(ctx.sandbox, "sendMessage", {
      chat_id: forum.id,
      message_thread_id: topic.message_thread_id,
      text: "hello",
    });
    expect(text).toMatchObject({
      message_thread_id: topic.message_thread_id,
      is_topic_message: true,
      reply_to_message: { message_id: topic.message_thread_id, forum_topic_created: { name: "Ann" } },
    });
    const photo = await ok<TgMessage>(ctx.sandbox, "sendPhoto", {
      chat_id: forum.id,
      message_thread_id: String(topic.message_thread_id),
      photo: "https://example.com/receipt.jpg",
    });
    expect(photo).toMatchObject({ message_thread_id: topic.message_thread_id, is_topic_message: true });
    const doc = await ok<TgMessage>(ctx.sandbox, "sendDocument", {
      chat_id: forum.id,
      message_thread_id: topic.message_thread_id,
      document: "https://example.com/invoice.pdf",
      reply_parameters: { message_id: text.message_id },
    });
    expect(doc.reply_to_message?.message_id).toBe(text.message_id);
    expect(doc.message_thread_id).toBe(topic.message_thread_id);

    // A reply to a topic message without message_thread_id lands in that topic.
    const reply = await ok<TgMessage>(ctx.sandbox, "sendMessage", {
      chat_id: forum.id,
      text: "still in the topic",
      reply_parameters: { message_id: text.message_id },
    });
    expect(reply.message_thread_id).toBe(topic.message_thread_id);
    // Without either, the message goes to the General topic: no thread.
    const general = await ok<TgMessage>(ctx.sandbox, "sendMessage", { chat_id: forum.id, text: "general" });
    expect(general.message_thread_id).toBeUndefined();
    expect(general.is_topic_message).toBeUndefined();
    expect(general.reply_to_message).toBeUndefined();
  });

  it("answers message thread not found for unknown threads, plain messages, General (1) and other chats", async () => {
    const topic = await createTopic("Ann");
    const plain = await ok<TgMessage>(ctx.sandbox, "sendMessage", { chat_id: forum.id, text: "general" });
    const inTopic = await ok<TgMessage>(ctx.sandbox, "sendMessage", {
      chat_id: forum.id,
      message_thread_id: topic.message_thread_id,
      text: "in topic",
    });
    await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "hi" });
    const cases: Array<[number, number]> = [
      [forum.id, 999],
      [forum.id, 1],
      [forum.id, plain.message_id],
      [forum.id, inTopic.message_id],
      [ALICE.id, 1],
    ];
    for (const [chatId, threadId] of cases) {
      for (const [method, extra] of [
        ["sendMessage", { text: "x" }],
        ["sendPhoto", { photo: "https://example.com/a.jpg" }],
      ] as const) {
        const answer = await callApi(ctx.sandbox, method, {
          chat_id: chatId,
          message_thread_id: threadId,
          ...extra,
        });
        expect(answer.body, `${method} to ${chatId}/${threadId}`).toEqual({
          ok: false,
          error_code: 400,
          description: "Bad Request: message thread not found",
        });
      }
    }
  });

  it("answers TOPIC_CLOSED to a bot without can_manage_topics that did not create the topic", async () => {
    const topic = await createTopic("Ann");
    await ctx.client.addBotToSupergroup({ token: OTHER_TOKEN, chatId: forum.id });
    await ok(
      ctx.sandbox,
      "sendMessage",
      { chat_id: forum.id, message_thread_id: topic.message_thread_id, text: "open" },
      OTHER_TOKEN,
    );
    await ok(ctx.sandbox, "closeForumTopic", {
      chat_id: forum.id,
      message_thread_id: topic.message_thread_id,
    });
    const answer = await callApi(
      ctx.sandbox,
      "sendMessage",
      { chat_id: forum.id, message_thread_id: topic.message_thread_id, text: "closed?" },
      { token: OTHER_TOKEN },
    );
    expect(answer).toEqual({
      status: 400,
      body: { ok: false, error_code: 400, description: "Bad Request: TOPIC_CLOSED" },
    });
    // The administrator with can_manage_topics (and creator) still writes there, as in Telegram.
    await ok(ctx.sandbox, "sendMessage", {
      chat_id: forum.id,
      message_thread_id: topic.message_thread_id,
      text: "admin",
    });
    await ok(ctx.sandbox, "reopenForumTopic", {
      chat_id: forum.id,
      message_thread_id: topic.message_thread_id,
    });
    await ok(
      ctx.sandbox,
      "sendMessage",
      { chat_id: forum.id, message_thread_id: topic.message_thread_id, text: "again" },
      OTHER_TOKEN,
    );
  });

  it("lets the topic's creator write in it after an operator closed it", async () => {
    const open = await ctx.client.createSupergroup({
      title: "Open",
      owner: OWNER,
      isForum: true,
      membersCanCreateTopics: true,
    });
    await ctx.client.addBotToSupergroup({ token: OTHER_TOKEN, chatId: open.id });
    const topic = await ok<{ message_thread_id: number }>(
      ctx.sandbox,
      "createForumTopic",
      { chat_id: open.id, name: "Mine" },
      OTHER_TOKEN,
    );
    await ctx.client.closeForumTopic({ chatId: open.id, from: OWNER, threadId: topic.message_thread_id });
    await ok(
      ctx.sandbox,
      "sendMessage",
      { chat_id: open.id, message_thread_id: topic.message_thread_id, text: "mine" },
      OTHER_TOKEN,
    );
  });
});

describe("editForumTopic, closeForumTopic, reopenForumTopic, deleteForumTopic", () => {
  it("renames, closes and reopens with service messages the bot gets", async () => {
    const topic = await createTopic("Ann");
    await drainUpdates(ctx.sandbox);
    const id = { chat_id: forum.id, message_thread_id: topic.message_thread_id };
    expect(await ok(ctx.sandbox, "editForumTopic", { ...id, name: "Ann (VIP)" })).toBe(true);
    expect(await ok(ctx.sandbox, "closeForumTopic", id)).toBe(true);
    expect(await ok(ctx.sandbox, "reopenForumTopic", id)).toBe(true);
    const updates = await ok<TgUpdate[]>(ctx.sandbox, "getUpdates");
    expect(updates.map((u) => u.message)).toEqual([
      expect.objectContaining({
        forum_topic_edited: { name: "Ann (VIP)" },
        message_thread_id: topic.message_thread_id,
      }),
      expect.objectContaining({ forum_topic_closed: {}, is_topic_message: true }),
      expect.objectContaining({
        forum_topic_reopened: {},
        reply_to_message: expect.objectContaining({ message_id: topic.message_thread_id }),
      }),
    ]);
    expect((await ctx.client.getSupergroup({ chatId: forum.id })).topics[0]).toMatchObject({
      name: "Ann (VIP)",
      is_closed: false,
    });
  });

  it("answers Telegram's errors for no change, unknown topics, bad ids and missing rights", async () => {
    const topic = await createTopic("Ann");
    const id = { chat_id: forum.id, message_thread_id: topic.message_thread_id };
    const description = async (method: string, params: Record<string, unknown>, token = TOKEN) =>
      (await callApi(ctx.sandbox, method, params, { token })).body.description;

    expect(await description("editForumTopic", { ...id, name: "Ann" })).toBe(
      "Bad Request: TOPIC_NOT_MODIFIED",
    );
    expect(await description("editForumTopic", { ...id, name: "  " })).toBe(
      "Bad Request: title must be non-empty",
    );
    // Neither name nor icon: TDLib answers true without asking Telegram.
    expect(await ok(ctx.sandbox, "editForumTopic", id)).toBe(true);
    expect(await description("reopenForumTopic", id)).toBe("Bad Request: TOPIC_NOT_MODIFIED");
    await ok(ctx.sandbox, "closeForumTopic", id);
    expect(await description("closeForumTopic", id)).toBe("Bad Request: TOPIC_NOT_MODIFIED");

    for (const method of ["editForumTopic", "closeForumTopic", "reopenForumTopic", "deleteForumTopic"]) {
      expect(await description(method, { chat_id: forum.id, message_thread_id: 999, name: "x" })).toBe(
        "Bad Request: TOPIC_ID_INVALID",
      );
      expect(await description(method, { chat_id: forum.id, name: "x" })).toBe(
        "Bad Request: invalid message thread identifier specified",
      );
    }

    await ctx.client.addBotToSupergroup({ token: OTHER_TOKEN, chatId: forum.id });
    expect(await description("editForumTopic", { ...id, name: "B" }, OTHER_TOKEN)).toBe(
      "Bad Request: not enough rights to edit the topic",
    );
    expect(await description("reopenForumTopic", id, OTHER_TOKEN)).toBe(
      "Bad Request: not enough rights to close or open the topic",
    );
    expect(await description("deleteForumTopic", id, OTHER_TOKEN)).toBe(
      "Bad Request: not enough rights to delete the topic",
    );
    const plain = await ctx.client.createSupergroup({ title: "No topics", owner: OWNER });
    await ctx.client.addBotToSupergroup({ token: TOKEN, chatId: plain.id });
    expect(await description("closeForumTopic", { chat_id: plain.id, message_thread_id: 1 })).toBe(
      "Bad Request: the chat is not a forum",
    );
  });

  it("deletes a topic with all its messages; later sends to it find no thread", async () => {
    const topic = await createTopic("Ann");
    const other = await createTopic("Bob");
    await ok(ctx.sandbox, "sendMessage", {
      chat_id: forum.id,
      message_thread_id: topic.message_thread_id,
      text: "bye",
    });
    await ok(ctx.sandbox, "sendMessage", {
      chat_id: forum.id,
      message_thread_id: other.message_thread_id,
      text: "stay",
    });
    await drainUpdates(ctx.sandbox);
    // The creator deletes its own topic without can_delete_messages; no update is sent.
    expect(
      await ok(ctx.sandbox, "deleteForumTopic", {
        chat_id: forum.id,
        message_thread_id: topic.message_thread_id,
      }),
    ).toBe(true);
    expect(await ok(ctx.sandbox, "getUpdates")).toEqual([]);
    expect(
      await ctx.client.getMessages({ token: TOKEN, chatId: forum.id, threadId: topic.message_thread_id }),
    ).toEqual([]);
    expect(
      (await ctx.client.getMessages({ token: TOKEN, chatId: forum.id, threadId: other.message_thread_id }))
        .length,
    ).toBe(2);
    const answer = await callApi(ctx.sandbox, "sendMessage", {
      chat_id: forum.id,
      message_thread_id: topic.message_thread_id,
      text: "gone?",
    });
    expect(answer.body.description).toBe("Bad Request: message thread not found");
    expect((await ctx.client.getSupergroup({ chatId: forum.id })).topics.map((t) => t.name)).toEqual(["Bob"]);
  });
});

describe("people in topics", () => {
  it("a person's reply to a message in a topic keeps the topic and the explicit reply", async () => {
    const topic = await createTopic("Ann");
    const bot = await ok<TgMessage>(ctx.sandbox, "sendMessage", {
      chat_id: forum.id,
      message_thread_id: topic.message_thread_id,
      text: "Ann: where is my parcel?",
    });
    await drainUpdates(ctx.sandbox);
    const sent = await ctx.client.sendText({
      token: TOKEN,
      from: OPERATOR,
      text: "On its way",
      chatId: forum.id,
      replyToMessageId: bot.message_id,
    });
    const [update] = await ok<TgUpdate[]>(ctx.sandbox, "getUpdates");
    expect(update?.message).toMatchObject({
      message_id: sent.message_id,
      message_thread_id: topic.message_thread_id,
      is_topic_message: true,
      reply_to_message: { message_id: bot.message_id, text: "Ann: where is my parcel?" },
    });
    const [listed] = await ctx.client.getMessages({
      token: TOKEN,
      chatId: forum.id,
      afterMessageId: bot.message_id,
    });
    expect(listed).toMatchObject({
      reply_to_message_id: bot.message_id,
      message_thread_id: topic.message_thread_id,
    });
  });

  it("refuses unknown topics, topics in other threads, threads outside forums and closed topics", async () => {
    const topic = await createTopic("Ann");
    const other = await createTopic("Bob");
    const inOther = await ok<TgMessage>(ctx.sandbox, "sendMessage", {
      chat_id: forum.id,
      message_thread_id: other.message_thread_id,
      text: "x",
    });
    const send = (extra: Record<string, number>, from = OPERATOR, chatId = forum.id) =>
      ctx.client.sendText({ token: TOKEN, from, text: "hi", chatId, ...extra });
    await expect(send({ threadId: 999 })).rejects.toThrow(/no forum topic 999/);
    await expect(
      send({ threadId: topic.message_thread_id, replyToMessageId: inOther.message_id }),
    ).rejects.toThrow(/is in topic \d+, not in topic \d+/);
    await expect(send({ threadId: 1 }, ALICE, ALICE.id)).rejects.toThrow(/has no topics/);
    await ok(ctx.sandbox, "closeForumTopic", {
      chat_id: forum.id,
      message_thread_id: topic.message_thread_id,
    });
    await expect(send({ threadId: topic.message_thread_id })).rejects.toThrow(/is closed.*TOPIC_CLOSED/);
    // The owner (and administrators with can_manage_topics) still write in closed topics.
    await send({ threadId: topic.message_thread_id }, OWNER);
    await ctx.client.addSupergroupMember({
      chatId: forum.id,
      user: OPERATOR,
      status: "administrator",
      canManageTopics: true,
    });
    await send({ threadId: topic.message_thread_id });
  });

  it("people create, close and reopen topics; the bot gets the service messages", async () => {
    await ctx.client.addSupergroupMember({
      chatId: forum.id,
      user: OPERATOR,
      status: "administrator",
      canManageTopics: true,
    });
    const topic = await ctx.client.createForumTopic({
      chatId: forum.id,
      from: OPERATOR,
      name: "Walk-in",
      iconColor: 9367192,
    });
    expect(topic).toEqual({
      message_thread_id: topic.message_thread_id,
      name: "Walk-in",
      icon_color: 9367192,
    });
    await ctx.client.closeForumTopic({ chatId: forum.id, from: OPERATOR, threadId: topic.message_thread_id });
    await expect(
      ctx.client.closeForumTopic({ chatId: forum.id, from: OPERATOR, threadId: topic.message_thread_id }),
    ).rejects.toThrow(/already closed/);
    await ctx.client.reopenForumTopic({
      chatId: forum.id,
      from: OPERATOR,
      threadId: topic.message_thread_id,
    });
    await ctx.client.addSupergroupMember({ chatId: forum.id, user: BOB });
    await expect(
      ctx.client.closeForumTopic({ chatId: forum.id, from: BOB, threadId: topic.message_thread_id }),
    ).rejects.toThrow(/may not close or reopen/);
    await expect(ctx.client.createForumTopic({ chatId: forum.id, from: BOB, name: "Mine" })).rejects.toThrow(
      /may not create topics/,
    );
    const updates = await ok<TgUpdate[]>(ctx.sandbox, "getUpdates");
    expect(
      updates.map((u) =>
        Object.keys(u.message ?? {}).find((k) => k.startsWith("forum_topic") || k === "new_chat_members"),
      ),
    ).toEqual(["forum_topic_created", "forum_topic_closed", "forum_topic_reopened", "new_chat_members"]);
    expect(updates[0]?.message).toMatchObject({
      from: { id: OPERATOR.id },
      message_thread_id: topic.message_thread_id,
    });
    // The bot, an administrator with can_manage_topics, may rename a topic it did not create.
    expect(
      await ok(ctx.sandbox, "editForumTopic", {
        chat_id: forum.id,
        message_thread_id: topic.message_thread_id,
        name: "Walk-in 2",
      }),
    ).toBe(true);
  });

  it("a button pressed in a topic sends a callback_query with the topic message", async () => {
    const topic = await createTopic("Ann");
    const sent = await ok<TgMessage>(ctx.sandbox, "sendMessage", {
      chat_id: forum.id,
      message_thread_id: topic.message_thread_id,
      text: "Take it?",
      reply_markup: { inline_keyboard: [[{ text: "Take", callback_data: "take" }]] },
    });
    await drainUpdates(ctx.sandbox);
    await expect(
      ctx.client.pressInlineButton({
        token: TOKEN,
        from: BOB,
        messageId: sent.message_id,
        callbackData: "take",
        chatId: forum.id,
      }),
    ).rejects.toThrow(/not a member/);
    await ctx.client.pressInlineButton({
      token: TOKEN,
      from: OPERATOR,
      messageId: sent.message_id,
      callbackData: "take",
      chatId: forum.id,
    });
    const [update] = await ok<TgUpdate[]>(ctx.sandbox, "getUpdates");
    expect(update?.callback_query).toMatchObject({
      from: { id: OPERATOR.id },
      data: "take",
      message: {
        message_id: sent.message_id,
        message_thread_id: topic.message_thread_id,
        is_topic_message: true,
      },
    });
  });

  it("waitForBotMessages waits for the bot's messages in one topic", async () => {
    const ann = await createTopic("Ann");
    const bob = await createTopic("Bob");
    setTimeout(() => {
      void ok(ctx.sandbox, "sendMessage", {
        chat_id: forum.id,
        message_thread_id: bob.message_thread_id,
        text: "to Bob",
      });
      void ok(ctx.sandbox, "sendMessage", {
        chat_id: forum.id,
        message_thread_id: ann.message_thread_id,
        text: "to Ann",
      });
    }, 30);
    const messages = await ctx.client.waitForBotMessages({
      token: TOKEN,
      chatId: forum.id,
      threadId: ann.message_thread_id,
      count: 1,
    });
    expect(messages.map((m) => m.text)).toEqual(["to Ann"]);
    const error = await ctx.client
      .waitForBotMessages({
        token: TOKEN,
        chatId: forum.id,
        threadId: ann.message_thread_id,
        count: 2,
        timeoutMs: 100,
      })
      .catch((e: unknown) => e as Error);
    expect((error as Error).message).toContain(`in chat ${forum.id} topic ${ann.message_thread_id}`);
    expect((error as Error).message).toContain("[forum_topic_created]");
  });
});
