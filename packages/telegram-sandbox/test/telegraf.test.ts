// A real Telegraf bot against the sandbox: long polling via launch(), a webhook server, and a
// bot working in a forum supergroup (topics, replies landing in the topic).

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Markup, Telegraf, TelegramError } from "telegraf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALICE, BOB, OTHER_TOKEN, TOKEN, useSandbox } from "./helpers";

const ctx = useSandbox();

function buildBot(token: string, label: string): Telegraf {
  const bot = new Telegraf(token, { telegram: { apiRoot: ctx.sandbox.url } });
  bot.start((c) =>
    c.reply(`Hello from ${label}`, Markup.inlineKeyboard([Markup.button.callback("Tap", "tap")])),
  );
  bot.action("tap", async (c) => {
    await c.answerCbQuery("Tapped");
    await c.editMessageText(`Tapped via ${label}`);
  });
  bot.command("doc", (c) => c.replyWithDocument({ source: Buffer.from("note body"), filename: "note.txt" }));
  bot.on("text", (c) => c.reply(`echo: ${c.message.text}`));
  return bot;
}

/** /start, then press the button, and check the bot answered and edited. */
async function runFlow(token: string, user: typeof ALICE, label: string): Promise<void> {
  const { message_id } = await ctx.client.start({ token, from: user });
  const [hello] = await ctx.client.waitForBotMessages({
    token,
    chatId: user.id,
    count: 1,
    afterMessageId: message_id,
  });
  expect(hello?.text).toBe(`Hello from ${label}`);
  const press = await ctx.client.pressInlineButton({
    token,
    from: user,
    messageId: hello?.message_id ?? 0,
    callbackData: "tap",
  });
  expect(
    await ctx.client.getCallbackAnswer({ token, callbackQueryId: press.callback_query_id, waitMs: 3000 }),
  ).toEqual({
    answered: true,
    text: "Tapped",
  });
  await ctx.client.waitForChat({
    token,
    chatId: user.id,
    until: (all) => all.some((m) => m.text === `Tapped via ${label}` && m.edited),
  });
  const echo = await ctx.client.sendText({ token, from: user, text: "ping" });
  const [reply] = await ctx.client.waitForBotMessages({
    token,
    chatId: user.id,
    count: 1,
    afterMessageId: echo.message_id,
  });
  expect(reply?.text).toBe("echo: ping");
}

describe("Telegraf via long polling (launch)", () => {
  let bot: Telegraf;
  let launched: Promise<void>;

  beforeAll(async () => {
    bot = buildBot(TOKEN, "polling");
    // launch() only settles when polling stops; its onLaunch callback marks readiness.
    await new Promise<void>((resolve, reject) => {
      launched = bot.launch(() => resolve());
      launched.catch(reject);
    });
  });

  afterAll(async () => {
    bot.stop("test done");
    await launched;
  });

  it("answers /start, the inline button and text", async () => {
    await runFlow(TOKEN, ALICE, "polling");
  });

  it("uploads a document from a Buffer (multipart)", async () => {
    const { message_id } = await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "/doc" });
    const [doc] = await ctx.client.waitForBotMessages({
      token: TOKEN,
      chatId: ALICE.id,
      count: 1,
      afterMessageId: message_id,
    });
    expect(doc?.document).toMatchObject({ file_name: "note.txt", mime_type: "text/plain", file_size: 9 });
  });
});

