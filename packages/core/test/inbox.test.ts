import { randomUUID } from "node:crypto";
import {
  contacts,
  conversationNotes,
  files,
  memberships,
  messages,
  operatorPresence,
  realtimeEvents,
  workspaces,
} from "@switchboard/db";
import { flowDoc, routeStep, textStep } from "@switchboard/flow/testing";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/actor";
import {
  addConversationNote,
  contactPanel,
  inboxConversationState,
  markConversationRead,
  notesOfConversation,
} from "../src/inbox/conversation";
import { type InboxView, inboxCounts, listInbox } from "../src/inbox/list";
import { assignableOperators, assignInInbox, membersPresence } from "../src/inbox/operators";
import { containsPattern, phoneDigits } from "../src/inbox/search";
import { closeConversation, replyAsOperator, returnToBot, takeConversation } from "../src/operators/inbox";
import { joinOperatorPool } from "../src/operators/pools";
import { setPresence } from "../src/routing/presence";
import { createWorld, ENV, errorCode, type TestBot, telegramUser, type World } from "./fixtures";

let w: World;
let flowId: string;
let anna: Actor;
let boris: Actor;
/** The owner of another workspace. */
let stranger: Actor;

beforeAll(async () => {
  w = await createWorld("core_inbox");
  ({ flowId } = await w.publish(
    flowDoc(
      [textStep("hi", "Hi"), routeStep("r", "Connecting you…"), textStep("back", "The bot is back")],
      [
        ["hi", "next", "r"],
        ["r", "returned", "back"],
      ],
    ),
  ));
  anna = await w.addMember("Anna", "operator");
  boris = await w.addMember("Boris", "operator");
  const strangerId = await w.addUser("Stranger");
  const [ws] = await w.db.insert(workspaces).values({ name: "Other" }).returning();
  await w.db.insert(memberships).values({ workspaceId: ws!.id, userId: strangerId, role: "owner" });
  stranger = { workspaceId: ws!.id, userId: strangerId, role: "owner" };
});
afterAll(async () => {
  await w?.close();
});

/** A bot running the operator flow with Anna, Boris and the owner in its pool. */
async function staffedBot(settings: Record<string, unknown> = {}) {
  const bot = await w.addBot({ flowId, settings });
  for (const a of [anna, boris, w.owner()]) await joinOperatorPool(w.db, a, bot.id);
  return bot;
}

/** A user starts and is routed: the conversation waits in the bot's queue. */
async function waiting(bot: TestBot, name = "Kim", extra: Parameters<typeof telegramUser>[1] = {}) {
  const user = telegramUser(name, extra);
  await w.say(bot, user);
  return { user, conversation: await w.conversationOf(bot.id, user.id) };
}

const ids = async (actor: Actor, view: InboxView, botId: string, search?: string) =>
  (await listInbox(w.db, actor, { view, botId, search, limit: 100 })).items.map((i) => i.id);

