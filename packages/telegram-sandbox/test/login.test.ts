// login_url buttons: the bot's linked domain (BotFather /setdomain), BOT_DOMAIN_INVALID, HTTPS
// only, pressing the button, and the Login Widget hash helpers.

import { beforeEach, describe, expect, it } from "vitest";
import {
  computeLoginHash,
  loginDataCheckString,
  loginRedirectUrl,
  verifyLoginData,
} from "../src/login-widget";
import { ALICE, callApi, OTHER_TOKEN, ok, TOKEN, useSandbox } from "./helpers";

const ctx = useSandbox();

const loginKeyboard = (loginUrl: Record<string, unknown>) => ({
  inline_keyboard: [[{ text: "Menu", callback_data: "menu" }], [{ text: "Log in", login_url: loginUrl }]],
});

function sendLogin(loginUrl: Record<string, unknown>, token = TOKEN) {
  return callApi<{ message_id: number }>(
    ctx.sandbox,
    "sendMessage",
    { chat_id: ALICE.id, text: "Please log in", reply_markup: loginKeyboard(loginUrl) },
    { token },
  );
}

beforeEach(async () => {
  await ctx.client.reset();
  await ctx.client.setBotDomain({ token: TOKEN, domain: null });
  await ctx.client.setBotDomain({ token: OTHER_TOKEN, domain: null });
  await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "hi" });
});

describe("login widget helpers", () => {
  // Computed outside this code base with:
  //   KEY=$(printf '%s' "$TOKEN" | openssl dgst -sha256 -binary | xxd -p -c 256)
  //   printf 'auth_date=1700000000\nfirst_name=Alice\nid=501\nlast_name=Liddell\nusername=alice' |
  //     openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEY
  const fields = {
    id: 501,
    first_name: "Alice",
    last_name: "Liddell",
    username: "alice",
    auth_date: 1700000000,
  };
  const expected = "fa0348343dab91e8cc364403b0d971e614a27db9dd1d898d730f5b86760fa851";

  it("builds the data-check-string: fields but hash, sorted, key=value per line", () => {
    expect(loginDataCheckString({ ...fields, hash: "ignored", photo_url: undefined })).toBe(
      "auth_date=1700000000\nfirst_name=Alice\nid=501\nlast_name=Liddell\nusername=alice",
    );
  });

  it("computes the documented hash (fixed vector)", () => {
    expect(computeLoginHash(fields, TOKEN)).toBe(expected);
    // Strings (as read back from a query string) give the same hash.
    expect(computeLoginHash({ ...fields, id: "501", auth_date: "1700000000" }, TOKEN)).toBe(expected);
  });

  it("matches an independent Web Crypto computation", async () => {
    const subtle = globalThis.crypto.subtle;
    const secret = await subtle.digest("SHA-256", new TextEncoder().encode(TOKEN));
    const key = await subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    const text = "auth_date=1700000000\nfirst_name=Alice\nid=501\nlast_name=Liddell\nusername=alice";
    const mac = Buffer.from(await subtle.sign("HMAC", key, new TextEncoder().encode(text))).toString("hex");
    expect(mac).toBe(expected);
  });

  it("verifies hashes, refusing tampered data, other tokens and (optionally) old data", () => {
    const signed = { ...fields, hash: expected };
    expect(verifyLoginData(signed, TOKEN)).toBe(true);
    expect(verifyLoginData({ ...signed, hash: expected.toUpperCase() }, TOKEN)).toBe(true);
    expect(verifyLoginData({ ...signed, id: 502 }, TOKEN)).toBe(false);
    expect(verifyLoginData(signed, OTHER_TOKEN)).toBe(false);
    expect(verifyLoginData({ ...signed, hash: "nothex" }, TOKEN)).toBe(false);
    expect(verifyLoginData(fields, TOKEN)).toBe(false);
    expect(verifyLoginData(signed, TOKEN, { maxAgeSeconds: 86400, nowSeconds: 1700000000 + 60 })).toBe(true);
    expect(verifyLoginData(signed, TOKEN, { maxAgeSeconds: 86400, nowSeconds: 1700000000 + 86401 })).toBe(
      false,
    );
  });

  it("appends the fields to the URL's query, keeping its #fragment", () => {
    const data = { id: 1, first_name: "Zoë B", auth_date: 2, hash: "h" };
    expect(loginRedirectUrl("https://a.example.com/login", data)).toBe(
      "https://a.example.com/login?id=1&first_name=Zo%C3%AB%20B&auth_date=2&hash=h",
    );
    expect(loginRedirectUrl("https://a.example.com/login?next=%2Fcart#top", data)).toBe(
      "https://a.example.com/login?next=%2Fcart&id=1&first_name=Zo%C3%AB%20B&auth_date=2&hash=h#top",
    );
  });
});

