import { bots, decryptSecret, encryptSecret } from "@switchboard/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedPort, createWorld, expectTrpcError, type Member, secretKey, type World } from "./helpers";

let w: World;
let owner: Member;

beforeAll(async () => {
  w = await createWorld("sandbox");
  owner = await w.member("owner");
});

afterAll(async () => {
  await w?.close();
});

const ann = { id: 777_001, first_name: "Ann", username: "ann" };

describe("sandbox.status", () => {
  it("is reachable when the sandbox runs", async () => {
    expect(await owner.api.sandbox.status()).toEqual({ url: w.sandbox.url, reachable: true });
  });

  it("is unreachable without a sandbox URL", async () => {
    const none = await w.member("owner", undefined, { ...w.env, sandboxUrl: null });
    expect(await none.api.sandbox.status()).toEqual({ url: null, reachable: false });
  });

  it("is unreachable when nothing listens at the URL", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const closed = await w.member("owner", undefined, { ...w.env, sandboxUrl: url });
    expect(await closed.api.sandbox.status()).toEqual({ url, reachable: false });
  });
});

describe("sandbox.createBot", () => {
  it("makes a bot in the sandbox and connects it to the workspace", async () => {
    const bot = await owner.api.sandbox.createBot({ username: "demo_shop_bot" });
    expect(bot).toMatchObject({
      username: "demo_shop_bot",
      firstName: "demo_shop",
      status: "active",
      enabled: true,
    });
    expect((await owner.api.bots.list()).map((b) => b.id)).toContain(bot.id);
    const [row] = await w.db.select().from(bots).where(eq(bots.id, bot.id));
    const token = decryptSecret(row!.tokenEncrypted, secretKey);
    expect(JSON.stringify(bot)).not.toContain(token.split(":")[1]);
    // The stored token is the one the sandbox knows.
    expect((await w.telegram.listBots()).map((b) => b.username)).toContain("demo_shop_bot");
    expect(await w.telegram.getMessages({ token, chatId: ann.id })).toEqual([]);
  });

  it("refuses a username that isn't a bot's", async () => {
    await expectTrpcError(owner.api.sandbox.createBot({ username: "shop" }), "BAD_REQUEST", /ends in 'bot'/);
    await expectTrpcError(owner.api.sandbox.createBot({ username: "1shop_bot" }), "BAD_REQUEST");
  });

  it("needs a sandbox", async () => {
    const none = await w.member("owner", undefined, { ...w.env, sandboxUrl: null });
    await expectTrpcError(
      none.api.sandbox.createBot({ username: "nowhere_bot" }),
      "PRECONDITION_FAILED",
      /SANDBOX_URL/,
    );
    expect(await none.api.bots.list()).toEqual([]);
  });
});

