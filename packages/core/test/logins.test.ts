import { contacts, loginTokens, type MessageRow } from "@switchboard/db";
import { flowDoc, loginStep, textStep } from "@switchboard/flow/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { receiveFromUser } from "../src/conversations/receive";
import { completeLogin, describeLogin, loginLinkOwner } from "../src/logins/complete";
import { hashLoginToken } from "../src/logins/links";
import type { OutboundCall } from "../src/outbox/telegram-calls";
import {
  ADMIN_BASE_URL,
  createWorld,
  ENV,
  errorCode,
  loginButtonUrl,
  type TestBot,
  telegramUser,
  type World,
} from "./fixtures";

let w: World;
let flowId: string;
let bot: TestBot;

const SUCCESS = ["You're logged in ✅", "Your orders: none"];
const FAILURE = ["We couldn't log you in.", "Maybe later"];

beforeAll(async () => {
  w = await createWorld("core_logins");
  ({ flowId } = await w.publish(
    flowDoc(
      [
        loginStep("login", "Log in to see your orders"),
        textStep("in", "Your orders: none"),
        textStep("out", "Maybe later"),
      ],
      [
        ["login", "success", "in"],
        ["login", "failure", "out"],
      ],
    ),
  ));
  bot = await w.addBot({ flowId });
});
afterAll(async () => {
  await w?.close();
});

const callOf = (m: MessageRow) => m.payload as OutboundCall;

/** A user reaches the Login step; returns the one-time token from the button. */
async function atLogin(onBot: TestBot = bot, name = "Member") {
  const user = telegramUser(name, { last_name: "Tg" });
  await w.say(onBot, user);
  const conversation = await w.conversationOf(onBot.id, user.id);
  const [message] = await w.outgoing(conversation.id);
  const url = loginButtonUrl(callOf(message!));
  const token = new URL(url).pathname.split("/").pop()!;
  return { user, conversation, url, token };
}

async function tokenRow(token: string) {
  const [row] = await w.db
    .select()
    .from(loginTokens)
    .where(eq(loginTokens.tokenHash, hashLoginToken(token)));
  return row!;
}

const linkedUserOf = async (contactId: string) =>
  (await w.db.select().from(contacts).where(eq(contacts.id, contactId)))[0]!.linkedUserId;

