import { type Sandbox, SandboxClient, startSandbox } from "@switchboard/telegram-sandbox";
import { Telegram, TelegramError } from "telegraf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { carriesUpload, withJsonTransport } from "../src/telegram/json-transport";
import { makeToken, makeUser } from "./harness";

let sandbox: Sandbox;
let client: SandboxClient;
const token = makeToken();
const user = makeUser("Jo");

beforeAll(async () => {
  sandbox = await startSandbox({ bots: [{ token, username: "json_transport_bot" }] });
  client = new SandboxClient(sandbox.url);
  await client.sendText({ token, from: user, text: "hello" });
});
afterAll(async () => {
  await sandbox?.close();
});

const telegramOn = (apiRoot: string) =>
  withJsonTransport(new Telegram(token, { apiRoot, webhookReply: false }));

/** The error a call rejects with. */
async function failureOf(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (err) {
    return err;
  }
  throw new Error("the call succeeded");
}

describe("withJsonTransport (Bot API calls with JSON parameters over undici)", () => {
  it("answers with the call's result, and getUpdates confirms by offset", async () => {
    const telegram = telegramOn(sandbox.url);
    expect(telegram.callApi).not.toBe(Telegram.prototype.callApi);
    const me = await telegram.getMe();
    expect(me.username).toBe("json_transport_bot");
    const updates = (await telegram.callApi("getUpdates", { offset: 0, timeout: 0 })) as {
      update_id: number;
      message?: { text?: string };
    }[];
    expect(updates.map((u) => u.message?.text)).toEqual(["hello"]);
    const last = updates.at(-1)?.update_id ?? 0;
    expect(await telegram.callApi("getUpdates", { offset: last + 1, timeout: 0 })).toEqual([]);
  });

  it("sends JSON the way Telegraf does: a null field is left out", async () => {
    const telegram = telegramOn(sandbox.url);
    const sent = await telegram.callApi("sendMessage", {
      chat_id: user.id,
      text: "hi there",
      parse_mode: null as never,
      reply_markup: { inline_keyboard: [[{ text: "Site", url: "https://example.com" }]] },
    });
    expect(sent.text).toBe("hi there");
    const calls = await client.getCalls({ token, method: "sendMessage" });
    const params = calls.at(-1)?.params as Record<string, unknown>;
    expect(params).not.toHaveProperty("parse_mode");
    expect(params.reply_markup).toEqual({
      inline_keyboard: [[{ text: "Site", url: "https://example.com" }]],
    });
  });

  it("rejects with Telegram's answer as a TelegramError (code, description, retry_after)", async () => {
    const telegram = telegramOn(sandbox.url);
    const missing = await failureOf(telegram.sendMessage(999_999_999, "nobody"));
    expect(missing).toBeInstanceOf(TelegramError);
    expect((missing as TelegramError).code).toBe(400);
    expect((missing as TelegramError).description).toMatch(/chat not found/);

    await client.failNext({ token, method: "sendMessage", errorCode: 429, retryAfter: 7 });
    const limited = (await failureOf(telegram.sendMessage(user.id, "again"))) as TelegramError;
    expect(limited).toBeInstanceOf(TelegramError);
    expect(limited.code).toBe(429);
    expect(limited.parameters?.retry_after).toBe(7);
    expect(limited.on).toMatchObject({ method: "sendMessage" });
  });

  it("turns a server error (5xx) into a TelegramError with its status", async () => {
    const telegram = telegramOn(sandbox.url);
    await client.failNext({ token, method: "sendMessage", errorCode: 502 });
    const failed = (await failureOf(telegram.sendMessage(user.id, "later"))) as TelegramError;
    expect(failed).toBeInstanceOf(TelegramError);
    expect(failed.code).toBe(502);
  });

  it("fails a call to an unreachable server without quoting the token", async () => {
    const closed = await startSandbox();
    const url = closed.url;
    await closed.close();
    const failed = (await failureOf(telegramOn(url).getMe())) as Error;
    expect(failed).toBeInstanceOf(Error);
    expect(failed).not.toBeInstanceOf(TelegramError);
    expect(String(failed.message)).not.toContain(token.split(":")[1]);
  });

  it("leaves uploads to Telegraf's multipart client", async () => {
    const telegram = telegramOn(sandbox.url);
    const png = Buffer.from(
      "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
      "hex",
    );
    const sent = await telegram.sendPhoto(user.id, { source: png, filename: "dot.png" }, { caption: "dot" });
    expect(sent.photo?.length).toBeGreaterThan(0);
    expect(sent.caption).toBe("dot");
  });

  it("leaves a client that answers webhooks inline to Telegraf", async () => {
    const telegram = new Telegram(token, { apiRoot: sandbox.url });
    const own = telegram.callApi;
    expect(withJsonTransport(telegram).callApi).toBe(own);
  });
});

describe("carriesUpload (Telegraf's test for a multipart call)", () => {
  it("sees a file to upload in a field or in a media group's item", () => {
    expect(carriesUpload({ chat_id: 1, photo: { source: Buffer.from("x") } })).toBe(true);
    expect(carriesUpload({ chat_id: 1, document: { url: "https://example.com/a.pdf" } })).toBe(true);
    expect(carriesUpload({ media: { type: "photo", media: { source: "/tmp/a.jpg" } } })).toBe(true);
    expect(
      carriesUpload({
        media: [
          { type: "photo", media: "file-id" },
          { type: "photo", media: { url: "u" } },
        ],
      }),
    ).toBe(true);
  });

  it("sends everything else as JSON: file ids, link previews, keyboards with links", () => {
    expect(carriesUpload({ chat_id: 1, text: "hi" })).toBe(false);
    expect(carriesUpload({ chat_id: 1, photo: "AgACAgIAAxkBAAI" })).toBe(false);
    expect(
      carriesUpload({ chat_id: 1, text: "x", link_preview_options: { url: "https://example.com" } }),
    ).toBe(false);
    expect(
      carriesUpload({ reply_markup: { inline_keyboard: [[{ text: "a", url: "https://example.com" }]] } }),
    ).toBe(false);
    expect(carriesUpload({ media: [{ type: "photo", media: "file-id" }], caption: null })).toBe(false);
  });
});