describe("sandbox.send and sandbox.messages", () => {
  let botId: string;

  beforeAll(async () => {
    botId = (await owner.api.sandbox.createBot({ username: "chat_test_bot" })).id;
  });

  it("a text sent as a user reaches the sandbox chat", async () => {
    const sent = await owner.api.sandbox.send({
      botId,
      user: ann,
      action: { type: "text", text: "Hello <b>bot</b> 🤖" },
    });
    expect(sent).toMatchObject({ message_id: expect.any(Number) });
    const chat = await owner.api.sandbox.messages({ botId, chatId: ann.id });
    expect(chat).toEqual([
      expect.objectContaining({
        message_id: (sent as { message_id: number }).message_id,
        from_bot: false,
        text: "Hello <b>bot</b> 🤖",
        chat_id: ann.id,
      }),
    ]);
  });

  it("/start with a payload, and afterMessageId pages", async () => {
    const before = await owner.api.sandbox.messages({ botId, chatId: ann.id });
    const last = before.at(-1)!.message_id;
    await owner.api.sandbox.send({ botId, user: ann, action: { type: "start", payload: "ad42" } });
    await owner.api.sandbox.send({ botId, user: ann, action: { type: "contact", phone: "+15550123" } });
    const newer = await owner.api.sandbox.messages({ botId, chatId: ann.id, afterMessageId: last });
    expect(newer.map((m) => m.text ?? m.contact?.phone_number)).toEqual(["/start ad42", "+15550123"]);
  });

  it("passes bot messages through as the sandbox sent them, keyboard fields the schema doesn't name included", async () => {
    const [row] = await w.db.select().from(bots).where(eq(bots.id, botId));
    const token = decryptSecret(row!.tokenEncrypted, secretKey);
    const send = (body: object) =>
      fetch(`${w.sandbox.url}/bot${token}/sendMessage`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ chat_id: ann.id, ...body }),
      });
    await send({
      text: "Pick one",
      reply_markup: {
        inline_keyboard: [
          [
            { text: "A", callback_data: "a" },
            { text: "Docs", url: "https://e.x" },
          ],
        ],
      },
    });
    await send({
      text: "Your phone?",
      reply_markup: {
        keyboard: [[{ text: "Share", request_contact: true }], ["Skip"]],
        one_time_keyboard: true,
        resize_keyboard: true, // not in the output schema: must pass through anyway
      },
    });
    const viaApi = await owner.api.sandbox.messages({ botId, chatId: ann.id });
    expect(viaApi.filter((m) => m.from_bot)).toHaveLength(2);
    expect(viaApi).toEqual(await w.telegram.getMessages({ token, chatId: ann.id }));
  });

  it("taps the share-my-number button (the user's own contact) and presses a login button (a signed URL)", async () => {
    const [row] = await w.db.select().from(bots).where(eq(bots.id, botId));
    const token = decryptSecret(row!.tokenEncrypted, secretKey);
    const send = (body: object) =>
      fetch(`${w.sandbox.url}/bot${token}/sendMessage`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ chat_id: ann.id, ...body }),
      }).then((r) => r.json() as Promise<{ result: { message_id: number } }>);
    await send({
      text: "Your phone?",
      reply_markup: { keyboard: [[{ text: "Share", request_contact: true }]], one_time_keyboard: true },
    });
    const tapped = await owner.api.sandbox.send({
      botId,
      user: ann,
      action: { type: "contact_button", phone: "+1 555 010 0100" },
    });
    const [shared] = (await owner.api.sandbox.messages({ botId, chatId: ann.id })).filter(
      (m) => m.message_id === (tapped as { message_id: number }).message_id,
    );
    expect(shared?.contact).toMatchObject({ phone_number: "+1 555 010 0100", user_id: ann.id });

    await w.telegram.setBotDomain({ token, domain: "admin.example.com" });
    const login = await send({
      text: "Log in",
      reply_markup: {
        inline_keyboard: [[{ text: "Log in", login_url: { url: "https://admin.example.com/x?t=1" } }]],
      },
    });
    const pressed = await owner.api.sandbox.send({
      botId,
      user: ann,
      action: { type: "login", messageId: login.result.message_id, row: 0, column: 0 },
    });
    const url = new URL((pressed as { url: string }).url);
    expect(url.origin + url.pathname).toBe("https://admin.example.com/x");
    expect(url.searchParams.get("t")).toBe("1");
    expect(url.searchParams.get("id")).toBe(String(ann.id));
    expect(url.searchParams.get("hash")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("the share-my-number button can't be tapped when no keyboard offers it", async () => {
    const other = { id: ann.id + 7, first_name: "Noboard" };
    await expectTrpcError(
      owner.api.sandbox.send({ botId, user: other, action: { type: "contact_button", phone: "+15550100" } }),
      "BAD_REQUEST",
    );
  });

  it("pressing a button that no bot message has is a BAD_REQUEST", async () => {
    await expectTrpcError(
      owner.api.sandbox.send({
        botId,
        user: ann,
        action: { type: "press", messageId: 999_999, callbackData: "x" },
      }),
      "BAD_REQUEST",
    );
  });

  it("validates the action", async () => {
    await expectTrpcError(
      owner.api.sandbox.send({ botId, user: ann, action: { type: "text", text: "" } }),
      "BAD_REQUEST",
    );
    await expectTrpcError(
      owner.api.sandbox.send({ botId, user: { ...ann, id: -1 }, action: { type: "text", text: "x" } }),
      "BAD_REQUEST",
    );
  });

  it("works only for the workspace's own bots", async () => {
    const other = await w.member("owner");
    await expectTrpcError(
      other.api.sandbox.send({ botId, user: ann, action: { type: "text", text: "intruder" } }),
      "NOT_FOUND",
    );
    await expectTrpcError(other.api.sandbox.messages({ botId, chatId: ann.id }), "NOT_FOUND");
    const texts = (await owner.api.sandbox.messages({ botId, chatId: ann.id })).map((m) => m.text);
    expect(texts).not.toContain("intruder");
  });

  it("an operator may chat in the sandbox", async () => {
    const operator = await w.member("operator", owner.workspaceId);
    const bob = { id: 777_002, first_name: "Bob" };
    await operator.api.sandbox.send({ botId, user: bob, action: { type: "text", text: "from operator" } });
    expect((await operator.api.sandbox.messages({ botId, chatId: bob.id })).map((m) => m.text)).toEqual([
      "from operator",
    ]);
  });

  it("without a sandbox, send says so", async () => {
    const none = await w.member("owner", owner.workspaceId, { ...w.env, sandboxUrl: null });
    await expectTrpcError(
      none.api.sandbox.send({ botId, user: ann, action: { type: "text", text: "x" } }),
      "PRECONDITION_FAILED",
    );
  });
});

describe("sandbox errors never quote a bot token", () => {
  it("a bot the sandbox forgot (a restart) gets our sentence, not the sandbox's text with the token", async () => {
    const bot = await owner.api.sandbox.createBot({ username: "forgotten_bot" });
    const unknown = `7999999999:${"Z".repeat(35)}`;
    await w.db
      .update(bots)
      .set({ tokenEncrypted: encryptSecret(unknown, secretKey) })
      .where(eq(bots.id, bot.id));
    const send = owner.api.sandbox.send({ botId: bot.id, user: ann, action: { type: "text", text: "hi" } });
    const error = (await send.catch((e: unknown) => e)) as Error;
    expect(error.message).not.toContain("Z".repeat(30));
    await expectTrpcError(
      owner.api.sandbox.send({ botId: bot.id, user: ann, action: { type: "text", text: "hi" } }),
      "PRECONDITION_FAILED",
      /doesn't know this bot/,
    );
    const read = (await owner.api.sandbox
      .messages({ botId: bot.id, chatId: ann.id })
      .catch((e: unknown) => e)) as Error;
    expect(read.message).toMatch(/doesn't know this bot/);
    expect(read.message).not.toContain("Z".repeat(30));
  });
});

describe("sandbox usernames are unique across workspaces", () => {
  it("another workspace can't take a username already in use", async () => {
    await owner.api.sandbox.createBot({ username: "unique_shop_bot" });
    const other = await w.member("owner");
    await expectTrpcError(
      other.api.sandbox.createBot({ username: "Unique_Shop_Bot" }),
      "CONFLICT",
      /@Unique_Shop_Bot is taken/,
    );
    expect(await other.api.bots.list()).toEqual([]);
    expect(
      (await w.telegram.listBots()).filter((b) => b.username.toLowerCase() === "unique_shop_bot"),
    ).toHaveLength(1);
  });
});
