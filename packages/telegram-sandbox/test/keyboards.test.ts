// Keyboard validation that Telegram does and a lax mock would not: button links (TDLib's
// check_link), KeyboardButton fields, and request buttons outside private chats.

import { beforeEach, describe, expect, it } from "vitest";
import { ALICE, callApi, ok, TOKEN, useSandbox } from "./helpers";

const ctx = useSandbox();
const GROUP = -100;

function send(replyMarkup: unknown, chatId = ALICE.id) {
  return callApi(ctx.sandbox, "sendMessage", { chat_id: chatId, text: "x", reply_markup: replyMarkup });
}

const urlButton = (url: string) => ({ inline_keyboard: [[{ text: "Open", url }]] });
const replyKeyboard = (...buttons: unknown[]) => ({ keyboard: [buttons] });

beforeEach(async () => {
  await ctx.client.reset();
  await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "hi" });
  await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "hi group", chatId: GROUP });
});

describe("inline URL buttons", () => {
  it("refuses hosts without a dot, as TDLib's check_link does", async () => {
    for (const url of ["http://localhost:3000/x", "https://intranet/path", "localhost"]) {
      expect((await send(urlButton(url))).body).toEqual({
        ok: false,
        error_code: 400,
        description: `Bad Request: inline keyboard button URL '${url}' is invalid: Wrong HTTP URL`,
      });
    }
  });

  it("accepts bare domains, http(s), IP addresses and tg:// links", async () => {
    for (const url of [
      "example.com",
      "example.com/path?q=1",
      "http://example.com",
      "https://shop.example.com:8443/a",
      "http://127.0.0.1:3000/x",
      "tg://resolve?domain=durov",
    ]) {
      const answer = await send(urlButton(url));
      expect(answer.body.ok, url).toBe(true);
    }
  });

  it("refuses other schemes and malformed tg:// links", async () => {
    expect((await send(urlButton("ftp://example.com"))).body.description).toBe(
      "Bad Request: inline keyboard button URL 'ftp://example.com' is invalid: Unsupported URL protocol",
    );
    expect((await send(urlButton("tg://bad host"))).body.description).toBe(
      "Bad Request: inline keyboard button URL 'tg://bad host' is invalid: Unallowed characters in URL host",
    );
  });

  it("treats an empty callback_data or url as no action", async () => {
    for (const button of [
      { text: "a", callback_data: "" },
      { text: "a", url: "" },
    ]) {
      expect((await send({ inline_keyboard: [[button]] })).body.description).toBe(
        "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
      );
    }
  });

  it("checks field types like the Bot API's JSON parser", async () => {
    expect((await send({ inline_keyboard: [[{ text: "a", url: true }]] })).body.description).toBe(
      'Bad Request: can\'t parse inline keyboard button: Field "url" must be of type String',
    );
    expect((await send({ inline_keyboard: [[{ url: "example.com" }]] })).body.description).toBe(
      "Bad Request: can't parse inline keyboard button: Can't find field \"text\"",
    );
    expect(
      (await send({ inline_keyboard: [[{ text: "a", login_url: "https://x.io" }]] })).body.description,
    ).toBe('Bad Request: can\'t parse inline keyboard button: Field "login_url" must be of type Object');
  });

  it("web_app buttons need HTTPS", async () => {
    const answer = await send({
      inline_keyboard: [[{ text: "App", web_app: { url: "http://app.example.com" } }]],
    });
    expect(answer.body.description).toBe(
      "Bad Request: inline keyboard button Web App URL 'http://app.example.com' is invalid: Only HTTPS links are allowed",
    );
  });
});

describe("reply keyboard buttons", () => {
  it("requires text and typed request fields", async () => {
    expect((await send(replyKeyboard({ request_contact: true }))).body.description).toBe(
      "Bad Request: can't parse keyboard button: Can't find field \"text\"",
    );
    expect((await send(replyKeyboard({ text: "Phone", request_contact: "true" }))).body.description).toBe(
      'Bad Request: can\'t parse keyboard button: Field "request_contact" must be of type Boolean',
    );
    expect((await send(replyKeyboard(42))).body.description).toBe(
      "Bad Request: can't parse keyboard button: KeyboardButton must be a String or an Object",
    );
    expect((await send(replyKeyboard({ text: "Who", request_users: {} }))).body.description).toBe(
      "Bad Request: can't parse keyboard button: Can't find field \"request_id\"",
    );
    expect((await send({ keyboard: ["Yes", "No"] })).body.description).toBe(
      'Bad Request: field "keyboard" must be an Array of Arrays',
    );
  });

  it("refuses a button with two request types (Telegram would silently keep one)", async () => {
    const answer = await send(replyKeyboard({ text: "Both", request_contact: true, request_location: true }));
    expect(answer.status).toBe(400);
    expect(answer.body.description).toMatch(
      /^Bad Request: can't parse keyboard button: a KeyboardButton can use only one of .*got request_contact, request_location/,
    );
    // false flags do not count
    const fine = await send(replyKeyboard({ text: "Loc", request_contact: false, request_location: true }));
    expect(fine.body.ok).toBe(true);
  });

  it("allows request buttons in private chats only, with TDLib's texts", async () => {
    const cases: Array<[unknown, string]> = [
      [{ text: "Phone", request_contact: true }, "phone number can be requested in private chats only"],
      [{ text: "Where", request_location: true }, "location can be requested in private chats only"],
      [{ text: "Poll", request_poll: {} }, "poll can be requested in private chats only"],
      [
        { text: "App", web_app: { url: "https://app.example.com" } },
        "web App buttons can be used in private chats only",
      ],
      [{ text: "Who", request_users: { request_id: 1 } }, "users can be requested in private chats only"],
      [
        { text: "Chat", request_chat: { request_id: 2, chat_is_channel: false } },
        "chats can be requested in private chats only",
      ],
    ];
    for (const [button, description] of cases) {
      expect((await send(replyKeyboard(button), GROUP)).body).toEqual({
        ok: false,
        error_code: 400,
        description: `Bad Request: ${description}`,
      });
      expect((await send(replyKeyboard(button))).body.ok).toBe(true);
    }
    // Plain text keyboards are fine in groups.
    await ok(ctx.sandbox, "sendMessage", { chat_id: GROUP, text: "x", reply_markup: replyKeyboard("Yes") });
  });

  it("reply keyboard Web App buttons need HTTPS", async () => {
    const answer = await send(replyKeyboard({ text: "App", web_app: { url: "http://app.example.com" } }));
    expect(answer.body.description).toBe(
      "Bad Request: keyboard button Web App URL 'http://app.example.com' is invalid: Only HTTPS links are allowed",
    );
  });

  it("answers TDLib's texts for a non-object reply_markup", async () => {
    expect((await send([1, 2])).body.description).toBe("Bad Request: object expected as reply markup");
  });
});
