import { contacts, conversations, leads, messages } from "@switchboard/db";
import { createLeadStep, flowDoc, freeInputStep, textStep } from "@switchboard/flow/testing";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openChat, openChats, rereadOpenedChat } from "../src/conversations/open-chat";
import { receiveFromUser, setBlockedByUser } from "../src/conversations/receive";
import { createWorld, ENV, type TestBot, telegramUser, type World } from "./fixtures";

let w: World;
beforeAll(async () => {
  w = await createWorld("core_receive");
});
afterAll(async () => {
  await w?.close();
});

const askFlow = () =>
  flowDoc(
    [
      textStep("hello", "Hello {{name}}!"),
      freeInputStep("ask", "Your email?", "email", {
        validation: { kind: "email" },
        retryText: "Not an email",
      }),
      textStep("done", "Saved {{vars.email}}"),
    ],
    [
      ["hello", "next", "ask"],
      ["ask", "next", "done"],
    ],
  );

const transcript = (conversationId: string) =>
  w.db
    .select({
      direction: messages.direction,
      seq: messages.seq,
      text: messages.text,
      stepId: messages.stepId,
      status: messages.deliveryStatus,
    })
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(asc(messages.createdAt), asc(messages.seq));

describe("receiveFromUser", () => {
  let bot: TestBot;
  let versionId: string;
  beforeAll(async () => {
    const published = await w.publish(askFlow());
    versionId = published.versionId;
    bot = await w.addBot({ flowId: published.flowId });
  });

  it("stores the message (seq 0), runs the flow and queues its messages after it, in order", async () => {
    const user = telegramUser("Ann");
    const result = await w.say(bot, user);
    expect(result.ran).toBe(true);
    expect(result.conversation).toMatchObject({
      botId: bot.id,
      chatId: user.id,
      status: "bot",
      currentStepId: "ask",
      flowVersionId: versionId,
    });
    expect(result.conversation.lastMessageAt).not.toBeNull();
    expect(await transcript(result.conversation.id)).toEqual([
      { direction: "in", seq: 0, text: "/start", stepId: null, status: "received" },
      { direction: "out", seq: 1, text: "Hello Ann!", stepId: "hello", status: "pending" },
      { direction: "out", seq: 2, text: "Your email?", stepId: "ask", status: "pending" },
    ]);

    const answered = await w.text(bot, user, "ann@example.com");
    expect(answered.conversation.currentStepId).toBe("done");
    expect((await transcript(answered.conversation.id)).slice(3)).toEqual([
      // The answer is stored with the step that asked.
      { direction: "in", seq: 0, text: "ann@example.com", stepId: "ask", status: "received" },
      { direction: "out", seq: 1, text: "Saved ann@example.com", stepId: "done", status: "pending" },
    ]);
  });

  it("one conversation and one contact per chat, however many messages", async () => {
    const user = telegramUser("Once");
    const first = await w.say(bot, user);
    const second = await w.text(bot, user, "not an email");
    expect(second.conversation.id).toBe(first.conversation.id);
    expect(second.conversation.contactId).toBe(first.conversation.contactId);
    expect(await w.db.select().from(contacts).where(eq(contacts.telegramUserId, user.id))).toHaveLength(1);
    expect((await w.outTexts(first.conversation.id)).at(-1)).toBe("Not an email");
  });

  it("a message rewrites neither the contact nor the conversation row; a new username, and last seen once a minute, are written", async () => {
    const user = telegramUser("Still", { username: "still_1" });
    const first = await w.say(bot, user);
    const versionOf = async () => {
      const rows = (await w.db.execute(sql`
        select (select xmin::text from contacts where id = ${first.conversation.contactId}) as contact,
               (select xmin::text from conversations where id = ${first.conversation.id}) as conversation`)) as unknown as {
        contact: string;
        conversation: string;
      }[];
      return rows[0]!;
    };
    const before = await versionOf();
    // Opening the chat again leaves both row versions alone (the flow's own save is the next statement,
    // so the conversation is compared inside the transaction, right after opening).
    const opened = await w.db.transaction(async (tx) => {
      await openChat(tx, {
        workspaceId: bot.workspaceId,
        botId: bot.id,
        chatId: user.id,
        from: user,
        inbound: { telegramMessageId: 2, text: "again", payload: {} },
      });
      const rows = (await tx.execute(sql`
        select (select xmin::text from contacts where id = ${first.conversation.contactId}) as contact,
               (select xmin::text from conversations where id = ${first.conversation.id}) as conversation`)) as unknown as {
        contact: string;
        conversation: string;
      }[];
      return rows[0]!;
    });
    expect(opened).toEqual(before);

    await w.say(bot, { ...user, username: "still_2" }, { type: "text", text: "hi" }, "hi");
    const [renamed] = await w.db.select().from(contacts).where(eq(contacts.id, first.conversation.contactId));
    expect(renamed!.username).toBe("still_2");

    await w.db
      .update(contacts)
      .set({ lastSeenAt: sql`now() - interval '10 minutes'` })
      .where(eq(contacts.id, first.conversation.contactId));
    await w.say(bot, { ...user, username: "still_2" }, { type: "text", text: "hi" }, "hi");
    const [seen] = await w.db.select().from(contacts).where(eq(contacts.id, first.conversation.contactId));
    expect(seen!.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("a change another transaction is committing to the conversation is what the next message reads", async () => {
    const user = telegramUser("Racer");
    const first = await w.say(bot, user);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let updated!: () => void;
    const isUpdated = new Promise<void>((resolve) => {
      updated = resolve;
    });
    // As a 403 recorded by a sender (markConversationBlocked), which does not take the chat's lock.
    const writer = w.db.transaction(async (tx) => {
      await tx
        .update(conversations)
        .set({ status: "blocked" })
        .where(eq(conversations.id, first.conversation.id));
      updated();
      await gate;
    });
    await isUpdated;
    const reading = w.text(bot, user, "hello?");
    // The message waits for the writer's row lock; reading the row as it was would undo the writer's change.
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await writer;
    const second = await reading;
    expect(second.conversation.status).toBe("blocked");
  });

  it("a deep link's payload is kept on the contact with its fields and a click id", async () => {
    const user = telegramUser("Deep");
    const result = await w.say(
      bot,
      user,
      { type: "start", payload: "utm_source-ads__utm_campaign-spring" },
      "/start x",
    );
    const [contact] = await w.db
      .select()
      .from(contacts)
      .where(eq(contacts.id, result.conversation.contactId));
    expect(contact!.tracker).toEqual({
      start: "utm_source-ads__utm_campaign-spring",
      utm_source: "ads",
      utm_campaign: "spring",
      clickid: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it("everything commits together or not at all", async () => {
    const user = telegramUser("Rollback");
    const rollback = new Error("rollback");
    await expect(
      w.db.transaction(async (tx) => {
        await receiveFromUser(
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
          ENV,
        );
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await w.db.select().from(contacts).where(eq(contacts.telegramUserId, user.id))).toEqual([]);
    expect(
      await w.db
        .select()
        .from(conversations)
        .where(and(eq(conversations.botId, bot.id), eq(conversations.chatId, user.id))),
    ).toEqual([]);
  });

  it("a new version without the step a conversation waits at: it starts over, keeping its variables", async () => {
    const { flowId } = await w.publish(askFlow());
    const versioned = await w.addBot({ flowId });
    const user = telegramUser("Moved");
    await w.say(versioned, user);
    await w.db
      .update(conversations)
      .set({
        state: {
          stepId: "ask",
          waiting: true,
          vars: { plan: "pro" },
          replyKeyboardShown: false,
          pending: null,
          seq: 3,
        },
      })
      .where(and(eq(conversations.botId, versioned.id), eq(conversations.chatId, user.id)));
    const { versionId: v2 } = await w.publish(
      flowDoc([textStep("welcome", "Welcome back, plan {{vars.plan}}")]),
      flowId,
    );
    const result = await w.text(versioned, user, "hello");
    expect(result.conversation.flowVersionId).toBe(v2);
    expect((await w.outTexts(result.conversation.id)).at(-1)).toBe("Welcome back, plan pro");
  });
});

describe("a bot without a published flow", () => {
  it("stores the message and answers a button press, but runs nothing", async () => {
    const bot = await w.addBot();
    const user = telegramUser("Early");
    const result = await w.say(bot, user, { type: "callback", data: "x", callbackQueryId: "cq-1" }, null);
    expect(result.ran).toBe(false);
    expect(result.callbackAnswers).toEqual([{ callbackQueryId: "cq-1" }]);
    const conversation = await w.conversationOf(bot.id, user.id);
    expect(conversation.lastMessageAt).not.toBeNull();
    expect(await transcript(conversation.id)).toEqual([
      { direction: "in", seq: 0, text: null, stepId: null, status: "received" },
    ]);
  });
});

describe("setBlockedByUser", () => {
  it("blocked, then unblocked: the status follows", async () => {
    const bot = await w.addBot();
    const user = telegramUser("Blocker");
    const conversation = await w.db.transaction((tx) =>
      setBlockedByUser(tx, bot, { chatId: user.id, from: user, blocked: true }),
    );
    expect((await w.conversation(conversation.id)).status).toBe("blocked");
    await w.db.transaction((tx) =>
      setBlockedByUser(tx, bot, { chatId: user.id, from: user, blocked: false }),
    );
    expect((await w.conversation(conversation.id)).status).toBe("bot");
  });
});

describe("create lead", () => {
  it("the step creates one lead on the contact, in the pipeline's first stage, owned by the contact's owner", async () => {
    const { flowId } = await w.publish(
      flowDoc(
        [
          freeInputStep("need", "What do you need?", "need"),
          createLeadStep("lead", {
            title: "{{name}}: {{vars.need}}",
            tags: ["telegram"],
            owner: { kind: "contact_owner" },
            text: "We'll call you",
          }),
        ],
        [["need", "next", "lead"]],
      ),
    );
    const bot = await w.addBot({ flowId });
    const user = telegramUser("Max");
    const first = await w.say(bot, user);
    await w.db
      .update(contacts)
      .set({ ownerUserId: w.ownerId })
      .where(eq(contacts.id, first.conversation.contactId));
    await w.text(bot, user, "A website");
    const rows = await w.db.select().from(leads).where(eq(leads.conversationId, first.conversation.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      title: "Max: A website",
      tags: ["telegram"],
      source: "flow",
      botId: bot.id,
      flowId,
      stepId: "lead",
      contactId: first.conversation.contactId,
      ownerUserId: w.ownerId,
    });
    expect((await w.outTexts(first.conversation.id)).at(-1)).toBe("We'll call you");
  });
});

describe("openChats (the runtime opens a batch's chats together)", () => {
  const inbound = (text: string) => ({ telegramMessageId: 7, text, payload: { text } });

  it("one statement: a person writing to two bots is one contact, new and existing conversations, answers in order", async () => {
    const { flowId } = await w.publish(askFlow());
    const [botA, botB] = [await w.addBot({ flowId }), await w.addBot({ flowId })];
    const known = telegramUser("Known");
    const stranger = telegramUser("Stranger");
    const before = await w.say(botA, known);
    const opened = await w.db.transaction((tx) =>
      openChats(tx, [
        {
          workspaceId: w.workspaceId,
          botId: botB.id,
          chatId: known.id,
          from: known,
          inbound: inbound("to B"),
        },
        {
          workspaceId: w.workspaceId,
          botId: botA.id,
          chatId: known.id,
          from: known,
          inbound: inbound("to A"),
        },
        {
          workspaceId: w.workspaceId,
          botId: botA.id,
          chatId: stranger.id,
          from: stranger,
          inbound: inbound("new"),
        },
      ]),
    );
    expect(opened.map((o) => [o.conversation.botId, o.conversation.chatId])).toEqual([
      [botB.id, known.id],
      [botA.id, known.id],
      [botA.id, stranger.id],
    ]);
    expect(opened[1]!.conversation.id).toBe(before.conversation.id);
    expect(opened[0]!.contact.id).toBe(before.conversation.contactId);
    expect(opened[0]!.conversation.contactId).toBe(before.conversation.contactId);
    expect(opened[2]!.contact).toMatchObject({ telegramUserId: stranger.id, firstName: "Stranger" });
    expect(opened.every((o) => o.behaviour?.published?.flowId === flowId)).toBe(true);
    // Each inbound message is recorded in its own conversation, at the step it waits at.
    const recorded = await w.db
      .select({
        id: messages.id,
        conversationId: messages.conversationId,
        text: messages.text,
        stepId: messages.stepId,
      })
      .from(messages)
      .where(
        inArray(
          messages.id,
          opened.map((o) => o.messageId),
        ),
      );
    expect(new Map(recorded.map((m) => [m.id, [m.conversationId, m.text, m.stepId]]))).toEqual(
      new Map([
        [opened[0]!.messageId, [opened[0]!.conversation.id, "to B", null]],
        [opened[1]!.messageId, [before.conversation.id, "to A", "ask"]],
        [opened[2]!.messageId, [opened[2]!.conversation.id, "new", null]],
      ]),
    );
  });

  it("a chat that changes a contact says so, and a chat opened before it reads the change again", async () => {
    const { flowId: phoneFlow } = await w.publish(
      flowDoc([{ id: "phone", type: "update_contact", config: { text: "Phone?", addTags: ["has-phone"] } }]),
    );
    const phoneBot = await w.addBot({ flowId: phoneFlow });
    const { flowId: askFlowId } = await w.publish(askFlow());
    const askBot = await w.addBot({ flowId: askFlowId });
    const user = telegramUser("Twice");
    await w.say(phoneBot, user);
    await w.say(askBot, user);
    const outcome = await w.db.transaction(async (tx) => {
      const [toPhoneBot, toAskBot] = await openChats(tx, [
        {
          workspaceId: w.workspaceId,
          botId: phoneBot.id,
          chatId: user.id,
          from: user,
          inbound: inbound("phone"),
        },
        {
          workspaceId: w.workspaceId,
          botId: askBot.id,
          chatId: user.id,
          from: user,
          inbound: inbound("a@b.co"),
        },
      ]);
      const phoneEvent = { type: "contact" as const, phone: "+15550001234", own: true };
      const changed = await receiveFromUser(
        tx,
        phoneBot,
        { chatId: user.id, from: user, event: phoneEvent, text: null, telegramMessageId: 7, payload: {} },
        ENV,
        { opened: toPhoneBot! },
      );
      const reread = await rereadOpenedChat(tx, toAskBot!);
      const plain = await receiveFromUser(
        tx,
        askBot,
        {
          chatId: user.id,
          from: user,
          event: { type: "text", text: "a@b.co" },
          text: "a@b.co",
          telegramMessageId: 7,
          payload: {},
        },
        ENV,
        { opened: reread },
      );
      return { changed, plain, stale: toAskBot!.contact.tags, fresh: reread.contact.tags };
    });
    expect(outcome.changed.reachedBeyondChat).toBe(true);
    expect(outcome.plain.reachedBeyondChat).toBe(false);
    expect(outcome.stale).not.toContain("has-phone");
    expect(outcome.fresh).toContain("has-phone");
    expect(outcome.plain.conversation.currentStepId).toBe("done");
  });

  it("refuses a chat opened for another chat", async () => {
    const { flowId } = await w.publish(askFlow());
    const bot = await w.addBot({ flowId });
    const [ann, bob] = [telegramUser("Ann"), telegramUser("Bob")];
    await expect(
      w.db.transaction(async (tx) => {
        const [forAnn] = await openChats(tx, [
          { workspaceId: w.workspaceId, botId: bot.id, chatId: ann.id, from: ann, inbound: inbound("hi") },
        ]);
        return receiveFromUser(
          tx,
          bot,
          {
            chatId: bob.id,
            from: bob,
            event: { type: "text", text: "hi" },
            text: "hi",
            telegramMessageId: 7,
            payload: {},
          },
          ENV,
          { opened: forAnn! },
        );
      }),
    ).rejects.toThrow("the opened chat is another chat");
  });
});
