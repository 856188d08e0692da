import {
  closeConversation,
  completeLogin,
  joinOperatorPool,
  LocalFileStorage,
  replyAsOperator,
  returnToBot,
  saveUpload,
  takeConversation,
} from "@switchboard/core";
import { contacts, conversations, leads, messages, operatorQueue, timers } from "@switchboard/db";
import {
  createLeadStep,
  flowDoc,
  freeInputStep,
  loginStep,
  media,
  routeStep,
  scheduleStep,
  textStep,
  updateContactStep,
} from "@switchboard/flow/testing";
import type { SandboxUser } from "@switchboard/telegram-sandbox";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_BASE_URL, createHarness, eventually, type Harness, makeUser } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const core = { adminBaseUrl: ADMIN_BASE_URL };
const owner = () => ({ workspaceId: h.workspaceId, userId: h.userId, role: "owner" as const });

/** The bot's texts in the chat (captions for media), in order. */
const botTexts = async (token: string, chatId: number) =>
  (await h.client.getMessages({ token, chatId }))
    .filter((m) => m.from_bot)
    .map((m) => m.text ?? m.caption ?? "");

/** Waits until the bot has sent `texts` (in this order) as its latest messages. */
async function expectBotSaid(token: string, user: SandboxUser, texts: string[], timeoutMs = 15_000) {
  await eventually(
    async () => {
      const all = await botTexts(token, user.id);
      return JSON.stringify(all.slice(-texts.length)) === JSON.stringify(texts) ? all : undefined;
    },
    timeoutMs,
    `the bot to say ${JSON.stringify(texts)}`,
  );
}

async function conversationOf(botId: string, chatId: number) {
  const [row] = await h.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.botId, botId), eq(conversations.chatId, chatId)));
  return row!;
}

