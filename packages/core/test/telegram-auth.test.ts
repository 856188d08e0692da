import { computeLoginHash, type LoginFields } from "@switchboard/telegram-sandbox/login-widget";
import { describe, expect, it } from "vitest";
import { canBeButtonUrl } from "../src/logins/links";
import { verifyTelegramLogin } from "../src/logins/telegram-auth";
import { makeToken } from "./fixtures";

const TOKEN = makeToken();
const NOW = new Date("2026-06-01T12:00:00Z");
const nowSeconds = Math.floor(NOW.getTime() / 1000);

const USER: LoginFields = {
  id: 123456789,
  first_name: "Ann",
  last_name: "Lee",
  username: "ann_lee",
  photo_url: "https://t.me/i/userpic/320/ann.jpg",
  auth_date: nowSeconds - 60,
};

/** The query Telegram appends to a login_url, signed by the sandbox's independent implementation. */
function signedQuery(fields: LoginFields = USER, token = TOKEN, extra: Record<string, string> = {}) {
  const query = new URLSearchParams(extra);
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) query.set(k, String(v));
  query.set("hash", computeLoginHash(fields, token));
  return query;
}

const verify = (query: URLSearchParams, options: { maxAgeSeconds?: number } = {}) =>
  verifyTelegramLogin(query, TOKEN, { now: NOW, ...options });

describe("verifyTelegramLogin", () => {
  it("accepts data signed for the bot's token and returns the user", () => {
    expect(verify(signedQuery())).toEqual({
      id: 123456789,
      firstName: "Ann",
      username: "ann_lee",
      authDate: new Date((nowSeconds - 60) * 1000),
    });
  });

  it("accepts the minimal field set (no last name, username or photo)", () => {
    const fields = { id: 5, first_name: "Bo", auth_date: nowSeconds };
    expect(verify(signedQuery(fields))).toEqual({
      id: 5,
      firstName: "Bo",
      username: null,
      authDate: new Date(nowSeconds * 1000),
    });
  });

  it("accepts values that need URL encoding (spaces, unicode)", () => {
    const fields = { ...USER, first_name: "Анна Мария", last_name: "O'Neil & Co" };
    const query = new URLSearchParams(signedQuery(fields).toString()); // through a real query string
    expect(verify(query)?.firstName).toBe("Анна Мария");
  });

  it("ignores our own `t` parameter (and other unsigned parameters) on the URL", () => {
    const query = signedQuery(USER, TOKEN, { t: "one-time-token_abc", utm: "x" });
    expect(verify(query)?.id).toBe(123456789);
  });

  it.each<[string, (q: URLSearchParams) => void]>([
    ["a changed id", (q) => q.set("id", "123456780")],
    ["a changed first name", (q) => q.set("first_name", "Eve")],
    ["a removed username", (q) => q.delete("username")],
    ["an added last name", (q) => q.set("last_name", "Other")],
    ["a later auth_date", (q) => q.set("auth_date", String(nowSeconds))],
    ["a missing hash", (q) => q.delete("hash")],
    ["an empty hash", (q) => q.set("hash", "")],
    ["a hash that isn't hex", (q) => q.set("hash", "z".repeat(64))],
    ["a short hash", (q) => q.set("hash", q.get("hash")!.slice(0, 62))],
    ["a long hash", (q) => q.set("hash", `${q.get("hash")}00`)],
    ["a hash of zeros", (q) => q.set("hash", "0".repeat(64))],
  ])("rejects %s", (_, tamper) => {
    const query = signedQuery();
    tamper(query);
    expect(verify(query)).toBeNull();
  });

  it("rejects data signed with another bot's token", () => {
    expect(verify(signedQuery(USER, makeToken()))).toBeNull();
  });

  it("rejects an auth_date older than maxAge; accepts it exactly at maxAge", () => {
    const at = (age: number) => signedQuery({ ...USER, auth_date: nowSeconds - age });
    expect(verify(at(86_400))?.id).toBe(123456789); // the default: one day
    expect(verify(at(86_401))).toBeNull();
    expect(verify(at(300), { maxAgeSeconds: 300 })?.id).toBe(123456789);
    expect(verify(at(301), { maxAgeSeconds: 300 })).toBeNull();
  });

  it("rejects signed data without a usable auth_date or id", () => {
    expect(verify(signedQuery({ id: 1, first_name: "A" }))).toBeNull();
    expect(verify(signedQuery({ id: 1, first_name: "A", auth_date: "soon" }))).toBeNull();
    expect(verify(signedQuery({ id: "1.5", first_name: "A", auth_date: nowSeconds }))).toBeNull();
  });
});

describe("canBeButtonUrl", () => {
  it.each<[string, boolean]>([
    ["http://localhost:3000/telegram-login/abc", false],
    ["http://localhost/x", false],
    ["http://admin:8080/x", false],
    ["http://intranet/x", false],
    ["http://127.0.0.1:3000/x", true],
    ["http://10.0.0.5/x", true],
    ["https://admin.example.com/telegram-login/abc", true],
    ["http://admin.switchboard.test", true],
    ["https://sub.domain.example.co.uk:8443/a?b=c", true],
    ["not a url", false],
    ["", false],
    ["/telegram-login/abc", false],
    ["admin.example.com/path", false],
    ["mailto:someone@example.com", false],
  ])("%j → %s", (url, ok) => {
    expect(canBeButtonUrl(url)).toBe(ok);
  });
});
