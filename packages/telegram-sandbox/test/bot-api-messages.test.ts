// sendMessage / edit / delete / chat actions / callback answers: results and Telegram's exact errors.

import { beforeEach, describe, expect, it } from "vitest";
import { ALICE, BOB, callApi, OTHER_TOKEN, ok, TOKEN, useSandbox } from "./helpers";

const ctx = useSandbox();
const keyboard = (data: string) => ({ inline_keyboard: [[{ text: "Press", callback_data: data }]] });

interface Msg {
  message_id: number;
  text?: string;
  entities?: Array<{ type: string; offset: number; length: number; url?: string }>;
  reply_markup?: unknown;
  chat: { id: number; type: string };
  from: { id: number; is_bot: boolean };
  reply_to_message?: { message_id: number };
  edit_date?: number;
}

beforeEach(async () => {
  await ctx.client.reset();
  await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "hi" });
});

describe("routing and auth", () => {
  it("answers 401 Unauthorized for an unknown token", async () => {
    const answer = await callApi(ctx.sandbox, "getMe", {}, { token: `999:${"Z".repeat(35)}` });
    expect(answer).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: "Unauthorized" },
    });
  });

  it("answers 404 Not Found for an unknown method", async () => {
    const answer = await callApi(ctx.sandbox, "sendDice");
    expect(answer).toEqual({ status: 404, body: { ok: false, error_code: 404, description: "Not Found" } });
  });

  it("treats method names case-insensitively and reads GET query parameters", async () => {
    const response = await fetch(
      `${ctx.sandbox.url}/bot${TOKEN}/SENDMESSAGE?chat_id=${ALICE.id}&text=via%20query`,
    );
    const body = (await response.json()) as { ok: boolean; result: Msg };
    expect(body.ok).toBe(true);
    expect(body.result.text).toBe("via query");
  });

  it("serves Telegram's test environment path /bot<token>/test/<method>", async () => {
    const response = await fetch(`${ctx.sandbox.url}/bot${TOKEN}/test/getMe`);
    expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
  });

  it("getMe describes the bot", async () => {
    const me = await ok<Record<string, unknown>>(ctx.sandbox, "getMe");
    expect(me).toMatchObject({ id: 100001, is_bot: true, first_name: "Test Bot", username: "test_bot" });
    expect(me.can_join_groups).toBe(true);
  });
});