describe("update contact: phone, merged by phone", () => {
  it("a shared phone that an older contact already has merges the two; the older survives with everything", async () => {
    const flowId = await h.publish(
      flowDoc(
        [
          updateContactStep("phone", "Your phone?", {
            addTags: ["has-phone"],
            confirmText: "Thanks, {{name}}!",
          }),
          textStep("done", "All set"),
        ],
        [["phone", "next", "done"]],
      ),
    );
    const bot = await h.addBot({ flowId });
    // The same person, known before (e.g. entered by hand), with a lead and a tag.
    const [older] = await h.db
      .insert(contacts)
      .values({
        workspaceId: h.workspaceId,
        firstName: "Olena",
        phone: "+380501112233",
        tags: ["vip"],
        fields: { plan: "pro" },
        createdAt: new Date("2025-01-01T00:00:00Z"),
      })
      .returning();
    await h.db.execute(
      sql`insert into lead_stages (workspace_id, name, position) values (${h.workspaceId}, 'New', 0)`,
    );
    const [stage] = (await h.db.execute(
      sql`select id from lead_stages where workspace_id = ${h.workspaceId} limit 1`,
    )) as unknown as { id: string }[];
    await h.db.insert(leads).values({
      workspaceId: h.workspaceId,
      contactId: older!.id,
      title: "Old deal",
      stageId: stage!.id,
      source: "manual",
    });
    await h.startRuntime();
    const user = makeUser("Lena");

    await h.client.start({ token: bot.token, from: user });
    await expectBotSaid(bot.token, user, ["Your phone?"]);
    const [asked] = (await h.client.getMessages({ token: bot.token, chatId: user.id })).filter(
      (m) => m.from_bot,
    );
    expect(asked!.reply_markup).toMatchObject({
      keyboard: [[{ text: "📱 Share my phone number", request_contact: true }]],
    });

    // Somebody else's card is not accepted.
    await h.client.sendContact({
      token: bot.token,
      from: user,
      contact: { phone_number: "380509999999", first_name: "Other", user_id: user.id + 1 },
    });
    await expectBotSaid(bot.token, user, ["That doesn't look right. Please try again."]);

    await h.client.tapContactButton({ token: bot.token, from: user, phoneNumber: "380501112233" });
    await expectBotSaid(bot.token, user, ["Thanks, Lena!", "All set"]);

    const rows = await h.db.select().from(contacts).where(eq(contacts.workspaceId, h.workspaceId));
    const withPhone = rows.filter((c) => c.phone === "+380501112233");
    expect(withPhone.map((c) => c.id)).toEqual([older!.id]);
    const survivor = withPhone[0]!;
    expect(survivor.telegramUserId).toBe(user.id);
    expect(survivor.tags.sort()).toEqual(["has-phone", "vip"]);
    expect(survivor.fields).toEqual({ plan: "pro" });
    expect(survivor.firstName).toBe("Lena");
    // The newer contact is now only a pointer (its Telegram user moved to the survivor, which had none);
    // the conversation and the lead live on the survivor.
    const pointers = rows.filter((c) => c.mergedIntoId === older!.id);
    expect(pointers).toHaveLength(1);
    expect(pointers[0]!.telegramUserId).toBeNull();
    const conversation = await conversationOf(bot.id, user.id);
    expect(conversation.contactId).toBe(older!.id);
    const ownLeads = await h.db.select().from(leads).where(eq(leads.contactId, older!.id));
    expect(ownLeads.map((l) => l.title)).toEqual(["Old deal"]);

    // The next message still finds the survivor: it is the contact seen again (last_seen_at moves at
    // most once a minute, so the survivor is made to look unseen for ten).
    await h.db
      .update(contacts)
      .set({ lastSeenAt: sql`now() - interval '10 minutes'` })
      .where(eq(contacts.id, older!.id));
    const before = new Date(Date.now() - 60_000);
    await h.client.sendText({ token: bot.token, from: user, text: "hello again" });
    await eventually(async () => {
      const [c] = await h.db.select().from(contacts).where(eq(contacts.id, older!.id));
      return c!.lastSeenAt > before ? c : undefined;
    });
  });

  it("two Telegram users with one phone become one contact, the second pointing at the first", async () => {
    const flowId = await h.publish(
      flowDoc([updateContactStep("phone", "Phone?"), textStep("ok", "OK")], [["phone", "next", "ok"]]),
    );
    const bot = await h.addBot({ flowId });
    await h.startRuntime();
    const [first, second] = [makeUser("First"), makeUser("Second")];
    for (const u of [first, second]) {
      await h.client.start({ token: bot.token, from: u });
      await expectBotSaid(bot.token, u, ["Phone?"]);
      await h.client.tapContactButton({ token: bot.token, from: u, phoneNumber: "+15550001111" });
      await expectBotSaid(bot.token, u, ["OK"]);
    }
    const rows = await h.db.select().from(contacts).where(eq(contacts.phone, "+15550001111"));
    expect(rows).toHaveLength(1);
    const [pointer] = await h.db.select().from(contacts).where(eq(contacts.telegramUserId, second.id));
    expect(pointer!.mergedIntoId).toBe(rows[0]!.id);
    expect((await conversationOf(bot.id, second.id)).contactId).toBe(rows[0]!.id);
  });
});

describe("create lead", () => {
  it("creates the lead with its source and the conversation's transcript", async () => {
    const flowId = await h.publish(
      flowDoc(
        [
          freeInputStep("need", "What do you need?", "need"),
          createLeadStep("lead", {
            title: "{{name}}: {{vars.need}}",
            tags: ["telegram"],
            text: "We'll call you",
          }),
          textStep("bye", "Bye"),
        ],
        [
          ["need", "next", "lead"],
          ["lead", "next", "bye"],
        ],
      ),
    );
    const bot = await h.addBot({ flowId });
    await h.startRuntime();
    const user = makeUser("Max");
    await h.client.start({ token: bot.token, from: user });
    await expectBotSaid(bot.token, user, ["What do you need?"]);
    await h.client.sendText({ token: bot.token, from: user, text: "A website" });
    await expectBotSaid(bot.token, user, ["We'll call you", "Bye"]);

    const conversation = await conversationOf(bot.id, user.id);
    const [lead] = await h.db.select().from(leads).where(eq(leads.conversationId, conversation.id));
    expect(lead).toMatchObject({
      title: "Max: A website",
      tags: ["telegram"],
      source: "flow",
      botId: bot.id,
      flowId,
      stepId: "lead",
      contactId: conversation.contactId,
    });
    const transcript = await h.db
      .select({ direction: messages.direction, text: messages.text })
      .from(messages)
      .where(eq(messages.conversationId, lead!.conversationId!))
      .orderBy(asc(messages.createdAt), asc(messages.seq));
    expect(transcript.map((m) => m.text)).toEqual([
      "/start",
      "What do you need?",
      "A website",
      "We'll call you",
      "Bye",
    ]);
  });
});