describe("listInbox", () => {
  it("waiting: oldest first, with the bot, the contact, the last message and unread", async () => {
    const bot = await staffedBot();
    const first = await waiting(bot, "First", { last_name: "Person", username: "first_p" });
    const second = await waiting(bot, "Second");
    const page = await listInbox(w.db, anna, { view: "waiting", botId: bot.id });
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((i) => i.id)).toEqual([first.conversation.id, second.conversation.id]);
    expect(page.items[0]).toEqual({
      id: first.conversation.id,
      bot: { id: bot.id, username: bot.username },
      contact: { id: first.conversation.contactId, name: "First Person", username: "first_p", phone: null },
      status: "waiting",
      currentStepId: "r",
      assignee: null,
      waitingSince: expect.any(Date),
      createdAt: expect.any(Date),
      lastMessageAt: expect.any(Date),
      lastMessage: { text: "Connecting you…", author: "out", hasMedia: false, createdAt: expect.any(Date) },
      unread: 1,
    });
  });

  it("mine, all and closed; the assignee; the operator's reply is the last message", async () => {
    const bot = await staffedBot();
    const a = await waiting(bot, "A");
    const b = await waiting(bot, "B");
    const c = await waiting(bot, "C");
    await takeConversation(w.db, anna, a.conversation.id, ENV);
    await takeConversation(w.db, boris, b.conversation.id, ENV);
    await takeConversation(w.db, anna, c.conversation.id, ENV);
    await closeConversation(w.db, anna, c.conversation.id, ENV);
    await replyAsOperator(w.db, anna, a.conversation.id, "Hello from Anna");

    expect(await ids(anna, "mine", bot.id)).toEqual([a.conversation.id]);
    expect(await ids(boris, "mine", bot.id)).toEqual([b.conversation.id]);
    expect(await ids(anna, "waiting", bot.id)).toEqual([]);
    expect(await ids(anna, "closed", bot.id)).toEqual([c.conversation.id]);
    // Latest activity first: the reply made A the latest.
    expect(await ids(anna, "all", bot.id)).toEqual([a.conversation.id, c.conversation.id, b.conversation.id]);

    const [mine] = (await listInbox(w.db, anna, { view: "mine", botId: bot.id })).items;
    expect(mine).toMatchObject({
      status: "operator",
      assignee: { id: anna.userId, name: "Anna" },
      waitingSince: null,
      lastMessage: { text: "Hello from Anna", author: "operator" },
    });
    const closed = (await listInbox(w.db, anna, { view: "closed", botId: bot.id })).items[0]!;
    expect(closed).toMatchObject({ status: "closed", assignee: null });
  });

  it("pages with a cursor: every row once, in order, in each view", async () => {
    const bot = await staffedBot();
    const made: string[] = [];
    for (const name of ["P1", "P2", "P3", "P4", "P5"]) made.push((await waiting(bot, name)).conversation.id);
    for (const view of ["waiting", "all"] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<typeof listInbox>> = await listInbox(w.db, boris, {
          view,
          botId: bot.id,
          limit: 2,
          cursor,
        });
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(view === "waiting" ? made : [...made].reverse());
    }
    // A cursor is bound to its view, and a made-up one is refused.
    const first = await listInbox(w.db, boris, { view: "waiting", botId: bot.id, limit: 2 });
    expect(
      await errorCode(() => listInbox(w.db, boris, { view: "all", botId: bot.id, cursor: first.nextCursor })),
    ).toBe("INVALID");
    expect(await errorCode(() => listInbox(w.db, boris, { view: "all", cursor: "nonsense" }))).toBe(
      "INVALID",
    );
  });

  it("searches names, usernames, phones and message texts, case-insensitively", async () => {
    const bot = await staffedBot();
    const ivan = await waiting(bot, "Ivan", { last_name: "Petrov", username: "ivan_the_great" });
    const maria = await waiting(bot, "Maria", { username: "mashka" });
    await w.db
      .update(contacts)
      .set({ phone: "+491511234567" })
      .where(eq(contacts.id, maria.conversation.contactId));
    await w.text(bot, ivan.user, "Where is my ORDER #42?");
    const find = (search: string) => ids(anna, "all", bot.id, search);

    expect(await find("ivan pet")).toEqual([ivan.conversation.id]);
    expect(await find("@MASHKA")).toEqual([maria.conversation.id]);
    expect(await find("the_great")).toEqual([ivan.conversation.id]);
    expect(await find("+49 151 123")).toEqual([maria.conversation.id]);
    expect(await find("1511234")).toEqual([maria.conversation.id]);
    expect(await find("order #42")).toEqual([ivan.conversation.id]);
    expect(await find("  ")).toHaveLength(2);
    expect(await find("nobody")).toEqual([]);
    // Search applies within a view.
    expect(await ids(anna, "closed", bot.id, "ivan")).toEqual([]);
  });

  it("treats % and _ in a search as plain characters", async () => {
    const bot = await staffedBot();
    const percent = await waiting(bot, "Sale");
    const plain = await waiting(bot, "Other");
    await w.text(bot, percent.user, "I want 100% off");
    await w.text(bot, plain.user, "I want 1000 off");
    expect(await ids(anna, "all", bot.id, "100%")).toEqual([percent.conversation.id]);
    expect(await ids(anna, "all", bot.id, "%")).toEqual([percent.conversation.id]);
    // "_" would match any one character as a wildcard: "a_t" matches "want" nowhere literally.
    expect(await ids(anna, "all", bot.id, "wa_t")).toEqual([]);
    expect(containsPattern("a%b_c\\d")).toBe("%a\\%b\\_c\\\\d%");
    expect(phoneDigits("+49 (151) 12")).toBe("4915112");
    expect(phoneDigits("ab12")).toBeNull();
    expect(await errorCode(() => listInbox(w.db, anna, { view: "all", search: "x".repeat(101) }))).toBe(
      "INVALID",
    );
  });

  it("another workspace sees none of it", async () => {
    const bot = await staffedBot();
    await waiting(bot, "Secret");
    for (const view of ["waiting", "mine", "all", "closed"] as const)
      expect((await listInbox(w.db, stranger, { view })).items).toEqual([]);
    expect((await listInbox(w.db, stranger, { view: "all", botId: bot.id })).items).toEqual([]);
    expect(await inboxCounts(w.db, stranger)).toEqual({
      waiting: 0,
      mine: 0,
      all: 0,
      closed: 0,
      unreadMine: 0,
    });
  });
});