describe("sendMessage", () => {
  it("returns the Message with ids shared with the user's messages", async () => {
    const sent = await ok<Msg>(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: "hello",
      reply_markup: keyboard("a"),
    });
    expect(sent.message_id).toBe(2); // the user's "hi" was 1
    expect(sent.chat).toMatchObject({ id: ALICE.id, type: "private" });
    expect(sent.from).toMatchObject({ id: 100001, is_bot: true });
    expect(sent.reply_markup).toEqual(keyboard("a"));
    const next = await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "again" });
    expect(next.message_id).toBe(3);
  });

  it("rejects empty and blank text", async () => {
    for (const text of [undefined, "", "   "]) {
      const answer = await callApi(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text });
      expect(answer.status).toBe(400);
      expect(answer.body.description).toBe("Bad Request: message text is empty");
    }
  });

  it("limits text to 4096 UTF-16 code units", async () => {
    await ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "x".repeat(4096) });
    const tooLong = await callApi(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "x".repeat(4097) });
    expect(tooLong.body).toEqual({
      ok: false,
      error_code: 400,
      description: "Bad Request: message is too long",
    });
    // "😀" is 2 UTF-16 code units: 2049 of them are 4098 units.
    const emoji = await callApi(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "😀".repeat(2049) });
    expect(emoji.body.description).toBe("Bad Request: message is too long");
    // The limit applies after parse_mode markup is stripped.
    await ok(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: `<b>${"x".repeat(4096)}</b>`,
      parse_mode: "HTML",
    });
  });

  it("answers chat not found for chats the user never opened and for other bots' chats", async () => {
    const unknown = await callApi(ctx.sandbox, "sendMessage", { chat_id: 123456789, text: "x" });
    expect(unknown).toEqual({
      status: 400,
      body: { ok: false, error_code: 400, description: "Bad Request: chat not found" },
    });
    const otherBot = await callApi(
      ctx.sandbox,
      "sendMessage",
      { chat_id: ALICE.id, text: "x" },
      { token: OTHER_TOKEN },
    );
    expect(otherBot.body.description).toBe("Bad Request: chat not found");
    const username = await callApi(ctx.sandbox, "sendMessage", { chat_id: "@somechannel", text: "x" });
    expect(username.body.description).toBe("Bad Request: chat not found");
  });

  it("validates callback_data as 1-64 bytes of UTF-8", async () => {
    await ok(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: "x",
      reply_markup: keyboard("a".repeat(64)),
    });
    const tooLong = await callApi(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: "x",
      reply_markup: keyboard("a".repeat(65)),
    });
    expect(tooLong.body).toEqual({
      ok: false,
      error_code: 400,
      description: "Bad Request: BUTTON_DATA_INVALID",
    });
    // 33 two-byte characters are 66 bytes even though only 33 characters.
    const multibyte = await callApi(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: "x",
      reply_markup: keyboard("é".repeat(33)),
    });
    expect(multibyte.body.description).toBe("Bad Request: BUTTON_DATA_INVALID");
  });

  it("rejects inline buttons without an action and malformed keyboards", async () => {
    const textOnly = await callApi(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: "x",
      reply_markup: { inline_keyboard: [[{ text: "no action" }]] },
    });
    expect(textOnly.status).toBe(400);
    expect(textOnly.body.description).toBe(
      "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    );
    const notRows = await callApi(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: "x",
      reply_markup: { inline_keyboard: [{ text: "a", callback_data: "a" }] },
    });
    expect(notRows.body.description).toBe(
      'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays',
    );
    const badJson = await callApi(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: "x",
      reply_markup: "{oops",
    });
    expect(badJson.body.description).toBe("Bad Request: can't parse reply keyboard markup JSON object");
  });

  it("accepts reply_markup as a JSON string in a urlencoded body", async () => {
    const body = new URLSearchParams({
      chat_id: String(ALICE.id),
      text: "form",
      reply_markup: JSON.stringify(keyboard("f")),
    });
    const answer = await callApi<Msg>(ctx.sandbox, "sendMessage", {}, { init: { method: "POST", body } });
    expect(answer.body.ok).toBe(true);
    expect(answer.body.result?.reply_markup).toEqual(keyboard("f"));
  });

  it("parses HTML into text + entities and rejects broken tags", async () => {
    const sent = await ok<Msg>(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: '<b>Bold</b> and <a href="https://example.com">link</a> &amp; more',
      parse_mode: "HTML",
    });
    expect(sent.text).toBe("Bold and link & more");
    expect(sent.entities).toEqual([
      { type: "bold", offset: 0, length: 4 },
      { type: "text_link", offset: 9, length: 4, url: "https://example.com" },
    ]);
    const unclosed = await callApi(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: "<b>oops",
      parse_mode: "HTML",
    });
    expect(unclosed.body.description).toBe(
      `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`,
    );
    const unsupported = await callApi(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: "a<br>b",
      parse_mode: "HTML",
    });
    expect(unsupported.body.description).toBe(
      `Bad Request: can't parse entities: Unsupported start tag "br" at byte offset 1`,
    );
  });

  it("takes explicit entities (UTF-16 offsets), returns them sorted, and refuses what Telegram would not apply", async () => {
    const text = "😀 <b>Bob</b> link";
    const sent = await ok<Msg>(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text,
      entities: [
        { type: "text_link", offset: 14, length: 4, url: "https://example.com" },
        { type: "bold", offset: 3, length: 10 },
        { type: "italic", offset: 6, length: 3 },
      ],
    });
    expect(sent.text).toBe(text); // the text is never parsed
    expect(sent.entities).toEqual([
      { type: "bold", offset: 3, length: 10 },
      { type: "italic", offset: 6, length: 3 },
      { type: "text_link", offset: 14, length: 4, url: "https://example.com" },
    ]);
    const refused = async (entities: unknown[]) =>
      (await callApi(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text, entities })).body.description;
    expect(await refused([{ type: "bold", offset: 10, length: 10 }])).toBe(
      "Bad Request: can't parse entities: entity 0 ends at 20, after the text's 18 UTF-16 code units",
    );
    expect(await refused([{ type: "bold", offset: 1, length: 2 }])).toMatch(/cuts a surrogate pair/);
    expect(await refused([{ type: "bold", offset: 0, length: 0 }])).toMatch(/invalid length/);
    expect(await refused([{ type: "shout", offset: 0, length: 1 }])).toMatch(/unsupported type/);
    expect(await refused([{ type: "text_link", offset: 0, length: 2, url: "javascript:x" }])).toMatch(
      /wrong HTTP URL/,
    );
    expect(
      await refused([
        { type: "bold", offset: 3, length: 5 },
        { type: "italic", offset: 6, length: 5 },
      ]),
    ).toMatch(/partially overlap/);
    expect(
      await refused([
        { type: "code", offset: 3, length: 10 },
        { type: "bold", offset: 4, length: 2 },
      ]),
    ).toMatch(/a code entity can't contain a bold entity/);
    expect(
      await refused([
        { type: "text_link", offset: 3, length: 10, url: "https://example.com" },
        { type: "code", offset: 4, length: 2 },
      ]),
    ).toMatch(/a text_link entity can't contain a code entity/);
  });

  it("rejects unescaped MarkdownV2 reserved characters", async () => {
    const answer = await callApi(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: "Hi.",
      parse_mode: "MarkdownV2",
    });
    expect(answer.body.description).toBe(
      "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    );
    const fine = await ok<Msg>(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: "*Hi*\\.",
      parse_mode: "MarkdownV2",
    });
    expect(fine.text).toBe("Hi.");
  });

  it("replies to a message via reply_parameters and rejects unknown targets", async () => {
    const sent = await ok<Msg>(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: "answer",
      reply_parameters: { message_id: 1 },
    });
    expect(sent.reply_to_message?.message_id).toBe(1);
    const missing = await callApi(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: "x",
      reply_parameters: { message_id: 999 },
    });
    expect(missing.body.description).toBe("Bad Request: message to be replied not found");
  });

  it("answers 403 while the user has blocked the bot", async () => {
    await ctx.client.blockBot({ token: TOKEN, from: ALICE });
    const answer = await callApi(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "still there?" });
    expect(answer).toEqual({
      status: 403,
      body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" },
    });
    await ctx.client.unblockBot({ token: TOKEN, from: ALICE });
    await ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "welcome back" });
  });
});