describe("route to operator through the core", () => {
  const operatorFlow = () =>
    flowDoc(
      [
        textStep("hi", "Hi"),
        routeStep("r", "Connecting you…"),
        textStep("none", "Nobody's here"),
        textStep("back", "The bot is back"),
      ],
      [
        ["hi", "next", "r"],
        ["r", "no_operator", "none"],
        ["r", "returned", "back"],
      ],
    );

  it("nobody in the bot's pool: the no-operator text and the no_operator output", async () => {
    const bot = await h.addBot({ flowId: await h.publish(operatorFlow()) });
    await h.startRuntime();
    const user = makeUser("Solo");
    await h.client.start({ token: bot.token, from: user });
    await expectBotSaid(bot.token, user, [
      "Hi",
      "Connecting you…",
      "Sorry, no operator available",
      "Nobody's here",
    ]);
    expect((await conversationOf(bot.id, user.id)).status).toBe("bot");
  });

  it("waits in the queue, an operator takes it, replies, the user's messages reach the inbox, and it returns to the bot", async () => {
    const bot = await h.addBot({ flowId: await h.publish(operatorFlow()) });
    await joinOperatorPool(h.db, owner(), bot.id);
    await h.startRuntime();
    const user = makeUser("Kim");
    await h.client.start({ token: bot.token, from: user });
    await expectBotSaid(bot.token, user, ["Hi", "Connecting you…"]);
    const conversation = await conversationOf(bot.id, user.id);
    expect(conversation.status).toBe("operator");
    const [queued] = await h.db
      .select()
      .from(operatorQueue)
      .where(eq(operatorQueue.conversationId, conversation.id));
    expect(queued).toMatchObject({ botId: bot.id, stepId: "r" });

    await takeConversation(h.db, owner(), conversation.id, core);
    await expectBotSaid(bot.token, user, [
      "Connected to chat. Please start messaging!",
      "If you would like to end your consultation Press: /end",
    ]);
    await replyAsOperator(h.db, owner(), conversation.id, "Hello, I'm Anna. How can I help?");
    await expectBotSaid(bot.token, user, ["Hello, I'm Anna. How can I help?"]);
    // The user can read it a moment before the runtime has recorded it as sent: wait for the mark.
    await eventually(async () => {
      const [reply] = await h.db
        .select()
        .from(messages)
        .where(
          and(
            eq(messages.conversationId, conversation.id),
            eq(messages.text, "Hello, I'm Anna. How can I help?"),
          ),
        );
      expect(reply).toMatchObject({
        direction: "out",
        senderUserId: h.userId,
        deliveryStatus: "sent",
        stepId: null,
      });
      return true;
    });

    // While an operator has it, the flow stays silent; the message is stored for the inbox.
    const asked = await h.client.sendText({ token: bot.token, from: user, text: "I need a refund" });
    await eventually(async () => {
      const [m] = await h.db
        .select()
        .from(messages)
        .where(and(eq(messages.conversationId, conversation.id), eq(messages.text, "I need a refund")));
      return m;
    });
    expect(
      (
        await h.client.getMessages({ token: bot.token, chatId: user.id, afterMessageId: asked.message_id })
      ).filter((m) => m.from_bot),
    ).toEqual([]);

    await returnToBot(h.db, owner(), conversation.id, undefined, core);
    await expectBotSaid(bot.token, user, ["The bot is back"]);
    const after = await conversationOf(bot.id, user.id);
    expect(after.status).toBe("bot");
    expect(after.currentStepId).toBe("back");
  });

  it("/end from the user closes it with the completed text; the next message starts the flow again", async () => {
    const bot = await h.addBot({ flowId: await h.publish(operatorFlow()) });
    await joinOperatorPool(h.db, owner(), bot.id);
    await h.startRuntime();
    const user = makeUser("Ends");
    await h.client.start({ token: bot.token, from: user });
    await expectBotSaid(bot.token, user, ["Hi", "Connecting you…"]);
    await h.client.sendText({ token: bot.token, from: user, text: "/end" });
    await expectBotSaid(bot.token, user, ["Consultation completed"]);
    const conversation = await conversationOf(bot.id, user.id);
    expect(conversation.status).toBe("closed");
    expect(
      await h.db.select().from(operatorQueue).where(eq(operatorQueue.conversationId, conversation.id)),
    ).toEqual([]);
    await h.client.sendText({ token: bot.token, from: user, text: "hello" });
    await expectBotSaid(bot.token, user, ["Hi", "Connecting you…"]);
  });

  it("the operator closes it: the completed text, status closed", async () => {
    const bot = await h.addBot({ flowId: await h.publish(operatorFlow()) });
    await joinOperatorPool(h.db, owner(), bot.id);
    await h.startRuntime();
    const user = makeUser("Closed");
    await h.client.start({ token: bot.token, from: user });
    await expectBotSaid(bot.token, user, ["Hi", "Connecting you…"]);
    const conversation = await conversationOf(bot.id, user.id);
    await takeConversation(h.db, owner(), conversation.id, core);
    await closeConversation(h.db, owner(), conversation.id, core);
    await expectBotSaid(bot.token, user, ["Consultation completed"]);
    expect((await conversationOf(bot.id, user.id)).status).toBe("closed");
  });
});