describe("unread and read marks", () => {
  it("the user's messages after the caller's mark; markRead clears them; new ones count again", async () => {
    const bot = await staffedBot();
    const { user, conversation } = await waiting(bot, "Reader");
    await takeConversation(w.db, anna, conversation.id, ENV);
    await w.text(bot, user, "one");
    await w.text(bot, user, "two");
    const unread = async (actor: Actor) =>
      (await listInbox(w.db, actor, { view: "all", botId: bot.id })).items[0]!.unread;
    expect(await unread(anna)).toBe(3); // /start, one, two
    expect((await inboxCounts(w.db, anna, bot.id)).unreadMine).toBe(1);

    const { readAt } = await markConversationRead(w.db, anna, conversation.id);
    expect(readAt).toBeInstanceOf(Date);
    expect(await unread(anna)).toBe(0);
    expect((await inboxCounts(w.db, anna, bot.id)).unreadMine).toBe(0);
    // Marks are per member.
    expect(await unread(boris)).toBe(3);

    // The operator's own reply isn't unread; the user's next message is.
    await replyAsOperator(w.db, anna, conversation.id, "hi");
    expect(await unread(anna)).toBe(0);
    await w.text(bot, user, "three");
    expect(await unread(anna)).toBe(1);
    expect((await inboxConversationState(w.db, anna, conversation.id)).unread).toBe(1);
    expect((await inboxCounts(w.db, anna, bot.id)).unreadMine).toBe(1);
    await markConversationRead(w.db, anna, conversation.id);
    expect(await unread(anna)).toBe(0);
  });

  it("markRead of another workspace's conversation is NOT_FOUND", async () => {
    const bot = await staffedBot();
    const { conversation } = await waiting(bot);
    expect(await errorCode(() => markConversationRead(w.db, stranger, conversation.id))).toBe("NOT_FOUND");
  });
});

describe("inboxCounts", () => {
  it("counts the views of the caller's workspace, per bot when asked", async () => {
    const bot = await staffedBot();
    const [a, b, c] = [await waiting(bot, "A"), await waiting(bot, "B"), await waiting(bot, "C")];
    await takeConversation(w.db, boris, a.conversation.id, ENV);
    await takeConversation(w.db, boris, b.conversation.id, ENV);
    await closeConversation(w.db, boris, b.conversation.id, ENV);
    expect(await inboxCounts(w.db, boris, bot.id)).toEqual({
      waiting: 1,
      mine: 1,
      all: 3,
      closed: 1,
      unreadMine: 1,
    });
    expect((await inboxCounts(w.db, anna, bot.id)).mine).toBe(0);
    const everything = await inboxCounts(w.db, boris);
    expect(everything.all).toBeGreaterThanOrEqual(3);
    expect(c.conversation.id).toBeTruthy();
  });
});

