// The control API as tests use it through SandboxClient: user actions, waits, registration, reset.

import { beforeEach, describe, expect, it } from "vitest";
import { SandboxError } from "../src/index";
import { ALICE, drainUpdates, ok, TOKEN, useSandbox } from "./helpers";

const ctx = useSandbox();

interface Update {
  update_id: number;
  message?: { message_id: number; text?: string; contact?: unknown; from?: { id: number } };
  callback_query?: { id: string; data?: string; chat_instance: string; message?: { message_id: number } };
}

const replyKeyboard = {
  keyboard: [["Yes", "No"], [{ text: "Share phone", request_contact: true }]],
  one_time_keyboard: true,
};

beforeEach(async () => {
  await drainUpdates(ctx.sandbox);
  await ctx.client.reset();
});

describe("bots", () => {
  it("registers bots idempotently and validates tokens", async () => {
    const token = `777:${"c".repeat(32)}`;
    const first = await ctx.client.registerBot({ token, username: "@new_bot", firstName: "New" });
    expect(first).toEqual({ id: 777, username: "new_bot", firstName: "New", token });
    expect(await ctx.client.registerBot({ token, username: "new_bot" })).toEqual(first);
    expect((await ctx.client.listBots()).map((b) => b.username)).toContain("new_bot");
    expect(await ok(ctx.sandbox, "getMe", {}, token)).toMatchObject({ id: 777, username: "new_bot" });
    await expect(ctx.client.registerBot({ token: "123:short", username: "x_bot" })).rejects.toThrow(
      /invalid bot token/,
    );
  });

  it("answers an unknown token as Telegram does (401 Unauthorized), never quoting it", async () => {
    const token = `424242:${"u".repeat(35)}`;
    const error = await ctx.client.sendText({ token, from: ALICE, text: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxError);
    expect((error as SandboxError).status).toBe(401);
    expect((error as SandboxError).message).toMatch(/Unauthorized/);
    expect((error as SandboxError).message).not.toContain(token.split(":")[1]);
  });

  it("does not quote a malformed token back", async () => {
    const token = `123:${"s".repeat(10)}`;
    const error = await ctx.client.registerBot({ token, username: "x_bot" }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/invalid bot token/);
    expect((error as Error).message).not.toContain(token);
  });

  it("refuses a username another bot has (usernames are unique on Telegram)", async () => {
    await ctx.client.registerBot({ token: `881:${"a".repeat(32)}`, username: "taken_bot" });
    const error = await ctx.client
      .registerBot({ token: `882:${"b".repeat(32)}`, username: "@Taken_Bot" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxError);
    expect((error as SandboxError).status).toBe(409);
    expect((error as SandboxError).message).toMatch(/@taken_bot is already taken/);
    // The same bot with a revoked-and-renewed token (same id) keeps its name.
    await ctx.client.registerBot({ token: `881:${"r".repeat(32)}`, username: "taken_bot" });
  });
});

describe("user actions", () => {
  it("presses an inline button: callback_query update with the current message", async () => {
    await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "menu" });
    const sent = await ok<{ message_id: number }>(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: "Pick",
      reply_markup: {
        inline_keyboard: [
          [
            { text: "A", callback_data: "pick:a" },
            { text: "Site", url: "example.com" },
          ],
        ],
      },
    });
    await drainUpdates(ctx.sandbox);
    const pressed = await ctx.client.pressInlineButton({
      token: TOKEN,
      from: ALICE,
      messageId: sent.message_id,
      callbackData: "pick:a",
    });
    const [update] = await ok<Update[]>(ctx.sandbox, "getUpdates");
    expect(update?.update_id).toBe(pressed.update_id);
    expect(update?.callback_query).toMatchObject({
      id: pressed.callback_query_id,
      data: "pick:a",
      message: { message_id: sent.message_id },
    });
    expect(update?.callback_query?.chat_instance).toMatch(/^-?\d+$/);
  });

  it("refuses presses on unknown messages, user messages and missing callback_data", async () => {
    const { message_id: userMessage } = await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "x" });
    const sent = await ok<{ message_id: number }>(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: "Pick",
      reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] },
    });
    const press = (messageId: number, callbackData: string) =>
      ctx.client.pressInlineButton({ token: TOKEN, from: ALICE, messageId, callbackData });
    await expect(press(999, "a")).rejects.toThrow(/message 999 not found/);
    await expect(press(userMessage, "a")).rejects.toThrow(/sent by the user/);
    await expect(press(sent.message_id, "b")).rejects.toThrow(
      /no inline button with callback_data "b" \(has: "a"\)/,
    );
  });

  it("taps reply keyboard buttons only while they are shown", async () => {
    await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "hi" });
    const tap = (text: string) => ctx.client.tapReplyButton({ token: TOKEN, from: ALICE, text });
    await expect(tap("Yes")).rejects.toThrow(/no reply keyboard is shown/);
    await ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "Sure?", reply_markup: replyKeyboard });
    expect((await ctx.client.getChatState({ token: TOKEN, chatId: ALICE.id })).reply_keyboard).toEqual(
      replyKeyboard,
    );
    await expect(tap("Maybe")).rejects.toThrow(/"Maybe" is not a button of the current reply keyboard/);
    await expect(tap("Share phone")).rejects.toThrow(/use tapContactButton/);
    const tapped = await tap("Yes");
    expect(tapped.message_id).toBeGreaterThan(0);
    await ok(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: "Where?",
      reply_markup: { keyboard: [[{ text: "Here", request_location: true }]] },
    });
    await expect(tap("Here")).rejects.toThrow(
      /"Here" is a request_location button; the sandbox cannot tap it/,
    );
    await ok(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: "ok",
      reply_markup: { remove_keyboard: true },
    });
    await expect(tap("No")).rejects.toThrow(/no reply keyboard is shown/);
  });

  it("shares a contact", async () => {
    await ctx.client.shareContact({ token: TOKEN, from: ALICE, phoneNumber: "+15550100" });
    const [update] = await ok<Update[]>(ctx.sandbox, "getUpdates");
    expect(update?.message?.contact).toEqual({
      phone_number: "+15550100",
      first_name: "Alice",
      user_id: ALICE.id,
    });
  });

  it("taps the request_contact button: the user's own card with user_id = from.id", async () => {
    const carol = { id: 503, first_name: "Carol", last_name: "Jones" };
    const tapContact = () =>
      ctx.client.tapContactButton({ token: TOKEN, from: carol, phoneNumber: "+15550123" });
    await expect(tapContact()).rejects.toThrow(/chat 503 does not exist yet/);
    await ctx.client.sendText({ token: TOKEN, from: carol, text: "hi" });
    await expect(tapContact()).rejects.toThrow(/no reply keyboard is shown in chat 503/);
    await ok(ctx.sandbox, "sendMessage", {
      chat_id: carol.id,
      text: "Pick",
      reply_markup: { keyboard: [["Yes"]] },
    });
    await expect(tapContact()).rejects.toThrow(/has no request_contact button \(buttons: "Yes"\)/);
    await ok(ctx.sandbox, "sendMessage", { chat_id: carol.id, text: "Phone?", reply_markup: replyKeyboard });
    await drainUpdates(ctx.sandbox);
    const sent = await tapContact();
    const [update] = await ok<Update[]>(ctx.sandbox, "getUpdates");
    expect(update?.update_id).toBe(sent.update_id);
    expect(update?.message).toMatchObject({
      message_id: sent.message_id,
      from: { id: carol.id, is_bot: false },
      contact: { phone_number: "+15550123", first_name: "Carol", last_name: "Jones", user_id: carol.id },
    });
    expect(update?.message?.text).toBeUndefined();
  });

  it("sends someone else's contact card (other user_id, or none)", async () => {
    await ctx.client.sendContact({
      token: TOKEN,
      from: ALICE,
      contact: { phone_number: "+15550999", first_name: "Mallory", user_id: 999 },
    });
    await ctx.client.sendContact({
      token: TOKEN,
      from: ALICE,
      contact: { phone_number: "+15550998", first_name: "Not", last_name: "OnTelegram" },
    });
    const updates = await ok<Update[]>(ctx.sandbox, "getUpdates");
    expect(updates.map((u) => u.message?.contact)).toEqual([
      { phone_number: "+15550999", first_name: "Mallory", user_id: 999 },
      { phone_number: "+15550998", first_name: "Not", last_name: "OnTelegram" },
    ]);
    const [listed] = await ctx.client.getMessages({ token: TOKEN, chatId: ALICE.id });
    expect(listed).toMatchObject({ from_bot: false, contact: { user_id: 999 } });
    await expect(
      ctx.client.sendContact({ token: TOKEN, from: ALICE, contact: { phone_number: "+1" } as never }),
    ).rejects.toThrow(/"first_name" must be a non-empty string/);
  });

  it("detects bot commands, mentions and URLs in typed text", async () => {
    await ctx.client.sendText({
      token: TOKEN,
      from: ALICE,
      text: "/help@test_bot see https://x.io/a @someone",
    });
    const [message] = await ctx.client.getMessages({ token: TOKEN, chatId: ALICE.id });
    expect(message?.entities?.map((e) => e.type)).toEqual(["bot_command", "url", "mention"]);
  });

  it("start unblocks a bot the user blocked (Telegram's Restart button)", async () => {
    await ctx.client.blockBot({ token: TOKEN, from: ALICE });
    await expect(ctx.client.blockBot({ token: TOKEN, from: ALICE })).rejects.toThrow(/already blocked/);
    await ctx.client.start({ token: TOKEN, from: ALICE });
    expect((await ctx.client.getChatState({ token: TOKEN, chatId: ALICE.id })).blocked).toBe(false);
  });

  it("supports group chats with negative ids and rejects other users' private chats", async () => {
    await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "in group", chatId: -100 });
    const sent = await ok<{ chat: { type: string; title: string } }>(ctx.sandbox, "sendMessage", {
      chat_id: -100,
      text: "hello group",
    });
    expect(sent.chat).toMatchObject({ type: "group", title: "Sandbox group 100" });
    await expect(
      ctx.client.sendText({ token: TOKEN, from: ALICE, text: "x", chatId: 12345 }),
    ).rejects.toThrow(/another user's private chat/);
  });
});

