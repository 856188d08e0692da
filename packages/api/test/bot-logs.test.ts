// bots.logs (the bot's log: filters, search, time range, paging) and bots.webhookInfo (Telegram's
// getWebhookInfo asked with the bot's token, here the sandbox's).

import { botLogs } from "@switchboard/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, expectTrpcError, type Member, type World } from "./helpers";

let w: World;
let owner: Member;
let botId: string;
let token: string;

beforeAll(async () => {
  w = await createWorld("bot_logs");
  owner = await w.member("owner");
  const made = await w.sandboxBot();
  token = made.token;
  botId = (await owner.api.bots.connect({ token })).id;
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
  await w.db.insert(botLogs).values([
    {
      botId,
      level: "error",
      method: "sendMessage",
      message: "sendMessage failed: 403 Forbidden: bot was blocked by the user",
      createdAt: at(50),
    },
    {
      botId,
      level: "error",
      method: "update",
      message: "Update 7 could not be read and was set aside: message.text is not a string",
      details: { kind: "set_aside", updateId: 7 },
      createdAt: at(40),
    },
    {
      botId,
      level: "warn",
      method: "getChat",
      message: "Operators' group 5: the bot is not an administrator there.",
      createdAt: at(30),
    },
    {
      botId,
      level: "info",
      method: "getChat",
      message: "Operators' group 6 is ready: 100% of topics",
      createdAt: at(20),
    },
    { botId, level: "error", message: "Telegram rejected the token (401 Unauthorized).", createdAt: at(10) },
  ]);
});
afterAll(async () => {
  await w?.close();
});

const messagesOf = (page: { items: { message: string }[] }) => page.items.map((i) => i.message.slice(0, 20));

describe("bots.logs", () => {
  it("lists newest first with the methods for the filter", async () => {
    const page = await owner.api.bots.logs({ botId });
    expect(page.items).toHaveLength(5);
    expect(page.items[0]!.message).toMatch(/^Telegram rejected/);
    expect(page.methods).toEqual(["getChat", "sendMessage", "update"]);
    expect(page.items[3]).toMatchObject({ method: "update", details: { kind: "set_aside", updateId: 7 } });
  });

  it("filters by level, method, words (LIKE characters are letters) and time range", async () => {
    expect((await owner.api.bots.logs({ botId, level: "warn" })).items).toHaveLength(1);
    expect(messagesOf(await owner.api.bots.logs({ botId, method: "update" }))).toEqual([
      "Update 7 could not b",
    ]);
    expect(messagesOf(await owner.api.bots.logs({ botId, search: "BLOCKED" }))).toEqual([
      "sendMessage failed: ",
    ]);
    expect((await owner.api.bots.logs({ botId, search: "100%" })).items).toHaveLength(1);
    expect((await owner.api.bots.logs({ botId, search: "_" })).items).toHaveLength(0);
    const range = await owner.api.bots.logs({
      botId,
      from: new Date(Date.now() - 45 * 60_000),
      to: new Date(Date.now() - 15 * 60_000),
    });
    expect(range.items.map((i) => i.level)).toEqual(["info", "warn", "error"]);
    await expectTrpcError(
      owner.api.bots.logs({ botId, from: new Date(), to: new Date(Date.now() - 60_000) }),
      "BAD_REQUEST",
      /start of the time range is after its end/,
    );
  });

  it("pages with a cursor, every line once", async () => {
    const first = await owner.api.bots.logs({ botId, limit: 2 });
    const second = await owner.api.bots.logs({ botId, limit: 2, cursor: first.nextCursor! });
    const third = await owner.api.bots.logs({ botId, limit: 2, cursor: second.nextCursor! });
    expect(third.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items, ...third.items].map((i) => i.id);
    expect(new Set(ids).size).toBe(5);
    await expectTrpcError(
      owner.api.bots.logs({ botId, cursor: "nonsense" }),
      "BAD_REQUEST",
      /page of the bot's log/,
    );
  });

  it("is for owners and marketers", async () => {
    const operator = await w.member("operator", owner.workspaceId);
    await expectTrpcError(operator.api.bots.logs({ botId }), "FORBIDDEN");
    await expectTrpcError(operator.api.bots.webhookInfo({ botId }), "FORBIDDEN");
    const marketer = await w.member("marketer", owner.workspaceId);
    expect((await marketer.api.bots.logs({ botId })).items).toHaveLength(5);
  });
});

describe("bots.webhookInfo", () => {
  it("answers what Telegram says: no webhook while polled, then the webhook and its last error", async () => {
    expect(await owner.api.bots.webhookInfo({ botId })).toMatchObject({
      deliveryMode: "polling",
      url: "",
      pendingUpdateCount: 0,
      lastErrorDate: null,
      lastErrorMessage: null,
    });
    // A webhook Telegram can't reach (nothing listens on port 9): it keeps the update and says why.
    const set = await fetch(
      `${w.sandbox.url}/bot${token}/setWebhook?url=${encodeURIComponent("http://127.0.0.1:9/hook")}`,
    );
    expect(set.status).toBe(200);
    await w.telegram.sendText({ token, from: { id: 4242, first_name: "Ann" }, text: "hi" });
    let info = await owner.api.bots.webhookInfo({ botId });
    for (let i = 0; i < 50 && !info.lastErrorMessage; i++) {
      await new Promise((r) => setTimeout(r, 100));
      info = await owner.api.bots.webhookInfo({ botId });
    }
    expect(info).toMatchObject({
      url: "http://127.0.0.1:9/hook",
      pendingUpdateCount: 1,
      lastErrorMessage: expect.stringMatching(/Connection refused|Connection failed/),
      maxConnections: 40,
    });
    expect(info.lastErrorDate).toBeInstanceOf(Date);
  });
});
