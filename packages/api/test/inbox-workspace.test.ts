import { DomainError } from "@switchboard/core";
import { flowDoc, routeStep, textStep } from "@switchboard/flow/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadAttachment } from "../src/domains/files/service";
import { workspaceScopeOf } from "../src/scope";
import { httpStatusOf } from "../src/trpc";
import { createWorld, expectTrpcError, type Member, png, type World } from "./helpers";

/*
 * The inbox's workspace procedures through tRPC: the list and counts, a conversation with its notes
 * and contact panel, read marks, notes, assign and the assign menu, replies with files, canned
 * replies, contact edits and presence. The core's tests (packages/core/test/inbox*.test.ts) cover
 * the rules in depth; these check the procedures, their shapes and who may call them.
 */

let w: World;
let owner: Member;
let operator: Member;
let marketer: Member;
let stranger: Member;
let bot: Awaited<ReturnType<World["publishedBot"]>>;

const operatorFlow = () =>
  flowDoc(
    [
      textStep("hello", "Hi! Let me find you a person."),
      routeStep("op", "Connecting you…"),
      textStep("back", "Back."),
    ],
    [
      ["hello", "next", "op"],
      ["op", "returned", "back"],
    ],
  );

let nextUser = 9_000;
const newUser = (first_name = "Ann", extra: Record<string, string> = {}) => ({
  id: ++nextUser,
  first_name,
  username: `u${nextUser}`,
  ...extra,
});

/** A user writes; the flow puts the conversation in the operator queue. */
async function waitingConversation(name = "Ann", extra: Record<string, string> = {}) {
  const user = newUser(name, extra);
  const result = await w.userSays(bot, user);
  expect(result.conversation.status).toBe("operator");
  return { user, id: result.conversation.id, contactId: result.conversation.contactId };
}

const says = (user: { id: number; first_name: string }, text: string) =>
  w.userSays(bot, user, { type: "text", text });

async function attach(member: Member, file: { name: string; mimeType: string; bytes: Uint8Array }) {
  return uploadAttachment(await workspaceScopeOf(w.db, member.userId), w.env, file);
}

beforeAll(async () => {
  w = await createWorld("inbox_ws");
  owner = await w.member("owner");
  operator = await w.member("operator", owner.workspaceId);
  marketer = await w.member("marketer", owner.workspaceId);
  stranger = await w.member("owner");
  bot = await w.publishedBot(owner, operatorFlow(), "Support");
  await operator.api.operators.join({ botId: bot.botId });
});

afterAll(async () => {
  await w?.close();
});

describe("inbox.list and inbox.counts", () => {
  it("lists a view with the item's shape; counts the tabs", async () => {
    const first = await waitingConversation("Lena", { last_name: "Berg" });
    const second = await waitingConversation("Max");
    const page = await operator.api.inbox.list({ view: "waiting", botId: bot.botId });
    expect(page.items.map((i) => i.id)).toEqual([first.id, second.id]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]).toEqual({
      id: first.id,
      bot: { id: bot.botId, username: bot.username },
      contact: { id: first.contactId, name: "Lena Berg", username: first.user.username, phone: null },
      status: "waiting",
      currentStepId: "op",
      assignee: null,
      waitingSince: expect.any(Date),
      createdAt: expect.any(Date),
      lastMessageAt: expect.any(Date),
      lastMessage: { text: "Connecting you…", author: "out", hasMedia: false, createdAt: expect.any(Date) },
      unread: 1,
    });
    expect(await operator.api.inbox.counts()).toEqual({
      waiting: 2,
      mine: 0,
      all: 2,
      closed: 0,
      unreadMine: 0,
    });

    await operator.api.inbox.take({ conversationId: first.id });
    await owner.api.inbox.take({ conversationId: second.id });
    await owner.api.inbox.close({ conversationId: second.id });
    expect(await operator.api.inbox.counts({ botId: bot.botId })).toEqual({
      waiting: 0,
      mine: 1,
      all: 2,
      closed: 1,
      unreadMine: 1,
    });
    const mine = await operator.api.inbox.list({ view: "mine" });
    expect(mine.items).toEqual([
      expect.objectContaining({
        id: first.id,
        status: "operator",
        assignee: { id: operator.userId, name: "operator" },
      }),
    ]);
    expect((await operator.api.inbox.list({ view: "closed" })).items.map((i) => i.id)).toEqual([second.id]);
    expect((await operator.api.inbox.list({ view: "all", limit: 1 })).nextCursor).toEqual(expect.any(String));
    await operator.api.inbox.close({ conversationId: first.id });
  });

  it("searches contacts and messages; LIKE wildcards are literal", async () => {
    const c = await waitingConversation("Wildcard");
    await says(c.user, "50% discount please");
    const found = async (search: string) =>
      (await owner.api.inbox.list({ view: "all", search })).items.map((i) => i.id);
    expect(await found("WILDCARD")).toEqual([c.id]);
    expect(await found("50% disc")).toEqual([c.id]);
    expect(await found("50_")).toEqual([]);
    expect(await found(`@${c.user.username}`)).toEqual([c.id]);
    await expectTrpcError(owner.api.inbox.list({ view: "all", search: "x".repeat(101) }), "BAD_REQUEST");
    await expectTrpcError(owner.api.inbox.list({ view: "all", cursor: "garbage" }), "BAD_REQUEST", /cursor/);
    await owner.api.inbox.close({ conversationId: c.id });
  });

  it("another workspace sees nothing", async () => {
    expect((await stranger.api.inbox.list({ view: "all" })).items).toEqual([]);
    expect((await stranger.api.inbox.list({ view: "all", botId: bot.botId })).items).toEqual([]);
    expect(await stranger.api.inbox.counts()).toEqual({
      waiting: 0,
      mine: 0,
      all: 0,
      closed: 0,
      unreadMine: 0,
    });
  });
});