describe("private notes", () => {
  it("are kept with the conversation, announced live, and never reach the outbox", async () => {
    const bot = await staffedBot();
    const { conversation } = await waiting(bot);
    const before = await w.outgoing(conversation.id);
    const [{ last }] = (await w.db.execute(
      sql`select coalesce(max(id), 0)::int as last from realtime_events`,
    )) as unknown as [{ last: number }];

    // Any member may write one, even on a conversation they don't have.
    const note = await addConversationNote(w.db, boris, conversation.id, "  VIP customer, be nice  ");
    expect(note).toEqual({
      id: expect.any(String),
      text: "VIP customer, be nice",
      authorId: boris.userId,
      authorName: "Boris",
      createdAt: expect.any(Date),
    });
    expect(await w.outgoing(conversation.id)).toEqual(before);
    const events = await w.db
      .select()
      .from(realtimeEvents)
      .where(and(gt(realtimeEvents.id, last), eq(realtimeEvents.conversationId, conversation.id)));
    expect(events.map((e) => e.type)).toEqual(["note"]);
    expect(events[0]).toMatchObject({ workspaceId: w.workspaceId, botId: bot.id });
    expect(await notesOfConversation(w.db, anna, conversation.id)).toEqual([note]);

    expect(await errorCode(() => addConversationNote(w.db, anna, conversation.id, "  "))).toBe("INVALID");
    expect(await errorCode(() => addConversationNote(w.db, anna, conversation.id, "x".repeat(10_001)))).toBe(
      "INVALID",
    );
    expect(await errorCode(() => addConversationNote(w.db, stranger, conversation.id, "hi"))).toBe(
      "NOT_FOUND",
    );
    expect(await notesOfConversation(w.db, stranger, conversation.id)).toEqual([]);
    const stored = await w.db
      .select()
      .from(conversationNotes)
      .where(eq(conversationNotes.conversationId, conversation.id));
    expect(stored).toHaveLength(1);
  });
});

describe("the conversation and its contact panel", () => {
  it("state: waiting, then assigned; the pool; NOT_FOUND elsewhere", async () => {
    const bot = await staffedBot();
    const { conversation } = await waiting(bot);
    const waitingState = await inboxConversationState(w.db, anna, conversation.id);
    expect(waitingState).toMatchObject({
      status: "waiting",
      waitingSince: expect.any(Date),
      queueStepId: "r",
      assignee: null,
      readAt: null,
      inMyPool: true,
    });
    await takeConversation(w.db, anna, conversation.id, ENV);
    expect(await inboxConversationState(w.db, anna, conversation.id)).toMatchObject({
      status: "operator",
      waitingSince: null,
      assignee: { id: anna.userId, name: "Anna", since: expect.any(Date) },
    });
    const outsider = await w.addMember("Outsider", "operator");
    expect((await inboxConversationState(w.db, outsider, conversation.id)).inMyPool).toBe(false);
    expect(await errorCode(() => inboxConversationState(w.db, stranger, conversation.id))).toBe("NOT_FOUND");
    await returnToBot(w.db, anna, conversation.id, undefined, ENV);
    expect((await inboxConversationState(w.db, anna, conversation.id)).status).toBe("bot");
  });

  it("panel: fields with the workspace's definitions, tags, leads, other conversations", async () => {
    await w.db.execute(
      sql`insert into contact_fields (workspace_id, key, label, type, options, position) values (${w.workspaceId}, 'plan', 'Plan', 'choice', '["Basic","Pro"]'::jsonb, 0)`,
    );
    const bot = await staffedBot();
    const other = await staffedBot();
    const user = telegramUser("Panel");
    await w.say(bot, user);
    await w.say(other, user);
    const here = await w.conversationOf(bot.id, user.id);
    const there = await w.conversationOf(other.id, user.id);
    await w.db.execute(
      sql`update contacts set tags = '{vip}', fields = '{"plan":"Pro","old":"x"}'::jsonb, email = 'p@example.test' where id = ${here.contactId}`,
    );
    const [stage] = (await w.db.execute(
      sql`insert into lead_stages (workspace_id, name, position, kind) values (${w.workspaceId}, 'New', 0, 'open') returning id`,
    )) as unknown as { id: string }[];
    await w.db.execute(
      sql`insert into leads (workspace_id, contact_id, title, stage_id, source, conversation_id) values (${w.workspaceId}, ${here.contactId}, 'Big deal', ${stage!.id}, 'manual', ${here.id})`,
    );

    const panel = await contactPanel(w.db, anna, here.contactId, here.id);
    expect(panel.contact).toMatchObject({
      id: here.contactId,
      firstName: "Panel",
      email: "p@example.test",
      tags: ["vip"],
      fields: { plan: "Pro", old: "x" },
      telegramUserId: user.id,
    });
    expect(panel.customFields).toEqual([
      { key: "plan", label: "Plan", type: "choice", options: ["Basic", "Pro"], value: "Pro" },
    ]);
    expect(panel.leads).toEqual([
      expect.objectContaining({
        title: "Big deal",
        stageName: "New",
        stageKind: "open",
        conversationId: here.id,
      }),
    ]);
    expect(panel.conversations).toEqual([
      expect.objectContaining({
        id: there.id,
        botId: other.id,
        botUsername: other.username,
        status: "waiting",
      }),
    ]);
    expect(await errorCode(() => contactPanel(w.db, stranger, here.contactId))).toBe("NOT_FOUND");
  });
});

