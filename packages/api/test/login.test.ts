import { mintLoginLink } from "@switchboard/core";
import { contacts, loginTokens, memberships } from "@switchboard/db";
import { flowDoc, loginStep } from "@switchboard/flow/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_BASE_URL, callerFor, createWorld, expectTrpcError, type Member, type World } from "./helpers";

let w: World;
let owner: Member;
let bot: Awaited<ReturnType<World["publishedBot"]>>;
let nextUser = 60_000;

/** A Telegram user reaches the Login step; returns the token of the link the core minted for them. */
async function loginLink() {
  const from = { id: ++nextUser, first_name: "Kim", last_name: "Lee" };
  const { conversation } = await w.userSays(bot, from);
  const [message] = await w.outbox(conversation.id);
  const payload = message!.payload as {
    params: { reply_markup: { inline_keyboard: { text: string; url: string }[][] } };
  };
  const { url } = payload.params.reply_markup.inline_keyboard[0]![0]!;
  const prefix = `${ADMIN_BASE_URL}/telegram-login/`;
  expect(url.startsWith(prefix)).toBe(true);
  return {
    token: url.slice(prefix.length),
    conversationId: conversation.id,
    contactId: conversation.contactId,
  };
}

const texts = async (conversationId: string) => (await w.outbox(conversationId)).map((m) => m.text);
const anonymous = () => callerFor(w.db, null, w.env);

beforeAll(async () => {
  w = await createWorld("login");
  owner = await w.member("owner");
  await owner.api.workspace.updateSettings({ name: "Acme" });
  bot = await w.publishedBot(
    owner,
    flowDoc([loginStep("login", "Please log in", { successText: "Welcome in", failureText: "Maybe later" })]),
  );
});

afterAll(async () => {
  await w?.close();
});

describe("login.describe", () => {
  it("tells a signed-out visitor what the link is, and nothing secret", async () => {
    const { token } = await loginLink();
    const before = Date.now();
    const described = await anonymous().login.describe({ token });
    expect(described).toEqual({
      state: "pending",
      workspaceName: "Acme",
      botUsername: bot.username,
      telegramName: "Kim Lee",
      expiresAt: expect.any(Date),
    });
    // The step's default timeout: 15 minutes.
    expect(described.expiresAt.getTime()).toBeGreaterThan(before + 14 * 60_000);
    expect(described.expiresAt.getTime()).toBeLessThan(before + 16 * 60_000);
  });

  it("is NOT_FOUND for an unknown or malformed token", async () => {
    await expectTrpcError(
      anonymous().login.describe({ token: "A".repeat(43) }),
      "NOT_FOUND",
      "Login link not found.",
    );
    await expectTrpcError(
      anonymous().login.describe({ token: "nope" }),
      "NOT_FOUND",
      "Login link not found.",
    );
    await expectTrpcError(anonymous().login.describe({ token: "" }), "BAD_REQUEST");
  });
});

describe("login.confirm", () => {
  it("needs a signed-in user, who must be a member of the link's workspace", async () => {
    const { token, conversationId } = await loginLink();
    await expectTrpcError(anonymous().login.confirm({ token }), "UNAUTHORIZED", "Sign in first.");
    const outsider = await w.member("owner");
    await expectTrpcError(
      outsider.api.login.confirm({ token }),
      "FORBIDDEN",
      "You are not a member of this bot's workspace, so you can't log in here.",
    );
    // A signed-in user without any workspace gets the same answer.
    const loner = callerFor(w.db, await w.addUser("Loner"), w.env);
    await expectTrpcError(
      loner.login.confirm({ token }),
      "FORBIDDEN",
      /not a member of this bot's workspace/,
    );
    expect((await anonymous().login.describe({ token })).state).toBe("pending");
    expect(await texts(conversationId)).toEqual(["Please log in"]);
  });

  it("links the Telegram contact to the member and the flow goes on at success, once", async () => {
    const { token, conversationId, contactId } = await loginLink();
    // A member of two workspaces: the link's workspace decides, not the session's first one.
    const elsewhere = await w.member("owner");
    await w.db
      .insert(memberships)
      .values({ workspaceId: owner.workspaceId, userId: elsewhere.userId, role: "operator" });

    expect(await elsewhere.api.login.confirm({ token })).toEqual({ state: "linked" });
    expect(await texts(conversationId)).toEqual(["Please log in", "Welcome in"]);
    const [contact] = await w.db.select().from(contacts).where(eq(contacts.id, contactId));
    expect(contact).toMatchObject({ linkedUserId: elsewhere.userId, linkedAt: expect.any(Date) });
    expect((await anonymous().login.describe({ token })).state).toBe("linked");

    // Single use: a second answer changes nothing and says how the link ended.
    expect(await owner.api.login.confirm({ token })).toEqual({ state: "linked" });
    expect(await anonymous().login.cancel({ token })).toEqual({ state: "linked" });
    expect(await texts(conversationId)).toEqual(["Please log in", "Welcome in"]);
    const [row] = await w.db.select().from(loginTokens).where(eq(loginTokens.conversationId, conversationId));
    expect(row).toMatchObject({ status: "linked", userId: elsewhere.userId });
  });
});

describe("login.cancel", () => {
  it("whoever holds the link may refuse it, without an account: the flow goes on at failure", async () => {
    const { token, conversationId, contactId } = await loginLink();
    expect(await anonymous().login.cancel({ token })).toEqual({ state: "refused" });
    expect(await texts(conversationId)).toEqual(["Please log in", "Maybe later"]);
    expect(await owner.api.login.confirm({ token })).toEqual({ state: "refused" });
    const [contact] = await w.db.select().from(contacts).where(eq(contacts.id, contactId));
    expect(contact!.linkedUserId).toBeNull();
    await expectTrpcError(anonymous().login.cancel({ token: "B".repeat(43) }), "NOT_FOUND");
  });
});

describe("an expired link", () => {
  it("is described as expired and can't be confirmed any more", async () => {
    const { conversationId, contactId } = await loginLink();
    // Another link for the same conversation, minted by the core directly.
    const link = await mintLoginLink(w.db, {
      workspaceId: owner.workspaceId,
      botId: bot.botId,
      conversationId,
      contactId,
      stepId: "login",
      loginId: "login:manual",
      validForMs: 60_000,
      adminBaseUrl: ADMIN_BASE_URL,
      loginDomainLinked: false,
    });
    expect(link.mode).toBe("url");
    const token = link.url.split("/telegram-login/")[1]!;
    expect((await anonymous().login.describe({ token })).state).toBe("pending");
    await w.db
      .update(loginTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(loginTokens.loginId, "login:manual"));
    expect((await anonymous().login.describe({ token })).state).toBe("expired");
    expect(await owner.api.login.confirm({ token })).toEqual({ state: "expired" });
    expect(await texts(conversationId)).toEqual(["Please log in"]);
  });
});
