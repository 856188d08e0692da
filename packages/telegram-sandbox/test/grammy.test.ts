// A real grammY bot, long polling against the sandbox via apiRoot.

import { Bot, GrammyError, InlineKeyboard, InputFile, Keyboard } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALICE, BOB, TOKEN, useSandbox } from "./helpers";

const ctx = useSandbox();
let bot: Bot;
let running: Promise<void>;
const errors: unknown[] = [];
// 1x1 PNG header (the sandbox only needs the IHDR chunk to read the size).
const PNG_1x1 = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

beforeAll(async () => {
  bot = new Bot(TOKEN, { client: { apiRoot: ctx.sandbox.url } });
  bot.command("start", (c) =>
    c.reply(`Welcome, <b>${c.from?.first_name}</b>!`, {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text("Continue", "continue"),
    }),
  );
  bot.callbackQuery("continue", async (c) => {
    await c.answerCallbackQuery({ text: "Continuing" });
    await c.editMessageText("Continued ✅");
  });
  bot.command("phone", (c) =>
    c.reply("Share your phone", { reply_markup: new Keyboard().requestContact("Share").oneTime() }),
  );
  bot.on("message:contact", (c) =>
    c.reply(`Got ${c.message.contact.phone_number}`, { reply_markup: { remove_keyboard: true } }),
  );
  bot.command("overflow", async (c) => {
    try {
      await c.reply("x".repeat(4097));
    } catch (error) {
      await c.reply(error instanceof GrammyError ? `failed: ${error.description}` : "failed");
    }
  });
  bot.command("photo", (c) =>
    c.replyWithPhoto(new InputFile(new Uint8Array(PNG_1x1), "dot.png"), {
      caption: "A *dot*",
      parse_mode: "Markdown",
    }),
  );
  bot.catch((error) => errors.push(error));
  await new Promise<void>((resolve, reject) => {
    running = bot.start({ onStart: () => resolve(), timeout: 10 });
    running.catch(reject);
  });
});

afterAll(async () => {
  await bot.stop();
  await running;
});

describe("grammY bot via long polling", () => {
  it("/start -> inline keyboard; pressing it -> answerCallbackQuery + edit", async () => {
    const { message_id } = await ctx.client.start({ token: TOKEN, from: ALICE });
    const [welcome] = await ctx.client.waitForBotMessages({
      token: TOKEN,
      chatId: ALICE.id,
      count: 1,
      afterMessageId: message_id,
    });
    expect(welcome?.text).toBe("Welcome, Alice!");
    expect(welcome?.entities).toEqual([{ type: "bold", offset: 9, length: 5 }]);
    expect(welcome?.reply_markup).toEqual({
      inline_keyboard: [[{ text: "Continue", callback_data: "continue" }]],
    });

    const press = await ctx.client.pressInlineButton({
      token: TOKEN,
      from: ALICE,
      messageId: welcome?.message_id ?? 0,
      callbackData: "continue",
    });
    const answer = await ctx.client.getCallbackAnswer({
      token: TOKEN,
      callbackQueryId: press.callback_query_id,
      waitMs: 3000,
    });
    expect(answer).toEqual({ answered: true, text: "Continuing" });
    const messages = await ctx.client.waitForChat({
      token: TOKEN,
      chatId: ALICE.id,
      until: (all) => all.some((m) => m.message_id === welcome?.message_id && m.edited),
    });
    const edited = messages.find((m) => m.message_id === welcome?.message_id);
    expect(edited).toMatchObject({ text: "Continued ✅", edited: true });
    expect(edited?.reply_markup).toBeUndefined();
  });

  it("reply keyboard with request_contact -> shareContact", async () => {
    const { message_id } = await ctx.client.sendText({ token: TOKEN, from: BOB, text: "/phone" });
    await ctx.client.waitForBotMessages({
      token: TOKEN,
      chatId: BOB.id,
      count: 1,
      afterMessageId: message_id,
    });
    const shared = await ctx.client.shareContact({ token: TOKEN, from: BOB, phoneNumber: "+4915100000" });
    const [reply] = await ctx.client.waitForBotMessages({
      token: TOKEN,
      chatId: BOB.id,
      count: 1,
      afterMessageId: shared.message_id,
    });
    expect(reply?.text).toBe("Got +4915100000");
    expect((await ctx.client.getChatState({ token: TOKEN, chatId: BOB.id })).reply_keyboard).toBeNull();
  });

  it("surfaces Telegram errors as GrammyError", async () => {
    const { message_id } = await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "/overflow" });
    const [reply] = await ctx.client.waitForBotMessages({
      token: TOKEN,
      chatId: ALICE.id,
      count: 1,
      afterMessageId: message_id,
    });
    expect(reply?.text).toBe("failed: Bad Request: message is too long");
    expect(errors).toEqual([]);
  });

  it("uploads a photo with InputFile (multipart, attach://)", async () => {
    const { message_id } = await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "/photo" });
    const [photo] = await ctx.client.waitForBotMessages({
      token: TOKEN,
      chatId: ALICE.id,
      count: 1,
      afterMessageId: message_id,
    });
    expect(photo?.caption).toBe("A dot");
    expect(photo?.caption_entities).toEqual([{ type: "bold", offset: 2, length: 3 }]);
    expect(photo?.photo?.[0]).toMatchObject({ width: 1, height: 1, file_size: PNG_1x1.length });
    const file = await bot.api.getFile(photo?.photo?.[0]?.file_id ?? "");
    const download = await fetch(`${ctx.sandbox.url}/file/bot${TOKEN}/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG_1x1)).toBe(true);
  });

  it("waits retry_after after a 429 on getUpdates before polling again", async () => {
    await ctx.client.failNext({ token: TOKEN, method: "getUpdates", retryAfter: 1 });
    // The pending long poll returns with this update; the bot's next getUpdates gets the 429.
    const { message_id } = await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "/start" });
    await ctx.client.waitForBotMessages({
      token: TOKEN,
      chatId: ALICE.id,
      count: 1,
      afterMessageId: message_id,
    });
    const deadline = Date.now() + 3000;
    let calls = await ctx.client.getCalls({ token: TOKEN, method: "getUpdates" });
    const failedIndex = () => calls.findIndex((c) => c.error_code === 429);
    while ((failedIndex() < 0 || calls.length <= failedIndex() + 1) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      calls = await ctx.client.getCalls({ token: TOKEN, method: "getUpdates" });
    }
    const failed = calls[failedIndex()];
    const retry = calls[failedIndex() + 1];
    expect(failed?.description).toBe("Too Many Requests: retry after 1");
    expect((retry?.at ?? 0) - (failed?.at ?? 0)).toBeGreaterThanOrEqual(1000);
  });
});