describe("replies with a file", () => {
  async function storedFile(kind: "photo" | "document", workspaceId = w.workspaceId) {
    const [row] = await w.db
      .insert(files)
      .values({
        workspaceId,
        kind,
        name: kind === "photo" ? "shot.png" : "terms.pdf",
        mimeType: kind === "photo" ? "image/png" : "application/pdf",
        size: 1234,
        sha256: "0".repeat(64),
        storageKey: `${workspaceId}/${randomUUID()}`,
      })
      .returning();
    return row!;
  }

  async function assigned() {
    const bot = await staffedBot();
    const { conversation } = await waiting(bot);
    await takeConversation(w.db, anna, conversation.id, ENV);
    return { bot, conversation };
  }

  it("a photo with the text as caption; the message row keeps the file", async () => {
    const { conversation } = await assigned();
    const photo = await storedFile("photo");
    expect(await replyAsOperator(w.db, anna, conversation.id, " Here it is ", { fileId: photo.id })).toEqual({
      queued: 1,
    });
    const last = (await w.outgoing(conversation.id)).at(-1)!;
    expect(last).toMatchObject({
      text: "Here it is",
      fileId: photo.id,
      senderUserId: anna.userId,
      deliveryStatus: "pending",
      payload: {
        method: "sendPhoto",
        params: { chat_id: conversation.chatId, caption: "Here it is" },
        media: { fileId: photo.id, kind: "photo", name: "shot.png", mimeType: "image/png" },
      },
    });
  });

  it("a document without text; a long text: the caption, then the rest as messages", async () => {
    const { conversation } = await assigned();
    const doc = await storedFile("document");
    expect(await replyAsOperator(w.db, anna, conversation.id, "", { fileId: doc.id })).toEqual({ queued: 1 });
    const sent = (await w.outgoing(conversation.id)).at(-1)!;
    expect(sent.payload).toMatchObject({ method: "sendDocument", params: { chat_id: conversation.chatId } });
    expect((sent.payload as { params: object }).params).not.toHaveProperty("caption");
    expect(sent.fileId).toBe(doc.id);

    const text = `${"a".repeat(1000)} ${"b".repeat(5000)}`;
    expect(await replyAsOperator(w.db, anna, conversation.id, text, { fileId: doc.id })).toEqual({
      queued: 3,
    });
    const tail = (await w.outgoing(conversation.id)).slice(-3);
    expect(tail.map((m) => (m.payload as { method: string }).method)).toEqual([
      "sendDocument",
      "sendMessage",
      "sendMessage",
    ]);
    expect(tail.map((m) => m.fileId)).toEqual([doc.id, null, null]);
    expect(tail.map((m) => m.text ?? "").join("").length).toBeGreaterThan(5900);
  });

  it("another workspace's file is NOT_FOUND and nothing is queued; no text and no file is INVALID", async () => {
    const { conversation } = await assigned();
    const foreign = await storedFile("photo", stranger.workspaceId);
    const before = (await w.outgoing(conversation.id)).length;
    expect(
      await errorCode(() => replyAsOperator(w.db, anna, conversation.id, "hi", { fileId: foreign.id })),
    ).toBe("NOT_FOUND");
    expect(await errorCode(() => replyAsOperator(w.db, anna, conversation.id, "  "))).toBe("INVALID");
    expect(await w.outgoing(conversation.id)).toHaveLength(before);
    const rows = await w.db
      .select({ id: messages.id })
      .from(messages)
      .where(eq(messages.fileId, foreign.id))
      .orderBy(asc(messages.createdAt));
    expect(rows).toEqual([]);
  });
});

