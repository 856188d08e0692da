import { computeLoginHash } from "@switchboard/telegram-sandbox/login-widget";
import { describe, expect, it } from "vitest";
import { decideTelegramLogin, loginPagePath, loginTokenOf } from "./telegram-login";

const BOT_TOKEN = "1000000001:test-token-of-the-bot";
const now = new Date("2026-03-01T12:00:00Z");
const authDate = Math.floor(now.getTime() / 1000) - 30;

/** What Telegram appends to the login_url, signed with `token`. */
function signed(
  fields: Record<string, string | number>,
  token = BOT_TOKEN,
  extra: Record<string, string> = {},
) {
  const hash = computeLoginHash(fields, token);
  const params = new URLSearchParams({ t: "link-token", ...extra });
  for (const [k, v] of Object.entries(fields)) params.set(k, String(v));
  params.set("hash", hash);
  return params;
}

const owner = { botId: "b1", telegramUserId: 4242 };
const user = { id: 4242, first_name: "Ann", username: "ann", auth_date: authDate };

describe("decideTelegramLogin", () => {
  it("lets the link's own Telegram user through to the page", () => {
    expect(decideTelegramLogin({ owner, botToken: BOT_TOKEN, params: signed(user), now })).toBe("verified");
  });

  it("doesn't know a link that doesn't exist", () => {
    expect(decideTelegramLogin({ owner: null, botToken: null, params: signed(user), now })).toBe("unknown");
  });

  it("refuses data signed with another bot's token", () => {
    const params = signed(user, "999:another-bot");
    expect(decideTelegramLogin({ owner, botToken: BOT_TOKEN, params, now })).toBe("refuse");
  });

  it("refuses data that was changed after signing", () => {
    const params = signed(user);
    params.set("id", "777");
    expect(decideTelegramLogin({ owner, botToken: BOT_TOKEN, params, now })).toBe("refuse");
  });

  it("refuses another Telegram user's valid data", () => {
    const params = signed({ ...user, id: 777 });
    expect(decideTelegramLogin({ owner, botToken: BOT_TOKEN, params, now })).toBe("refuse");
  });

  it("refuses missing or stale data", () => {
    expect(decideTelegramLogin({ owner, botToken: BOT_TOKEN, params: new URLSearchParams("t=x"), now })).toBe(
      "refuse",
    );
    const old = signed({ ...user, auth_date: authDate - 2 * 86_400 });
    expect(decideTelegramLogin({ owner, botToken: BOT_TOKEN, params: old, now })).toBe("refuse");
  });

  it("refuses when the bot is gone or the contact has no Telegram id", () => {
    expect(decideTelegramLogin({ owner, botToken: null, params: signed(user), now })).toBe("refuse");
    const noId = { ...owner, telegramUserId: null };
    expect(decideTelegramLogin({ owner: noId, botToken: BOT_TOKEN, params: signed(user), now })).toBe(
      "refuse",
    );
  });

  it("ignores our own query parameters when checking the signature", () => {
    const params = signed(user, BOT_TOKEN, { utm: "x" });
    expect(decideTelegramLogin({ owner, botToken: BOT_TOKEN, params, now })).toBe("verified");
  });
});

describe("loginTokenOf / loginPagePath", () => {
  it("reads a token-shaped t", () => {
    expect(loginTokenOf(new URLSearchParams("t=abc_DEF-123"))).toBe("abc_DEF-123");
    expect(loginTokenOf(new URLSearchParams("t=../etc"))).toBeNull();
    expect(loginTokenOf(new URLSearchParams(""))).toBeNull();
  });

  it("builds the page's path", () => {
    expect(loginPagePath("abc")).toBe("/telegram-login/abc");
  });
});
