import { defaultBotSettings as defaultSettings } from "@switchboard/core";
import { bots, decryptSecret } from "@switchboard/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotSettingsPatch } from "../src/domains/bots/schemas";
import { mergeBotSettings } from "../src/domains/bots/service";
import {
  closedPort,
  createWorld,
  expectTrpcError,
  type Member,
  makeToken,
  secretKey,
  type World,
} from "./helpers";

const defaultBotSettings = defaultSettings();

let w: World;
let owner: Member;

beforeAll(async () => {
  w = await createWorld("bots");
  owner = await w.member("owner");
});

afterAll(async () => {
  await w?.close();
});

const storedBot = async (id: string) => (await w.db.select().from(bots).where(eq(bots.id, id)))[0]!;

describe("a bot's lastError", () => {
  it("never shows the token, even in a reason stored before the runtime redacted its writes", async () => {
    const { token } = await w.sandboxBot();
    const bot = await owner.api.bots.connect({ token });
    await w.db
      .update(bots)
      .set({ status: "failing", lastError: `request to http://x/bot${token}/getUpdates failed` })
      .where(eq(bots.id, bot.id));
    const listed = (await owner.api.bots.list()).find((b) => b.id === bot.id)!;
    expect(listed.lastError).toBe("request to http://x/bot<bot token>/getUpdates failed");
  });
});