describe("assign and transfer", () => {
  it("an operator takes a waiting one for themselves but can't give it to someone else", async () => {
    const bot = await staffedBot();
    const { conversation } = await waiting(bot);
    expect(await errorCode(() => assignInInbox(w.db, anna, conversation.id, boris.userId, ENV))).toBe(
      "FORBIDDEN",
    );
    const mine = await assignInInbox(w.db, anna, conversation.id, anna.userId, ENV);
    expect(mine.status).toBe("operator");
    expect((await inboxConversationState(w.db, anna, conversation.id)).assignee?.id).toBe(anna.userId);
  });

  it("the one who has it transfers it; another operator can't take it over; an owner can", async () => {
    const bot = await staffedBot();
    const { conversation } = await waiting(bot);
    await takeConversation(w.db, anna, conversation.id, ENV);
    // Boris can't take it from Anna, for himself or anyone.
    expect(await errorCode(() => assignInInbox(w.db, boris, conversation.id, boris.userId, ENV))).toBe(
      "FORBIDDEN",
    );
    // Anna passes it to Boris.
    await assignInInbox(w.db, anna, conversation.id, boris.userId, ENV);
    expect((await inboxConversationState(w.db, anna, conversation.id)).assignee?.id).toBe(boris.userId);
    expect(await ids(boris, "mine", bot.id)).toEqual([conversation.id]);
    expect(await ids(anna, "mine", bot.id)).toEqual([]);
    // The owner moves it back to Anna.
    await assignInInbox(w.db, w.owner(), conversation.id, anna.userId, ENV);
    expect((await inboxConversationState(w.db, anna, conversation.id)).assignee?.id).toBe(anna.userId);
  });

  it("respects the pool, the maximum, membership and the workspace", async () => {
    const bot = await staffedBot({ operator: { maxParallelChats: 1 } });
    const first = await waiting(bot, "One");
    const second = await waiting(bot, "Two");
    await takeConversation(w.db, boris, first.conversation.id, ENV);
    expect(
      await errorCode(() => assignInInbox(w.db, w.owner(), second.conversation.id, boris.userId, ENV)),
    ).toBe("CONFLICT");
    const outsider = await w.addMember("Outsider", "operator");
    expect(
      await errorCode(() => assignInInbox(w.db, w.owner(), second.conversation.id, outsider.userId, ENV)),
    ).toBe("FORBIDDEN");
    expect(
      await errorCode(() => assignInInbox(w.db, w.owner(), second.conversation.id, stranger.userId, ENV)),
    ).toBe("INVALID");
    expect(
      await errorCode(() => assignInInbox(w.db, stranger, second.conversation.id, stranger.userId, ENV)),
    ).toBe("NOT_FOUND");
    await assignInInbox(w.db, w.owner(), second.conversation.id, anna.userId, ENV);
  });

  it("assignableOperators: the pool with presence, open chats and room", async () => {
    const bot = await staffedBot({ operator: { maxParallelChats: 2 } });
    const chats = [await waiting(bot, "X"), await waiting(bot, "Y")];
    for (const c of chats) await takeConversation(w.db, boris, c.conversation.id, ENV);
    await setPresence(w.db, anna, "online");
    await setPresence(w.db, boris, "away");
    const list = await assignableOperators(w.db, anna, bot.id);
    expect(list.map((o) => o.userId)).toEqual([anna.userId, boris.userId, w.ownerId]);
    expect(list[0]).toMatchObject({
      name: "Anna",
      role: "operator",
      presence: "online",
      openChats: 0,
      maxParallelChats: 2,
      canTakeMore: true,
      isMe: true,
    });
    expect(list[1]).toMatchObject({ presence: "away", openChats: 2, canTakeMore: false, isMe: false });
    expect(list[2]).toMatchObject({ role: "owner", presence: "offline" });
    // A browser not seen for minutes is offline, whatever was chosen.
    await w.db
      .update(operatorPresence)
      .set({ lastSeenAt: sql`now() - interval '10 minutes'` })
      .where(eq(operatorPresence.userId, anna.userId));
    expect(
      (await assignableOperators(w.db, boris, bot.id)).find((o) => o.isMe === false && o.name === "Anna"),
    ).toMatchObject({ presence: "offline" });
    expect(await errorCode(() => assignableOperators(w.db, stranger, bot.id))).toBe("NOT_FOUND");
  });

  it("membersPresence: every member, offline until they connect", async () => {
    await setPresence(w.db, boris, "online");
    const list = await membersPresence(w.db, anna);
    expect(list.find((m) => m.userId === boris.userId)).toMatchObject({
      name: "Boris",
      role: "operator",
      status: "online",
      presence: "online",
      lastSeenAt: expect.any(Date),
    });
    expect(list.find((m) => m.userId === w.ownerId)).toMatchObject({
      status: "offline",
      presence: "offline",
      lastSeenAt: null,
    });
    expect((await membersPresence(w.db, stranger)).map((m) => m.userId)).toEqual([stranger.userId]);
  });
});