describe("waiting for the bot", () => {
  it("getMessages with waitMs returns as soon as the bot answers", async () => {
    const { message_id } = await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "ping" });
    setTimeout(() => void ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "pong" }), 50);
    const started = Date.now();
    const messages = await ctx.client.getMessages({
      token: TOKEN,
      chatId: ALICE.id,
      afterMessageId: message_id,
      waitMs: 5000,
    });
    expect(messages.map((m) => [m.from_bot, m.text])).toEqual([[true, "pong"]]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("waitForBotMessages waits for a count and explains a timeout", async () => {
    const { message_id } = await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "two please" });
    setTimeout(() => void ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "first" }), 20);
    setTimeout(() => void ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "second" }), 60);
    const replies = await ctx.client.waitForBotMessages({
      token: TOKEN,
      chatId: ALICE.id,
      count: 2,
      afterMessageId: message_id,
    });
    expect(replies.map((m) => m.text)).toEqual(["first", "second"]);

    const error = await ctx.client
      .waitForBotMessages({
        token: TOKEN,
        chatId: ALICE.id,
        count: 3,
        afterMessageId: message_id,
        timeoutMs: 150,
      })
      .catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain("waiting for 3 bot message(s) in chat 501");
    expect((error as Error).message).toContain('#3 bot : "second"');
  });

  it("reset clears chats but keeps bots", async () => {
    await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "x" });
    await ctx.client.reset();
    expect(await ctx.client.getMessages({ token: TOKEN, chatId: ALICE.id })).toEqual([]);
    expect(await ok(ctx.sandbox, "getUpdates")).toEqual([]);
    expect(await ok(ctx.sandbox, "getMe")).toMatchObject({ username: "test_bot" });
    const gone = await fetch(`${ctx.sandbox.url}/bot${TOKEN}/sendMessage?chat_id=${ALICE.id}&text=x`);
    expect(gone.status).toBe(400); // the chat is gone
  });
});