describe("the link a Login step mints", () => {
  it("a one-time link button to the admin's login page; only its hash is stored, pending, expiring with the step", async () => {
    const { conversation, url, token } = await atLogin();
    expect(url).toBe(`${ADMIN_BASE_URL}/telegram-login/${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [message] = await w.outgoing(conversation.id);
    expect(callOf(message!).params.reply_markup).toEqual({ inline_keyboard: [[{ text: "🔐 Log in", url }]] });
    const row = await tokenRow(token);
    expect(row).toMatchObject({
      status: "pending",
      botId: bot.id,
      conversationId: conversation.id,
      contactId: conversation.contactId,
      stepId: "login",
      usedAt: null,
      userId: null,
    });
    expect(row.tokenHash).not.toContain(token);
    const minutes = (row.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    // The step's timeout timer has the login's id.
    const [timer] = await w.timersOf(conversation.id);
    expect(timer!.key).toBe(`conv:${conversation.id}:${row.loginId}`);
  });

  it("with the bot's domain linked: Telegram's login_url button, to the route that verifies the redirect", async () => {
    const linkedBot = await w.addBot({ flowId, settings: { loginDomainLinked: true } });
    const user = telegramUser("Linked");
    await w.say(linkedBot, user);
    const conversation = await w.conversationOf(linkedBot.id, user.id);
    const [message] = await w.outgoing(conversation.id);
    const markup = callOf(message!).params.reply_markup as {
      inline_keyboard: { login_url: { url: string } }[][];
    };
    const url = markup.inline_keyboard[0]![0]!.login_url.url;
    expect(url).toMatch(new RegExp(`^${ADMIN_BASE_URL}/api/telegram-login\\?t=[A-Za-z0-9_-]{43}$`));
    const token = new URL(url).searchParams.get("t")!;
    expect(await loginLinkOwner(w.db, token)).toEqual({ botId: linkedBot.id, telegramUserId: user.id });
    // After a merge by phone the contact may carry another account's Telegram id: the link still
    // belongs to the user in its chat.
    await w.db
      .update(contacts)
      .set({ telegramUserId: user.id + 999 })
      .where(eq(contacts.id, conversation.contactId));
    expect(await loginLinkOwner(w.db, token)).toEqual({ botId: linkedBot.id, telegramUserId: user.id });
  });

  it("with an admin on localhost (no button possible): the link goes in the text", async () => {
    const user = telegramUser("Local");
    const local = { adminBaseUrl: "http://localhost:3000/" };
    await w.db.transaction((tx) =>
      receiveFromUser(
        tx,
        bot,
        {
          chatId: user.id,
          from: user,
          event: { type: "start" },
          text: "/start",
          telegramMessageId: 1,
          payload: {},
        },
        local,
      ),
    );
    const conversation = await w.conversationOf(bot.id, user.id);
    const [message] = await w.outgoing(conversation.id);
    expect(callOf(message!).params).toEqual({
      chat_id: user.id,
      text: expect.stringMatching(
        /^Log in to see your orders\n\n🔐 Log in: http:\/\/localhost:3000\/telegram-login\/[A-Za-z0-9_-]{43}$/,
      ),
    });
  });
});

describe("describeLogin", () => {
  it("what the confirmation page shows, and its state as the link is used", async () => {
    const { token } = await atLogin(bot, "Shown");
    const row = await tokenRow(token);
    expect(await describeLogin(w.db, token)).toEqual({
      state: "pending",
      workspaceId: w.workspaceId,
      workspaceName: "Test workspace",
      botUsername: bot.username,
      telegramName: "Shown Tg",
      expiresAt: row.expiresAt,
    });
    await completeLogin(w.db, { token, accept: true, userId: w.ownerId }, ENV);
    expect((await describeLogin(w.db, token)).state).toBe("linked");
  });

  it("a pending link past its expiry is described as expired", async () => {
    const { token } = await atLogin(bot, "Late");
    await w.db
      .update(loginTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(loginTokens.tokenHash, hashLoginToken(token)));
    expect((await describeLogin(w.db, token)).state).toBe("expired");
  });

  it.each([
    ["an unknown token", "A".repeat(43)],
    ["a malformed token", "not a token!"],
    ["a short token", "abc"],
    ["an empty token", ""],
  ])("%s: NOT_FOUND", async (_, token) => {
    expect(await errorCode(() => describeLogin(w.db, token))).toBe("NOT_FOUND");
    expect(await errorCode(() => completeLogin(w.db, { token, accept: false, userId: null }, ENV))).toBe(
      "NOT_FOUND",
    );
    expect(await loginLinkOwner(w.db, token)).toBeNull();
  });
});

describe("completeLogin", () => {
  it("a member accepts: linked, the contact is linked to them, the success output; using it again changes nothing", async () => {
    const operator = await w.addMember("Op", "operator");
    const { conversation, token } = await atLogin();
    expect(await completeLogin(w.db, { token, accept: true, userId: operator.userId }, ENV)).toBe("linked");
    expect((await w.outTexts(conversation.id)).slice(1)).toEqual(SUCCESS);
    expect(await linkedUserOf(conversation.contactId)).toBe(operator.userId);
    expect(await tokenRow(token)).toMatchObject({ status: "linked", userId: operator.userId });
    expect((await w.conversation(conversation.id)).currentStepId).toBe("in");
    // Single use: a second accept or a refusal reports the state and sends nothing.
    expect(await completeLogin(w.db, { token, accept: true, userId: w.ownerId }, ENV)).toBe("linked");
    expect(await completeLogin(w.db, { token, accept: false, userId: null }, ENV)).toBe("linked");
    expect((await w.outTexts(conversation.id)).slice(1)).toEqual(SUCCESS);
    expect(await linkedUserOf(conversation.contactId)).toBe(operator.userId);
  });

  it.each<[string, "outsider" | "anonymous"]>([
    ["a signed-in user who is not a member", "outsider"],
    ["nobody signed in", "anonymous"],
  ])("%s may not accept (FORBIDDEN): the link stays pending, nothing is sent", async (_, who) => {
    const userId = who === "outsider" ? await w.addUser("Outsider") : null;
    const { conversation, token } = await atLogin();
    expect(await errorCode(() => completeLogin(w.db, { token, accept: true, userId }, ENV))).toBe(
      "FORBIDDEN",
    );
    expect((await tokenRow(token)).status).toBe("pending");
    expect(await w.outTexts(conversation.id)).toEqual(["Log in to see your orders"]);
    expect(await linkedUserOf(conversation.contactId)).toBeNull();
  });

  it("refusing: refused, the step's failure output, nobody linked", async () => {
    const { conversation, token } = await atLogin();
    expect(await completeLogin(w.db, { token, accept: false, userId: null }, ENV)).toBe("refused");
    expect((await w.outTexts(conversation.id)).slice(1)).toEqual(FAILURE);
    expect((await w.conversation(conversation.id)).currentStepId).toBe("out");
    expect(await tokenRow(token)).toMatchObject({ status: "refused", userId: null });
    expect((await tokenRow(token)).usedAt).not.toBeNull();
    expect(await linkedUserOf(conversation.contactId)).toBeNull();
    expect(await completeLogin(w.db, { token, accept: true, userId: w.ownerId }, ENV)).toBe("refused");
    expect(await linkedUserOf(conversation.contactId)).toBeNull();
  });

  it("an expired link: 'expired' (stored as such), no engine reaction, nobody linked", async () => {
    const { conversation, token } = await atLogin();
    await w.db
      .update(loginTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(loginTokens.tokenHash, hashLoginToken(token)));
    const before = await w.conversation(conversation.id);
    expect(await completeLogin(w.db, { token, accept: true, userId: w.ownerId }, ENV)).toBe("expired");
    expect((await tokenRow(token)).status).toBe("expired");
    expect(await w.outTexts(conversation.id)).toEqual(["Log in to see your orders"]);
    const after = await w.conversation(conversation.id);
    expect(after.state).toEqual(before.state);
    expect(after.currentStepId).toBe("login");
    expect(await linkedUserOf(conversation.contactId)).toBeNull();
    expect(await completeLogin(w.db, { token, accept: false, userId: null }, ENV)).toBe("expired");
  });

  it("accepted and refused at the same moment: exactly one wins, and only its output is sent", async () => {
    const other = await w.newClient();
    for (let round = 0; round < 3; round++) {
      const { conversation, token } = await atLogin(bot, `Race${round}`);
      const results = await Promise.all([
        completeLogin(w.db, { token, accept: true, userId: w.ownerId }, ENV),
        completeLogin(other, { token, accept: false, userId: null }, ENV),
      ]);
      expect(results[0]).toBe(results[1]);
      const texts = (await w.outTexts(conversation.id)).slice(1);
      expect(texts).toEqual(results[0] === "linked" ? SUCCESS : FAILURE);
      expect(await linkedUserOf(conversation.contactId)).toBe(results[0] === "linked" ? w.ownerId : null);
    }
  });
});