describe("Telegraf via webhook (webhookCallback + secret_token)", () => {
  let bot: Telegraf;
  let server: Server;
  const secret = "telegraf_secret-42";
  const rejected: string[] = [];

  beforeAll(async () => {
    bot = buildBot(OTHER_TOKEN, "webhook");
    const callback = bot.webhookCallback("/telegraf", { secretToken: secret });
    server = createServer((req, res) => {
      void callback(req, res, () => {
        rejected.push(String(req.headers["x-telegram-bot-api-secret-token"]));
        res.statusCode = 403;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegraf`;
    await bot.telegram.setWebhook(url, { secret_token: secret });
  });

  afterAll(async () => {
    await bot.telegram.deleteWebhook();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("answers /start, the inline button (as a webhook reply) and text", async () => {
    await runFlow(OTHER_TOKEN, BOB, "webhook");
    expect(rejected).toEqual([]);
    const [answer] = await ctx.client.getCalls({ token: OTHER_TOKEN, method: "answerCallbackQuery" });
    expect(answer?.via_webhook_reply).toBe(true);
  });
});

describe("Telegraf in a forum supergroup", () => {
  const token = `100003:${"C".repeat(35)}`;
  const owner = { id: 611, first_name: "Olga" };
  const operator = { id: 612, first_name: "Oscar" };
  let bot: Telegraf;
  let launched: Promise<void>;
  let chatId: number;

  beforeAll(async () => {
    await ctx.client.registerBot({ token, username: "forum_bot" });
    chatId = (await ctx.client.createSupergroup({ title: "Support", owner, isForum: true })).id;
    await ctx.client.addBotToSupergroup({
      token,
      chatId,
      status: "administrator",
      rights: { can_manage_topics: true },
    });
    await ctx.client.addSupergroupMember({ chatId, user: operator });
    bot = new Telegraf(token, { telegram: { apiRoot: ctx.sandbox.url } });
    // "/open Ann" in the General topic opens a topic for Ann and greets there.
    bot.command("open", async (c) => {
      const topic = await c.telegram.createForumTopic(c.chat.id, c.payload);
      await c.telegram.sendMessage(c.chat.id, `Topic for ${topic.name}`, {
        message_thread_id: topic.message_thread_id,
      });
    });
    bot.command("close", (c) => c.telegram.closeForumTopic(c.chat.id, c.message.message_thread_id ?? 0));
    // ctx.reply answers in the topic the message came from (Telegraf sets message_thread_id).
    bot.on("text", (c) => c.reply(`echo: ${c.message.text}`));
    await new Promise<void>((resolve, reject) => {
      launched = bot.launch(() => resolve());
      launched.catch(reject);
    });
  });

  afterAll(async () => {
    bot.stop("test done");
    await launched;
  });

  it("creates a topic, sends into it, answers in it and closes it", async () => {
    await ctx.client.sendText({ token, from: operator, text: "/open Ann", chatId });
    await ctx.client.waitForChat({
      token,
      chatId,
      until: (all) => all.some((m) => m.text === "Topic for Ann"),
    });
    const [topic] = (await ctx.client.getSupergroup({ chatId })).topics;
    expect(topic).toMatchObject({ name: "Ann", is_closed: false });
    const threadId = topic?.message_thread_id ?? 0;

    const { message_id } = await ctx.client.sendText({
      token,
      from: operator,
      text: "hello",
      chatId,
      threadId,
    });
    const [echo] = await ctx.client.waitForBotMessages({
      token,
      chatId,
      threadId,
      count: 1,
      afterMessageId: message_id,
    });
    expect(echo).toMatchObject({ text: "echo: hello", message_thread_id: threadId, is_topic_message: true });

    await ctx.client.sendText({ token, from: operator, text: "/close", chatId, threadId });
    await ctx.client.waitForChat({
      token,
      chatId,
      threadId,
      until: (all) => all.some((m) => m.forum_topic_closed),
    });
    expect((await ctx.client.getSupergroup({ chatId })).topics[0]?.is_closed).toBe(true);
  });

  it("surfaces Telegram's errors as TelegramError", async () => {
    const error = await bot.telegram
      .sendMessage(chatId, "nowhere", { message_thread_id: 4242 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TelegramError);
    expect((error as TelegramError).description).toBe("Bad Request: message thread not found");
    const topic = await bot.telegram.createForumTopic(chatId, "Direct", { icon_color: 16478047 });
    expect(topic).toEqual({
      message_thread_id: topic.message_thread_id,
      name: "Direct",
      icon_color: 16478047,
    });
    const sent = await bot.telegram.sendMessage(chatId, "straight in", {
      message_thread_id: topic.message_thread_id,
    });
    expect(sent.message_thread_id).toBe(topic.message_thread_id);
  });
});