describe("sending login_url buttons", () => {
  it("answers BOT_DOMAIN_INVALID until the bot has that domain linked", async () => {
    const url = "https://shop.example.com/login";
    const refused = { ok: false, error_code: 400, description: "Bad Request: BOT_DOMAIN_INVALID" };
    expect((await sendLogin({ url })).body).toEqual(refused);
    expect(await ctx.client.setBotDomain({ token: TOKEN, domain: "Shop.Example.com" })).toEqual({
      domain: "shop.example.com",
    });
    expect((await sendLogin({ url })).body.ok).toBe(true);
    // Only that host: not another domain, not a subdomain of it.
    expect((await sendLogin({ url: "https://other.example.com/login" })).body).toEqual(refused);
    expect((await sendLogin({ url: "https://www.shop.example.com/login" })).body).toEqual(refused);
  });

  it("checks the domain of the bot named by bot_username", async () => {
    await ctx.client.setBotDomain({ token: TOKEN, domain: "shop.example.com" });
    await ctx.client.setBotDomain({ token: OTHER_TOKEN, domain: "auth.example.com" });
    expect(
      (await sendLogin({ url: "https://auth.example.com/cb", bot_username: "@other_bot" })).body.ok,
    ).toBe(true);
    expect(
      (await sendLogin({ url: "https://shop.example.com/cb", bot_username: "other_bot" })).body.description,
    ).toBe("Bad Request: BOT_DOMAIN_INVALID");
    expect(
      (await sendLogin({ url: "https://shop.example.com/cb", bot_username: "nobody_bot" })).body.description,
    ).toBe("Bad Request: BOT_DOMAIN_INVALID");
    expect(
      (await sendLogin({ url: "https://shop.example.com/cb", bot_username: "bad name" })).body.description,
    ).toBe("Bad Request: can't parse inline keyboard button: LoginUrl bot username is invalid");
  });

  it("needs an HTTPS URL whose host has a dot, checked before the domain", async () => {
    await ctx.client.setBotDomain({ token: TOKEN, domain: "shop.example.com" });
    expect((await sendLogin({ url: "http://shop.example.com/login" })).body.description).toBe(
      "Bad Request: inline keyboard button login URL 'http://shop.example.com/login' is invalid: Only HTTPS links are allowed",
    );
    expect((await sendLogin({ url: "https://localhost:3000/login" })).body.description).toBe(
      "Bad Request: inline keyboard button login URL 'https://localhost:3000/login' is invalid: Wrong HTTP URL",
    );
    expect((await sendLogin({ url: "http://localhost:3000/login" })).body.description).toBe(
      "Bad Request: inline keyboard button login URL 'http://localhost:3000/login' is invalid: Only HTTPS links are allowed",
    );
    expect((await sendLogin({ forward_text: "x" })).body.description).toBe(
      "Bad Request: can't parse inline keyboard button: Can't find field \"url\"",
    );
    expect(
      (await sendLogin({ url: "https://shop.example.com/l", request_write_access: "yes" })).body.description,
    ).toBe(
      'Bad Request: can\'t parse inline keyboard button: Field "request_write_access" must be of type Boolean',
    );
  });

  it("checks edits too", async () => {
    const sent = await ok<{ message_id: number }>(ctx.sandbox, "sendMessage", {
      chat_id: ALICE.id,
      text: "x",
      reply_markup: { inline_keyboard: [[{ text: "a", callback_data: "a" }]] },
    });
    const edit = await callApi(ctx.sandbox, "editMessageReplyMarkup", {
      chat_id: ALICE.id,
      message_id: sent.message_id,
      reply_markup: loginKeyboard({ url: "https://shop.example.com/login" }),
    });
    expect(edit.body.description).toBe("Bad Request: BOT_DOMAIN_INVALID");
  });

  it("validates setBotDomain input", async () => {
    for (const domain of [
      "https://shop.example.com",
      "shop.example.com/login",
      "localhost",
      "shop.example.com:443",
    ]) {
      await expect(ctx.client.setBotDomain({ token: TOKEN, domain })).rejects.toThrow(/must be a host name/);
    }
    expect(await ctx.client.setBotDomain({ token: TOKEN, domain: "" })).toEqual({ domain: null });
  });
});

