// A real Telegraf bot against the sandbox: long polling via launch(), and a webhook server.

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Markup, Telegraf } from "telegraf";
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