describe("inbox.conversation, inbox.markRead and inbox.note", () => {
  it("the conversation, its timeline with notes in time order, the contact panel; unread moves", async () => {
    const c = await waitingConversation("Nora");
    await operator.api.inbox.take({ conversationId: c.id });
    await says(c.user, "first question");
    const note = await operator.api.inbox.note({ conversationId: c.id, text: " Prefers email " });
    expect(note).toEqual({
      id: expect.any(String),
      text: "Prefers email",
      authorId: operator.userId,
      authorName: "operator",
      createdAt: expect.any(Date),
    });
    await operator.api.inbox.reply({ conversationId: c.id, text: "Hello Nora" });

    const view = await operator.api.inbox.conversation({ id: c.id });
    expect(view.conversation).toMatchObject({
      id: c.id,
      botId: bot.botId,
      botUsername: bot.username,
      chatId: c.user.id,
      status: "operator",
      currentStepId: "op",
      waitingSince: null,
      queueStepId: null,
      assignee: { id: operator.userId, name: "operator", since: expect.any(Date) },
      readAt: null,
      unread: 2,
      inMyPool: true,
      // The flow it runs in (the bot's start flow here): "return to bot at a step" lists its live steps.
      flowId: bot.flowId,
      variables: {},
    });
    expect(view.timeline.map((t) => [t.kind, t.kind === "note" ? t.text : t.text])).toEqual([
      ["message", "/start"],
      ["message", "Hi! Let me find you a person."],
      ["message", "Connecting you…"],
      ["message", expect.any(String)], // connected
      ["message", expect.any(String)], // how to end
      ["message", "first question"],
      ["note", "Prefers email"],
      ["message", "Hello Nora"],
    ]);
    expect(view.contact).toMatchObject({
      id: c.contactId,
      firstName: "Nora",
      username: c.user.username,
      tags: [],
    });
    expect(view.customFields).toEqual([]);
    expect(view.leads).toEqual([]);
    expect(view.otherConversations).toEqual([]);
    // Notes are never sent.
    expect((await w.outbox(c.id)).map((m) => m.text)).not.toContain("Prefers email");

    expect(await operator.api.inbox.markRead({ conversationId: c.id })).toEqual({ readAt: expect.any(Date) });
    expect((await operator.api.inbox.conversation({ id: c.id })).conversation.unread).toBe(0);
    await says(c.user, "are you there?");
    expect((await operator.api.inbox.conversation({ id: c.id })).conversation.unread).toBe(1);
    expect((await operator.api.inbox.list({ view: "mine" })).items[0]).toMatchObject({ id: c.id, unread: 1 });
    // The owner's read mark is their own.
    expect((await owner.api.inbox.conversation({ id: c.id })).conversation.unread).toBe(3);

    await expectTrpcError(operator.api.inbox.note({ conversationId: c.id, text: "  " }), "BAD_REQUEST");
    await expectTrpcError(
      stranger.api.inbox.conversation({ id: c.id }),
      "NOT_FOUND",
      "Conversation not found.",
    );
    await operator.api.inbox.close({ conversationId: c.id });
  });
});