describe("edits and deletion", () => {
  it("edits text and markup, then refuses an identical edit", async () => {
    const sent = await ok<Msg>(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: "v1",
      reply_markup: keyboard("a"),
    });
    const edited = await ok<Msg>(ctx.sandbox, "editMessageText", {
      chat_id: ALICE.id,
      message_id: sent.message_id,
      text: "v2",
      reply_markup: keyboard("b"),
    });
    expect(edited).toMatchObject({ text: "v2", reply_markup: keyboard("b") });
    expect(edited.edit_date).toBeTypeOf("number");
    const same = await callApi(ctx.sandbox, "editMessageText", {
      chat_id: ALICE.id,
      message_id: sent.message_id,
      text: "v2",
      reply_markup: keyboard("b"),
    });
    expect(same.body.description).toBe(
      "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
    const [, message] = await ctx.client.getMessages({ token: TOKEN, chatId: ALICE.id });
    expect(message).toMatchObject({ message_id: sent.message_id, text: "v2", edited: true });
  });

  it("editMessageReplyMarkup removes the keyboard and reports not modified", async () => {
    const sent = await ok<Msg>(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: "x",
      reply_markup: keyboard("a"),
    });
    const removed = await ok<Msg>(ctx.sandbox, "editMessageReplyMarkup", {
      chat_id: ALICE.id,
      message_id: sent.message_id,
    });
    expect(removed.reply_markup).toBeUndefined();
    const again = await callApi(ctx.sandbox, "editMessageReplyMarkup", {
      chat_id: ALICE.id,
      message_id: sent.message_id,
    });
    expect(again.body.description).toMatch(/^Bad Request: message is not modified/);
  });

  it("answers message to edit not found, and refuses to edit user messages", async () => {
    const missing = await callApi(ctx.sandbox, "editMessageText", {
      chat_id: ALICE.id,
      message_id: 999,
      text: "x",
    });
    expect(missing).toEqual({
      status: 400,
      body: { ok: false, error_code: 400, description: "Bad Request: message to edit not found" },
    });
    const userMessage = await callApi(ctx.sandbox, "editMessageText", {
      chat_id: ALICE.id,
      message_id: 1,
      text: "x",
    });
    expect(userMessage.body.description).toBe("Bad Request: message can't be edited");
  });

  it("deletes messages once", async () => {
    const sent = await ok<Msg>(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "bye" });
    expect(await ok(ctx.sandbox, "deleteMessage", { chat_id: ALICE.id, message_id: sent.message_id })).toBe(
      true,
    );
    const again = await callApi(ctx.sandbox, "deleteMessage", {
      chat_id: ALICE.id,
      message_id: sent.message_id,
    });
    expect(again.body.description).toBe("Bad Request: message to delete not found");
    const texts = (await ctx.client.getMessages({ token: TOKEN, chatId: ALICE.id })).map((m) => m.text);
    expect(texts).toEqual(["hi"]);
  });
});