describe("pressing a login button", () => {
  const alice = { ...ALICE, last_name: "Liddell", photo_url: "https://t.me/i/userpic/320/alice.jpg" };

  async function loginMessage(
    loginUrl: Record<string, unknown> = { url: "https://shop.example.com/login?next=cart" },
  ) {
    await ctx.client.setBotDomain({ token: TOKEN, domain: "shop.example.com" });
    const sent = await sendLogin(loginUrl);
    if (!sent.body.result) throw new Error(String(sent.body.description));
    return sent.body.result.message_id;
  }

  it("returns the URL the app opens, with data signed by the bot's token", async () => {
    const messageId = await loginMessage();
    const before = Math.floor(Date.now() / 1000);
    const pressed = await ctx.client.pressLoginButton({
      token: TOKEN,
      from: alice,
      messageId,
      text: "Log in",
    });
    expect(pressed).toMatchObject({
      authorized: true,
      bot_username: "test_bot",
      request_write_access: false,
    });
    const url = new URL(pressed.url);
    expect(url.origin + url.pathname).toBe("https://shop.example.com/login");
    const query = Object.fromEntries(url.searchParams);
    expect(Object.keys(query)).toEqual([
      "next",
      "id",
      "first_name",
      "last_name",
      "username",
      "photo_url",
      "auth_date",
      "hash",
    ]);
    expect(query).toMatchObject({
      next: "cart",
      id: "501",
      first_name: "Alice",
      last_name: "Liddell",
      username: "alice",
      photo_url: alice.photo_url,
    });
    expect(Number(query.auth_date)).toBeGreaterThanOrEqual(before);
    const { next: _next, ...loginFields } = query;
    expect(verifyLoginData(loginFields, TOKEN, { maxAgeSeconds: 60 })).toBe(true);
    expect(verifyLoginData(loginFields, OTHER_TOKEN)).toBe(false);
    expect(pressed.data?.hash).toBe(query.hash);
    // Nothing reaches the bot: the website gets the data.
    const [update] = await ok<Array<{ callback_query?: unknown }>>(ctx.sandbox, "getUpdates", { offset: -1 });
    expect(update?.callback_query).toBeUndefined();
  });

  it("finds the button by row and column, and signs with login_url.bot_username's token", async () => {
    await ctx.client.setBotDomain({ token: OTHER_TOKEN, domain: "auth.example.com" });
    const messageId = await loginMessage({
      url: "https://auth.example.com/cb",
      bot_username: "other_bot",
      request_write_access: true,
    });
    const pressed = await ctx.client.pressLoginButton({
      token: TOKEN,
      from: ALICE,
      messageId,
      row: 1,
      column: 0,
    });
    expect(pressed).toMatchObject({ bot_username: "other_bot", request_write_access: true });
    const query = Object.fromEntries(new URL(pressed.url).searchParams);
    expect(query.last_name).toBeUndefined();
    expect(query.photo_url).toBeUndefined();
    expect(verifyLoginData(query, OTHER_TOKEN)).toBe(true);
  });

  it("declining opens the bare URL", async () => {
    const messageId = await loginMessage();
    const pressed = await ctx.client.pressLoginButton({
      token: TOKEN,
      from: ALICE,
      messageId,
      text: "Log in",
      decline: true,
    });
    expect(pressed).toEqual({
      url: "https://shop.example.com/login?next=cart",
      authorized: false,
      bot_username: "test_bot",
      request_write_access: false,
    });
  });

  it("fails clearly for other buttons, missing buttons and a domain changed since", async () => {
    const messageId = await loginMessage();
    const press = (selector: { text?: string; row?: number; column?: number }) =>
      ctx.client.pressLoginButton({ token: TOKEN, from: ALICE, messageId, ...selector });
    await expect(press({ text: "Menu" })).rejects.toThrow(
      /inline button "Menu" .* is not a login_url button/,
    );
    await expect(press({ row: 5, column: 0 })).rejects.toThrow(
      /no inline button \[5,0\] \(buttons: \[0,0\] "Menu"; \[1,0\] "Log in"\)/,
    );
    await expect(press({})).rejects.toThrow(/give the button's "text"/);
    await ctx.client.setBotDomain({ token: TOKEN, domain: "new.example.com" });
    await expect(press({ text: "Log in" })).rejects.toThrow(
      /not the domain linked to @test_bot \(new.example.com\)/,
    );
  });
});