describe("durable timers", () => {
  const dueNow = (where: ReturnType<typeof sql>) =>
    h.db.execute(sql`update timers set fire_at = now() where ${where}`);

  it("a step's timeout fires after the runtime was down when it fell due", async () => {
    const flowId = await h.publish(
      flowDoc(
        [
          freeInputStep("q", "Your email?", "email", { timeout: { amount: 1, unit: "days" } }),
          textStep("late", "Still there?"),
        ],
        [["q", "timeout", "late"]],
      ),
    );
    const bot = await h.addBot({ flowId });
    const first = await h.startRuntime();
    const user = makeUser("Sleepy");
    await h.client.start({ token: bot.token, from: user });
    await expectBotSaid(bot.token, user, ["Your email?"]);
    const conversation = await conversationOf(bot.id, user.id);
    const [timer] = await h.db.select().from(timers).where(eq(timers.conversationId, conversation.id));
    expect(timer!.fireAt.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);

    await first.stop();
    // A day passes while no runtime runs.
    await dueNow(sql`conversation_id = ${conversation.id}`);
    await h.startRuntime();
    await expectBotSaid(bot.token, user, ["Still there?"]);
    const [fired] = await h.db.select().from(timers).where(eq(timers.id, timer!.id));
    expect(fired!.firedAt).not.toBeNull();
  });

  it("an answer in time cancels the timeout", async () => {
    const flowId = await h.publish(
      flowDoc(
        [
          freeInputStep("q", "Your email?", "email", { timeout: { amount: 1, unit: "minutes" } }),
          textStep("ok", "Got it"),
          textStep("late", "Still there?"),
        ],
        [
          ["q", "next", "ok"],
          ["q", "timeout", "late"],
        ],
      ),
    );
    const bot = await h.addBot({ flowId });
    await h.startRuntime();
    const user = makeUser("Quick");
    await h.client.start({ token: bot.token, from: user });
    await expectBotSaid(bot.token, user, ["Your email?"]);
    await h.client.sendText({ token: bot.token, from: user, text: "me@example.com" });
    await expectBotSaid(bot.token, user, ["Got it"]);
    const conversation = await conversationOf(bot.id, user.id);
    const [timer] = await h.db.select().from(timers).where(eq(timers.conversationId, conversation.id));
    expect(timer!.cancelledAt).not.toBeNull();
  });

  it("a schedule run reaches every subscriber exactly once with two runtimes, and the next run is scheduled", async () => {
    const flowId = await h.publish(
      flowDoc(
        [
          textStep("hi", "Subscribed"),
          scheduleStep("tip", "Tip of the day", {
            startAt: "2030-01-01T09:00",
            repeat: { kind: "interval", every: 1, unit: "days" },
          }),
          textStep("after", "See you"),
        ],
        [
          ["hi", "next", "tip"],
          ["tip", "next", "after"],
        ],
      ),
    );
    const bot = await h.addBot({ flowId });
    await h.startRuntime();
    await h.startRuntime();
    const users = [makeUser("A"), makeUser("B"), makeUser("C")];
    for (const u of users) {
      await h.client.start({ token: bot.token, from: u });
      await expectBotSaid(bot.token, u, ["Subscribed"]);
    }
    const [run] = await eventually(async () => {
      const rows = await h.db
        .select()
        .from(timers)
        .where(and(eq(timers.botId, bot.id), eq(timers.kind, "schedule")));
      return rows.length ? rows : undefined;
    });
    expect(run!.fireAt.toISOString()).toBe("2030-01-01T09:00:00.000Z");
    await dueNow(sql`id = ${run!.id}`);
    for (const u of users) await expectBotSaid(bot.token, u, ["Tip of the day", "See you"]);

    await new Promise((r) => setTimeout(r, 1500)); // time for a duplicate to show up, if there were one
    for (const u of users)
      expect(await botTexts(bot.token, u.id)).toEqual(["Subscribed", "Tip of the day", "See you"]);
    const runs = await h.db
      .select()
      .from(timers)
      .where(and(eq(timers.botId, bot.id), eq(timers.kind, "schedule_run")));
    expect(runs).toHaveLength(3);
    expect(runs.every((r) => r.firedAt !== null)).toBe(true);
    const next = await h.db
      .select()
      .from(timers)
      .where(and(eq(timers.botId, bot.id), eq(timers.kind, "schedule"), sql`fired_at is null`));
    expect(next.map((t) => t.fireAt.toISOString())).toEqual(["2030-01-02T09:00:00.000Z"]);
    const [fired] = await h.db
      .select()
      .from(timers)
      .where(and(eq(timers.id, run!.id), isNotNull(timers.firedAt)));
    expect((fired!.payload as { subscribers: number }).subscribers).toBe(3);
  });
});