describe("chat actions, commands, callback answers", () => {
  it("validates sendChatAction actions", async () => {
    expect(await ok(ctx.sandbox, "sendChatAction", { chat_id: ALICE.id, action: "typing" })).toBe(true);
    const bad = await callApi(ctx.sandbox, "sendChatAction", { chat_id: ALICE.id, action: "dancing" });
    expect(bad.body.description).toBe("Bad Request: wrong parameter action in request");
    const state = await ctx.client.getChatState({ token: TOKEN, chatId: ALICE.id });
    expect(state.last_chat_action?.action).toBe("typing");
  });

  it("stores commands per scope and language", async () => {
    const commands = [{ command: "start", description: "Start" }];
    await ok(ctx.sandbox, "setMyCommands", { commands });
    await ok(ctx.sandbox, "setMyCommands", {
      commands: [{ command: "hilfe", description: "Hilfe" }],
      language_code: "de",
    });
    expect(await ok(ctx.sandbox, "getMyCommands")).toEqual(commands);
    expect(await ok(ctx.sandbox, "getMyCommands", { language_code: "de" })).toEqual([
      { command: "hilfe", description: "Hilfe" },
    ]);
    const bad = await callApi(ctx.sandbox, "setMyCommands", {
      commands: [{ command: "Bad-Cmd", description: "x" }],
    });
    expect(bad.body.description).toBe("Bad Request: BOT_COMMAND_INVALID");
    await ok(ctx.sandbox, "deleteMyCommands");
    expect(await ok(ctx.sandbox, "getMyCommands")).toEqual([]);
  });

  it("answers a callback query once; unknown, repeated and expired answers fail", async () => {
    const sent = await ok<Msg>(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: "q",
      reply_markup: keyboard("yes"),
    });
    const press = async () =>
      ctx.client.pressInlineButton({
        token: TOKEN,
        from: ALICE,
        messageId: sent.message_id,
        callbackData: "yes",
      });
    const tooOld = "Bad Request: query is too old and response timeout expired or query ID is invalid";

    const first = await press();
    expect(
      await ok(ctx.sandbox, "answerCallbackQuery", {
        callback_query_id: first.callback_query_id,
        text: "Done",
      }),
    ).toBe(true);
    const answer = await ctx.client.getCallbackAnswer({
      token: TOKEN,
      callbackQueryId: first.callback_query_id,
    });
    expect(answer).toEqual({ answered: true, text: "Done" });
    const twice = await callApi(ctx.sandbox, "answerCallbackQuery", {
      callback_query_id: first.callback_query_id,
    });
    expect(twice).toEqual({ status: 400, body: { ok: false, error_code: 400, description: tooOld } });

    const unknown = await callApi(ctx.sandbox, "answerCallbackQuery", { callback_query_id: "12345" });
    expect(unknown.body.description).toBe(tooOld);

    const second = await press();
    const query = ctx.sandbox.state.bots.get(TOKEN)?.callbackQueries.get(second.callback_query_id);
    if (query) query.createdAt -= 10 * 60_000; // age it instead of waiting
    const expired = await callApi(ctx.sandbox, "answerCallbackQuery", {
      callback_query_id: second.callback_query_id,
    });
    expect(expired.body.description).toBe(tooOld);
  });

  it("keeps chats separate per user", async () => {
    await ctx.client.sendText({ token: TOKEN, from: BOB, text: "I am Bob" });
    await ok(ctx.sandbox, "sendMessage", { chat_id: BOB.id, text: "hi Bob" });
    const bob = await ctx.client.getMessages({ token: TOKEN, chatId: BOB.id });
    expect(bob.map((m) => [m.message_id, m.from_bot, m.text])).toEqual([
      [1, false, "I am Bob"],
      [2, true, "hi Bob"],
    ]);
  });
});