describe("bots.connect", () => {
  it("connects a token the sandbox knows, shows @username and a hint, never the token", async () => {
    const { token, username } = await w.sandboxBot();
    const bot = await owner.api.bots.connect({ token });
    const [id, secret] = token.split(":") as [string, string];
    expect(bot).toMatchObject({
      username,
      firstName: "Test Bot",
      telegramId: Number(id),
      status: "active",
      enabled: true,
      deliveryMode: "polling",
      entryFlowId: null,
      waitForStart: defaultBotSettings.waitForStart,
      settings: defaultBotSettings,
    });
    expect(bot.tokenHint).toBe(`${id}:…${secret.slice(-4)}`);

    const stored = await storedBot(bot.id);
    for (const output of [bot, await owner.api.bots.list()]) {
      const json = JSON.stringify(output);
      expect(json).not.toContain(secret);
      expect(json).not.toContain(stored.tokenEncrypted);
      expect(json).not.toContain(stored.webhookSecret);
      expect(json).not.toMatch(/tokenEncrypted|webhookSecret/);
    }
  });

  it("stores the token encrypted", async () => {
    const { token } = await w.sandboxBot();
    const bot = await owner.api.bots.connect({ token });
    const stored = await storedBot(bot.id);
    expect(stored.tokenEncrypted).not.toBe(token);
    expect(stored.tokenEncrypted).not.toContain(token.split(":")[1]);
    expect(stored.tokenEncrypted).toMatch(/^v1:/);
    expect(decryptSecret(stored.tokenEncrypted, secretKey)).toBe(token);
    expect(stored.workspaceId).toBe(owner.workspaceId);
  });

  it("trims whitespace pasted around the token", async () => {
    const { token, username } = await w.sandboxBot();
    const bot = await owner.api.bots.connect({ token: `  ${token}\n` });
    expect(bot.username).toBe(username);
    expect(decryptSecret((await storedBot(bot.id)).tokenEncrypted, secretKey)).toBe(token);
  });

  it.each([
    ["not a token", "hello world"],
    ["no secret part", "123456789:"],
    ["too short secret", "123456789:abc"],
    ["letters in the id", "abc:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    ["a URL", "https://t.me/some_bot"],
  ])("refuses a malformed token (%s) with a human message", async (_, token) => {
    await expectTrpcError(
      owner.api.bots.connect({ token }),
      "BAD_REQUEST",
      /doesn't look like a bot token.*BotFather/,
    );
  });

  it("refuses an empty token", async () => {
    await expectTrpcError(owner.api.bots.connect({ token: "   " }), "BAD_REQUEST", /Paste the bot token/);
  });

  it("refuses a well-formed token Telegram doesn't know", async () => {
    await expectTrpcError(
      owner.api.bots.connect({ token: makeToken() }),
      "BAD_REQUEST",
      /rejected this token/,
    );
  });

  it("says so when Telegram can't be reached", async () => {
    const port = await closedPort();
    const offline = await w.member("owner", undefined, {
      ...w.env,
      telegramApiRoot: `http://127.0.0.1:${port}`,
    });
    const { token } = await w.sandboxBot();
    await expectTrpcError(offline.api.bots.connect({ token }), "BAD_REQUEST", /Could not reach Telegram/);
    expect(await offline.api.bots.list()).toEqual([]);
  });

  it("refuses a bot that another workspace already connected", async () => {
    const { token, username } = await w.sandboxBot();
    await owner.api.bots.connect({ token });
    const other = await w.member("owner");
    await expectTrpcError(
      other.api.bots.connect({ token }),
      "CONFLICT",
      new RegExp(`@${username}.*another workspace`),
    );
    expect(await other.api.bots.list()).toEqual([]);
    // The first workspace keeps it.
    expect((await owner.api.bots.list()).map((b) => b.username)).toContain(username);
  });

  it("reconnecting in the same workspace keeps the bot's id (also with a new token)", async () => {
    const { token, username } = await w.sandboxBot();
    const first = await owner.api.bots.connect({ token });
    await owner.api.bots.update({ id: first.id, enabled: false });
    const again = await owner.api.bots.connect({ token });
    expect(again.id).toBe(first.id);
    expect(again.enabled).toBe(true);

    // BotFather's "revoke token": same bot id, new secret.
    const renewed = makeToken(first.telegramId);
    await w.telegram.registerBot({ token: renewed, username });
    const third = await owner.api.bots.connect({ token: renewed });
    expect(third.id).toBe(first.id);
    expect(third.tokenHint).toBe(`${first.telegramId}:…${renewed.slice(-4)}`);
    expect(decryptSecret((await storedBot(first.id)).tokenEncrypted, secretKey)).toBe(renewed);
    expect((await owner.api.bots.list()).filter((b) => b.username === username)).toHaveLength(1);
  });
});

describe("bots.update and bots.remove", () => {
  let botId: string;

  beforeAll(async () => {
    const { token } = await w.sandboxBot();
    botId = (await owner.api.bots.connect({ token })).id;
  });

  it("sets the entry flow, and clears it with null", async () => {
    const { id: flowId } = await owner.api.flows.create({ name: "Entry" });
    const updated = await owner.api.bots.update({ id: botId, entryFlowId: flowId });
    expect(updated.entryFlowId).toBe(flowId);
    expect((await owner.api.flows.list()).find((f) => f.id === flowId)!.botIds).toEqual([botId]);
    // Leaving entryFlowId out keeps it.
    expect((await owner.api.bots.update({ id: botId, deliveryMode: "webhook" })).entryFlowId).toBe(flowId);
    expect((await owner.api.bots.update({ id: botId, entryFlowId: null })).entryFlowId).toBeNull();
    expect((await owner.api.flows.list()).find((f) => f.id === flowId)!.botIds).toEqual([]);
  });

  it("refuses an entry flow that doesn't exist", async () => {
    await expectTrpcError(
      owner.api.bots.update({ id: botId, entryFlowId: "00000000-0000-4000-8000-000000000000" }),
      "NOT_FOUND",
      /Flow not found/,
    );
  });

  it("changes delivery mode, wait-for-start and enabled", async () => {
    let bot = await owner.api.bots.update({ id: botId, deliveryMode: "webhook", waitForStart: true });
    expect(bot).toMatchObject({ deliveryMode: "webhook", waitForStart: true });
    expect(bot.settings).toEqual({ ...defaultBotSettings, waitForStart: true });
    bot = await owner.api.bots.update({ id: botId, enabled: false });
    expect(bot).toMatchObject({
      enabled: false,
      status: "disabled",
      deliveryMode: "webhook",
      waitForStart: true,
    });
    bot = await owner.api.bots.update({
      id: botId,
      enabled: true,
      deliveryMode: "polling",
      waitForStart: false,
    });
    expect(bot).toMatchObject({
      enabled: true,
      status: "active",
      deliveryMode: "polling",
      waitForStart: false,
    });
    expect((await owner.api.bots.list()).find((b) => b.id === botId)).toMatchObject({
      enabled: true,
      deliveryMode: "polling",
    });
  });

  it("validates input", async () => {
    await expectTrpcError(owner.api.bots.update({ id: "not-a-uuid" }), "BAD_REQUEST");
    await expectTrpcError(
      owner.api.bots.update({ id: botId, deliveryMode: "carrier-pigeon" as "webhook" }),
      "BAD_REQUEST",
    );
    await expectTrpcError(
      owner.api.bots.update({ id: "00000000-0000-4000-8000-000000000000", enabled: false }),
      "NOT_FOUND",
      /Bot not found/,
    );
  });

  it("removes a bot", async () => {
    await owner.api.bots.remove({ id: botId });
    expect((await owner.api.bots.list()).map((b) => b.id)).not.toContain(botId);
    expect(await w.db.select().from(bots).where(eq(bots.id, botId))).toEqual([]);
    await expectTrpcError(owner.api.bots.remove({ id: botId }), "NOT_FOUND");
  });
});

describe("bots.connect and the operator pool", () => {
  it("the connecting member joins the new bot's pool; a reconnect doesn't put back someone who left", async () => {
    const marketer = await w.member("marketer", owner.workspaceId);
    const { token } = await w.sandboxBot();
    const bot = await marketer.api.bots.connect({ token });
    expect((await owner.api.operators.pool({ botId: bot.id })).map((m) => m.userId)).toEqual([
      marketer.userId,
    ]);
    await marketer.api.operators.leave({ botId: bot.id });
    await marketer.api.bots.connect({ token });
    expect(await owner.api.operators.pool({ botId: bot.id })).toEqual([]);
  });
});

describe("bots.updateSettings", () => {
  let botId: string;

  beforeAll(async () => {
    const { token } = await w.sandboxBot();
    botId = (await owner.api.bots.connect({ token })).id;
  });

  it("merges a deep-partial over the stored settings", async () => {
    const bot = await owner.api.bots.updateSettings({
      id: botId,
      settings: {
        beforeStartText: "Send /start first, please.",
        operator: { maxParallelChats: 2, texts: { completed: "Bye!" } },
      },
    });
    const expected = {
      ...defaultBotSettings,
      beforeStartText: "Send /start first, please.",
      operator: {
        ...defaultBotSettings.operator,
        maxParallelChats: 2,
        texts: { ...defaultBotSettings.operator.texts, completed: "Bye!" },
      },
    };
    expect(bot.settings).toEqual(expected);
    const again = await owner.api.bots.updateSettings({
      id: botId,
      settings: {
        waitForStart: true,
        sendLeadText: false,
        loginDomainLinked: true,
        messagesPerSecond: 250,
        operator: { onlyMyClients: true, showOperatorName: true, maxWaitMinutes: 0, closeAfterMinutes: 60 },
      },
    });
    expect(again.settings).toEqual({
      ...expected,
      messagesPerSecond: 250,
      waitForStart: true,
      sendLeadText: false,
      loginDomainLinked: true,
      operator: {
        ...expected.operator,
        onlyMyClients: true,
        showOperatorName: true,
        maxWaitMinutes: 0,
        closeAfterMinutes: 60,
      },
    });
    expect(again.waitForStart).toBe(true);
    // bots.update's waitForStart is the same setting, and leaves the others alone.
    const viaUpdate = await owner.api.bots.update({ id: botId, waitForStart: false });
    expect(viaUpdate.settings).toEqual({ ...again.settings, waitForStart: false });
    expect((await storedBot(botId)).settings).toEqual(viaUpdate.settings);
  });

  it("refuses values the core's schema doesn't allow, changing nothing", async () => {
    const before = (await owner.api.bots.list()).find((b) => b.id === botId)!.settings;
    await expectTrpcError(
      owner.api.bots.updateSettings({ id: botId, settings: { operator: { maxParallelChats: 0 } } }),
      "BAD_REQUEST",
      /at least 1 parallel chat/,
    );
    await expectTrpcError(
      owner.api.bots.updateSettings({ id: botId, settings: { messagesPerSecond: 1001 } }),
      "BAD_REQUEST",
      /at most 1,000 messages per second/,
    );
    await expectTrpcError(
      owner.api.bots.updateSettings({ id: botId, settings: { messagesPerSecond: 0 } }),
      "BAD_REQUEST",
      /at least 1 message per second/,
    );
    await expectTrpcError(
      owner.api.bots.updateSettings({ id: botId, settings: { operator: { maxWaitMinutes: 10_081 } } }),
      "BAD_REQUEST",
      /10,080 minutes/,
    );
    await expectTrpcError(
      owner.api.bots.updateSettings({ id: botId, settings: { beforeStartText: "x".repeat(4097) } }),
      "BAD_REQUEST",
      /4,096 characters/,
    );
    await expectTrpcError(
      owner.api.bots.updateSettings({
        id: botId,
        settings: { operator: { texts: { connected: "a\u0000b" } } },
      }),
      "BAD_REQUEST",
      /can't be saved/,
    );
    await expectTrpcError(
      owner.api.bots.updateSettings({ id: botId, settings: { color: "red" } as never }),
      "BAD_REQUEST",
    );
    expect((await owner.api.bots.list()).find((b) => b.id === botId)!.settings).toEqual(before);
  });

  it("the operators' forum group: a supergroup id, and never on without one", async () => {
    const { token } = await w.sandboxBot();
    const id = (await owner.api.bots.connect({ token })).id;
    // Absent until set: bots without a group keep the default settings.
    expect((await owner.api.bots.list()).find((b) => b.id === id)!.settings.operatorGroup).toBeUndefined();
    await expectTrpcError(
      owner.api.bots.updateSettings({ id, settings: { operatorGroup: { enabled: true } } }),
      "BAD_REQUEST",
      /group's id before switching it on/,
    );
    await expectTrpcError(
      owner.api.bots.updateSettings({ id, settings: { operatorGroup: { chatId: -123456 } } }),
      "BAD_REQUEST",
      /starts with -100/,
    );
    await expectTrpcError(
      owner.api.bots.updateSettings({ id, settings: { operatorGroup: { chatId: 1.5 } } }),
      "BAD_REQUEST",
      /whole number/,
    );
    const on = await owner.api.bots.updateSettings({
      id,
      settings: { operatorGroup: { chatId: -1001234567890, enabled: true } },
    });
    expect(on.settings.operatorGroup).toEqual({ chatId: -1001234567890, enabled: true });
    // Switching it off keeps the id, so switching back on needs nothing else.
    const off = await owner.api.bots.updateSettings({ id, settings: { operatorGroup: { enabled: false } } });
    expect(off.settings.operatorGroup).toEqual({ chatId: -1001234567890, enabled: false });
    expect((await storedBot(id)).settings).toMatchObject({
      operatorGroup: { chatId: -1001234567890, enabled: false },
    });
  });

  it("reads a broken stored value as its default", async () => {
    await w.db
      .update(bots)
      .set({ settings: { waitForStart: "yes", operator: { maxParallelChats: -3 } } })
      .where(eq(bots.id, botId));
    const bot = (await owner.api.bots.list()).find((b) => b.id === botId)!;
    expect(bot.settings).toEqual(defaultBotSettings);
    expect(bot.waitForStart).toBe(false);
    // An update writes the parsed settings whole.
    await owner.api.bots.updateSettings({ id: botId, settings: { sendLeadText: false } });
    expect((await storedBot(botId)).settings).toEqual({ ...defaultBotSettings, sendLeadText: false });
  });

  it("is NOT_FOUND for an unknown bot and FORBIDDEN for an operator", async () => {
    await expectTrpcError(
      owner.api.bots.updateSettings({ id: "00000000-0000-4000-8000-000000000000", settings: {} }),
      "NOT_FOUND",
      "Bot not found.",
    );
    const operator = await w.member("operator", owner.workspaceId);
    await expectTrpcError(
      operator.api.bots.updateSettings({ id: botId, settings: { waitForStart: true } }),
      "FORBIDDEN",
      "Operators can't change bots or flows.",
    );
  });
});

describe("mergeBotSettings", () => {
  it("refuses a value the core's schema would replace by its default (the input schema's limits drifted)", () => {
    expect(() =>
      mergeBotSettings(defaultBotSettings, { operator: { maxParallelChats: 500 } } as BotSettingsPatch),
    ).toThrow('The bot setting "operator.maxParallelChats" has a value that is not allowed.');
    expect(mergeBotSettings(defaultBotSettings, { waitForStart: undefined })).toEqual(defaultBotSettings);
  });
});