describe("login", () => {
  it("the one-time link logs the member in: success text, the contact is linked, the link can't be used twice", async () => {
    const flowId = await h.publish(
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
    );
    const bot = await h.addBot({ flowId });
    await h.startRuntime();
    const user = makeUser("Member");
    await h.client.start({ token: bot.token, from: user });
    await expectBotSaid(bot.token, user, ["Log in to see your orders"]);
    const [message] = (await h.client.getMessages({ token: bot.token, chatId: user.id })).filter(
      (m) => m.from_bot,
    );
    const button = (message!.reply_markup as { inline_keyboard: { text: string; url: string }[][] })
      .inline_keyboard[0]![0]!;
    expect(button.text).toBe("🔐 Log in");
    const token = new URL(button.url).pathname.split("/").pop()!;
    expect(button.url).toBe(`${ADMIN_BASE_URL}/telegram-login/${token}`);

    expect(await completeLogin(h.db, { token, accept: true, userId: h.userId }, core)).toBe("linked");
    await expectBotSaid(bot.token, user, ["You're logged in ✅", "Your orders: none"]);
    const conversation = await conversationOf(bot.id, user.id);
    const [contact] = await h.db.select().from(contacts).where(eq(contacts.id, conversation.contactId));
    expect(contact!.linkedUserId).toBe(h.userId);
    expect(await completeLogin(h.db, { token, accept: true, userId: h.userId }, core)).toBe("linked");
    await new Promise((r) => setTimeout(r, 500));
    expect((await botTexts(bot.token, user.id)).filter((t) => t === "You're logged in ✅")).toHaveLength(1);
  });
});

describe("media", () => {
  // A 1×1 PNG.
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  );

  it("a photo is uploaded the first time and sent by Telegram's file_id after that", async () => {
    const photo = await saveUpload(h.db, new LocalFileStorage(h.filesDir), {
      workspaceId: h.workspaceId,
      userId: h.userId,
      name: "menu.png",
      mimeType: "image/png",
      bytes: png,
    });
    expect(photo).toMatchObject({ kind: "photo", name: "menu.png", size: png.length });
    const flowId = await h.publish(
      flowDoc([{ ...textStep("menu", ""), config: { text: "Our menu", media: { ...media(), ...photo } } }]),
    );
    const bot = await h.addBot({ flowId });
    await h.startRuntime();
    const [first, second] = [makeUser("P1"), makeUser("P2")];
    for (const u of [first, second]) {
      await h.client.start({ token: bot.token, from: u });
      await expectBotSaid(bot.token, u, ["Our menu"]);
    }
    const sent = async (u: SandboxUser) =>
      (await h.client.getMessages({ token: bot.token, chatId: u.id })).find((m) => m.from_bot)!.media!;
    expect(await sent(first)).toMatchObject({ kind: "photo", source: "upload" });
    expect(await sent(second)).toMatchObject({ kind: "photo", source: "file_id" });
  });
});