describe("inbox.assign and inbox.operators", () => {
  it("the assign menu; an operator can't take over someone else's conversation; an owner can", async () => {
    await owner.api.bots.updateSettings({ id: bot.botId, settings: { operator: { maxParallelChats: 1 } } });
    await operator.api.presence.set({ status: "online" });
    const menu = await owner.api.inbox.operators({ botId: bot.botId });
    expect(menu).toEqual(
      expect.arrayContaining([
        {
          userId: operator.userId,
          name: "operator",
          role: "operator",
          presence: "online",
          openChats: 0,
          openChatsTotal: 0,
          maxParallelChats: 1,
          canTakeMore: true,
          isMe: false,
        },
        expect.objectContaining({ userId: owner.userId, role: "owner", isMe: true }),
      ]),
    );
    expect(menu[0]!.userId).toBe(operator.userId); // online first

    const a = await waitingConversation("Assign A");
    const b = await waitingConversation("Assign B");
    // An operator may not give a waiting conversation to someone else.
    await expectTrpcError(
      operator.api.inbox.assign({ conversationId: a.id, userId: owner.userId }),
      "FORBIDDEN",
      "Only an owner can give a waiting conversation to someone else.",
    );
    // The owner gives it to the operator.
    expect(await owner.api.inbox.assign({ conversationId: a.id, userId: operator.userId })).toMatchObject({
      id: a.id,
      status: "operator",
    });
    // The operator is at the bot's maximum of 1.
    await expectTrpcError(
      owner.api.inbox.assign({ conversationId: b.id, userId: operator.userId }),
      "CONFLICT",
      "They already have 1 conversations of this bot, its maximum.",
    );
    expect(
      (await owner.api.inbox.operators({ botId: bot.botId })).find((o) => o.userId === operator.userId),
    ).toMatchObject({
      openChats: 1,
      canTakeMore: false,
    });
    // The owner takes B; the operator can't take it over.
    await owner.api.inbox.assign({ conversationId: b.id, userId: owner.userId });
    await expectTrpcError(
      operator.api.inbox.assign({ conversationId: b.id, userId: operator.userId }),
      "FORBIDDEN",
      /only they or an owner can pass it on/,
    );
    // The operator hands A to the owner (a transfer); the owner moves B to the operator, now free.
    await owner.api.bots.updateSettings({ id: bot.botId, settings: { operator: { maxParallelChats: 5 } } });
    await operator.api.inbox.assign({ conversationId: a.id, userId: owner.userId });
    await owner.api.inbox.assign({ conversationId: b.id, userId: operator.userId });
    expect((await operator.api.inbox.list({ view: "mine" })).items.map((i) => i.id)).toEqual([b.id]);
    expect((await owner.api.inbox.conversation({ id: a.id })).conversation.assignee?.id).toBe(owner.userId);
    // Someone outside the workspace can't be given it.
    await expectTrpcError(
      owner.api.inbox.assign({ conversationId: b.id, userId: stranger.userId }),
      "BAD_REQUEST",
      "That person is not a member of this workspace.",
    );
    await owner.api.inbox.close({ conversationId: a.id });
    await owner.api.inbox.close({ conversationId: b.id });
  });
});

describe("replies with attachments", () => {
  it("an operator uploads a file and replies with it: a photo with the caption, in the timeline", async () => {
    const c = await waitingConversation("Pic");
    await operator.api.inbox.take({ conversationId: c.id });
    const photo = await attach(operator, { name: "receipt.png", mimeType: "image/png", bytes: png(30, 20) });
    expect(photo).toMatchObject({ kind: "photo", name: "receipt.png", mimeType: "image/png" });
    expect(
      await operator.api.inbox.reply({ conversationId: c.id, text: "Your receipt", fileId: photo.fileId }),
    ).toEqual({ queued: 1 });
    expect((await w.outbox(c.id)).at(-1)).toEqual({
      text: "Your receipt",
      senderUserId: operator.userId,
      payload: {
        method: "sendPhoto",
        params: { chat_id: c.user.id, caption: "Your receipt" },
        media: { fileId: photo.fileId, kind: "photo", name: "receipt.png", mimeType: "image/png" },
      },
    });
    const doc = await attach(operator, {
      name: "terms.txt",
      mimeType: "text/plain",
      bytes: new TextEncoder().encode("Terms"),
    });
    expect(await operator.api.inbox.reply({ conversationId: c.id, fileId: doc.fileId })).toEqual({
      queued: 1,
    });
    expect((await w.outbox(c.id)).at(-1)!.payload).toMatchObject({
      method: "sendDocument",
      media: { kind: "document" },
    });

    const { timeline } = await operator.api.inbox.conversation({ id: c.id });
    const sent = timeline.filter((t) => t.kind === "message" && t.media);
    const stored = { width: null, height: null, duration: null, state: "stored" };
    expect(sent.map((t) => (t.kind === "message" ? [t.text, t.media] : null))).toEqual([
      [
        "Your receipt",
        {
          ...stored,
          fileId: photo.fileId,
          kind: "photo",
          name: "receipt.png",
          mimeType: "image/png",
          size: photo.size,
        },
      ],
      [
        null,
        {
          ...stored,
          fileId: doc.fileId,
          kind: "document",
          name: "terms.txt",
          mimeType: "text/plain",
          size: 5,
        },
      ],
    ]);
    // Another workspace's file can't be sent.
    const foreign = await attach(stranger, {
      name: "x.txt",
      mimeType: "text/plain",
      bytes: new Uint8Array(3),
    });
    await expectTrpcError(
      operator.api.inbox.reply({ conversationId: c.id, text: "x", fileId: foreign.fileId }),
      "NOT_FOUND",
      "File not found.",
    );
    await expectTrpcError(
      operator.api.inbox.reply({ conversationId: c.id }),
      "BAD_REQUEST",
      "Write a message first.",
    );
    await operator.api.inbox.close({ conversationId: c.id });
  });

  it("uploadAttachment checks Telegram's limits with clear errors", async () => {
    const big = await attach(operator, {
      name: "big.png",
      mimeType: "image/png",
      bytes: new Uint8Array(10 * 1024 * 1024 + 1),
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(big).toBeInstanceOf(DomainError);
    expect((big as DomainError).message).toMatch(/Telegram accepts a photo of at most 10 MB/);
    expect(httpStatusOf(big as DomainError)).toBe(413);
    const huge = await attach(operator, {
      name: "huge.zip",
      mimeType: "application/zip",
      bytes: new Uint8Array(50 * 1024 * 1024 + 1),
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((huge as DomainError).message).toMatch(/Telegram accepts a document of at most 50 MB/);
    const empty = await attach(operator, {
      name: "e.txt",
      mimeType: "text/plain",
      bytes: new Uint8Array(0),
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(empty).toMatchObject({ code: "INVALID", message: "The file is empty." });
  });
});

describe("canned replies", () => {
  it("editors manage them; every member lists and searches them; CONFLICT on a taken shortcut", async () => {
    const created = await marketer.api.canned.create({ shortcut: "Hello", text: "Hello! How can I help?" });
    expect(created).toEqual({
      id: expect.any(String),
      shortcut: "hello",
      text: "Hello! How can I help?",
      createdBy: marketer.userId,
      createdByName: "marketer",
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
    await owner.api.canned.create({ shortcut: "help_desk", text: "Our help desk is open 9–5." });
    await expectTrpcError(
      owner.api.canned.create({ shortcut: "HELLO", text: "dup" }),
      "CONFLICT",
      `There is already a canned reply ":hello". Choose another shortcut.`,
    );
    await expectTrpcError(owner.api.canned.create({ shortcut: "two words", text: "x" }), "BAD_REQUEST");
    expect((await operator.api.canned.list()).map((c) => c.shortcut)).toEqual(["hello", "help_desk"]);
    expect((await operator.api.canned.list({ search: "hel" })).map((c) => c.shortcut)).toEqual([
      "hello",
      "help_desk",
    ]);
    expect((await operator.api.canned.list({ search: "help" })).map((c) => c.shortcut)).toEqual([
      "help_desk",
    ]);
    expect(await stranger.api.canned.list()).toEqual([]);

    await expectTrpcError(
      operator.api.canned.create({ shortcut: "mine", text: "x" }),
      "FORBIDDEN",
      "Operators can't manage canned replies; an owner or a marketer can.",
    );
    const updated = await owner.api.canned.update({ id: created.id, text: "Hi there!" });
    expect(updated).toMatchObject({ shortcut: "hello", text: "Hi there!" });
    const desk = (await owner.api.canned.list({ search: "help" }))[0]!;
    await expectTrpcError(owner.api.canned.update({ id: desk.id, shortcut: "hello" }), "CONFLICT");
    await marketer.api.canned.remove({ id: desk.id });
    expect((await operator.api.canned.list()).map((c) => c.shortcut)).toEqual(["hello"]);
  });
});

describe("contacts.update", () => {
  it("any member edits a contact; values are checked; a phone another contact has merges them", async () => {
    await owner.api.contactFields.create({
      key: "plan",
      label: "Plan",
      type: "choice",
      options: ["Basic", "Pro"],
    });
    const c = await waitingConversation("Edit");
    const result = await operator.api.contacts.update({
      id: c.contactId,
      lastName: "Me",
      email: "EDIT@example.test",
      phone: "+49 170 1234567",
      fields: { plan: "pro" },
      addTags: ["vip"],
    });
    expect(result.merged).toBe(false);
    expect(result.contact).toMatchObject({
      id: c.contactId,
      firstName: "Edit",
      lastName: "Me",
      email: "edit@example.test",
      phone: "+491701234567",
      fields: { plan: "Pro" },
      tags: ["vip"],
      telegramUserId: c.user.id,
    });
    await expectTrpcError(
      operator.api.contacts.update({ id: c.contactId, email: "nope" }),
      "BAD_REQUEST",
      `"nope" is not an email address.`,
    );
    await expectTrpcError(
      operator.api.contacts.update({ id: c.contactId, fields: { plan: "Gold" } }),
      "BAD_REQUEST",
      /"Plan" is one of "Basic", "Pro"/,
    );
    const view = await operator.api.inbox.conversation({ id: c.id });
    expect(view.customFields).toEqual([
      { key: "plan", label: "Plan", type: "choice", options: ["Basic", "Pro"], value: "Pro" },
    ]);

    // Another contact gives the same number: the two become one (the older survives).
    const d = await waitingConversation("Twin");
    const merged = await operator.api.contacts.update({ id: d.contactId, phone: "+491701234567" });
    expect(merged.merged).toBe(true);
    expect(merged.contact.id).toBe(c.contactId);
    const twin = await operator.api.inbox.conversation({ id: d.id });
    expect(twin.contact.id).toBe(c.contactId);
    expect(twin.otherConversations.map((o) => o.id)).toEqual([c.id]);

    await expectTrpcError(
      stranger.api.contacts.update({ id: c.contactId, city: "X" }),
      "NOT_FOUND",
      "Contact not found.",
    );
    await owner.api.inbox.close({ conversationId: c.id });
    await owner.api.inbox.close({ conversationId: d.id });
  });
});

describe("presence", () => {
  it("heartbeat, set and the team's list", async () => {
    expect(await marketer.api.presence.heartbeat()).toEqual({ status: "online", effective: "online" });
    expect(await marketer.api.presence.set({ status: "away" })).toEqual({
      status: "away",
      effective: "away",
    });
    expect(await marketer.api.presence.heartbeat()).toEqual({ status: "away", effective: "away" });
    const team = await operator.api.presence.list();
    expect(team.map((m) => m.userId).sort()).toEqual([owner.userId, operator.userId, marketer.userId].sort());
    expect(team.find((m) => m.userId === marketer.userId)).toEqual({
      userId: marketer.userId,
      name: "marketer",
      email: `${marketer.userId}@example.test`,
      role: "marketer",
      status: "away",
      presence: "away",
      lastSeenAt: expect.any(Date),
    });
    await expectTrpcError(marketer.api.presence.set({ status: "busy" as "away" }), "BAD_REQUEST");
    expect((await stranger.api.presence.list()).map((m) => m.userId)).toEqual([stranger.userId]);
  });
});
