import { bots, conversations, messages, processedUpdates } from "@switchboard/db";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, eventually, type Harness, makeUser, postWebhookUpdate } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const botTexts = async (token: string, chatId: number) =>
  (await h.client.getMessages({ token, chatId })).filter((m) => m.from_bot).map((m) => m.text);

describe("a conversation through the sandbox (long polling)", () => {
  it("runs text -> buttons -> free input with validation, stores the transcript and state", async () => {
    const flowId = await h.publish();
    const bot = await h.addBot({ flowId });
    await h.startRuntime();
    const user = makeUser("Ann");

    await h.client.start({ token: bot.token, from: user });
    const first = await h.client.waitForBotMessages({
      token: bot.token,
      chatId: user.id,
      count: 2,
      timeoutMs: 15_000,
    });
    expect(first.map((m) => m.text)).toEqual(["Hello Ann!", "Pick one"]);
    const menu = first[1]!;
    const markup = menu.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] };
    expect(markup.inline_keyboard.map((r) => r[0]!.text)).toEqual(["Leave email", "Info"]);

    await h.client.pressInlineButton({
      token: bot.token,
      from: user,
      messageId: menu.message_id,
      callbackData: markup.inline_keyboard[0]![0]!.callback_data,
    });
    await h.client.waitForBotMessages({
      token: bot.token,
      chatId: user.id,
      count: 1,
      afterMessageId: menu.message_id,
    });
    const asked = await eventually(async () => {
      const all = await h.client.getMessages({ token: bot.token, chatId: user.id });
      return all.at(-1)?.text === "Your email?" ? all.at(-1) : undefined;
    });

    const wrong = await h.client.sendText({ token: bot.token, from: user, text: "not an email" });
    const retry = await h.client.waitForBotMessages({
      token: bot.token,
      chatId: user.id,
      count: 1,
      afterMessageId: wrong.message_id,
    });
    expect(retry[0]!.text).toBe("Not an email");

    const right = await h.client.sendText({ token: bot.token, from: user, text: "Ann@Example.com" });
    const saved = await h.client.waitForBotMessages({
      token: bot.token,
      chatId: user.id,
      count: 1,
      afterMessageId: right.message_id,
    });
    expect(saved[0]!.text).toBe("Saved ann@example.com");
    expect(asked!.text).toBe("Your email?");

    // The answerCallbackQuery was sent for the press.
    const answers = await h.client.getCalls({ token: bot.token, method: "answerCallbackQuery" });
    expect(answers.length).toBe(1);

    const [conv] = await h.db.select().from(conversations).where(eq(conversations.botId, bot.id));
    expect(conv!.status).toBe("bot");
    expect(conv!.currentStepId).toBe("done");
    expect((conv!.state as { vars: Record<string, string> }).vars).toEqual({ email: "ann@example.com" });

    const transcript = await h.db
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conv!.id))
      .orderBy(asc(messages.createdAt), asc(messages.seq));
    expect(transcript.map((m) => [m.direction, m.text])).toEqual([
      ["in", "/start"],
      ["out", "Hello Ann!"],
      ["out", "Pick one"],
      ["in", null],
      ["out", "Your email?"],
      ["in", "not an email"],
      ["out", "Not an email"],
      ["in", "Ann@Example.com"],
      ["out", "Saved ann@example.com"],
    ]);
    // The user can read the last reply a moment before the runtime has recorded it as sent.
    await eventually(async () => {
      const out = await h.db
        .select()
        .from(messages)
        .where(and(eq(messages.conversationId, conv!.id), eq(messages.direction, "out")));
      return out.every((m) => m.deliveryStatus === "sent" && (m.telegramMessageId ?? 0) > 0);
    });
  });

  it("jumps by alias from anywhere and keeps collected variables", async () => {
    const flowId = await h.publish();
    const bot = await h.addBot({ flowId });
    await h.startRuntime();
    const user = makeUser("Bo");
    await h.client.start({ token: bot.token, from: user });
    await h.client.waitForBotMessages({ token: bot.token, chatId: user.id, count: 2 });
    const reply = await h.repliesTo(bot.token, user, "/help");
    expect(reply[0]!.text).toBe("Info: none");
  });

  it("round-trips hostile text: HTML, emoji and 10,000 characters split at Telegram's limit", async () => {
    const flowId = await h.publish({
      format: "switchboard.flow",
      version: 1,
      entryStepId: "ask",
      steps: [
        {
          id: "ask",
          type: "free_input",
          title: "",
          position: { x: 0, y: 0 },
          aliases: [],
          config: {
            text: "Say something",
            variable: "said",
            validation: { kind: "any" },
            retryText: "again",
          },
        },
        {
          id: "echo",
          type: "text",
          title: "",
          position: { x: 0, y: 0 },
          aliases: [],
          config: { text: "You said: {{vars.said}}" },
        },
      ],
      edges: [{ id: "e", source: "ask", sourceHandle: "next", target: "echo" }],
    });
    const bot = await h.addBot({ flowId });
    await h.startRuntime();
    const user = makeUser("Eve");
    await h.client.start({ token: bot.token, from: user });
    await h.client.waitForBotMessages({ token: bot.token, chatId: user.id, count: 1 });
    const hostile = `<b>bold</b> <script>alert(1)</script> & "quotes" 🎉👩‍👩‍👧 ${"x".repeat(10_000)} end`;
    const parts = await h.repliesTo(bot.token, user, hostile.slice(0, 4096), { count: 2 });
    const echoed = parts.map((m) => m.text).join("");
    expect(echoed).toBe(`You said: ${hostile.slice(0, 4096)}`);
    for (const p of parts) expect(p.text!.length).toBeLessThanOrEqual(4096);
  });
});

describe("publishing", () => {
  it("a newly chosen flow applies to the very next update, without restarting the bot", async () => {
    const first = await h.publish();
    const bot = await h.addBot({ flowId: first });
    await h.startRuntime();
    const user = makeUser("Sw");
    await h.client.start({ token: bot.token, from: user });
    await h.client.waitForBotMessages({ token: bot.token, chatId: user.id, count: 2 });

    const second = await h.publish({
      format: "switchboard.flow",
      version: 1,
      entryStepId: "only",
      steps: [
        {
          id: "only",
          type: "text",
          title: "",
          position: { x: 0, y: 0 },
          aliases: [],
          config: { text: "Version two" },
        },
      ],
      edges: [],
    });
    await h.db.update(bots).set({ entryFlowId: second }).where(eq(bots.id, bot.id));
    const sent = await h.client.start({ token: bot.token, from: user });
    const reply = await h.client.waitForBotMessages({
      token: bot.token,
      chatId: user.id,
      count: 1,
      afterMessageId: sent.message_id,
    });
    expect(reply[0]!.text).toBe("Version two");
  });
});

describe("delivery guarantees", () => {
  it("processes a redelivered update once (webhook retry / duplicate update_id)", async () => {
    const flowId = await h.publish();
    const bot = await h.addBot({ flowId, mode: "webhook" });
    const rt = await h.startRuntime({ webhookBaseUrl: "http://127.0.0.1:0" });
    await eventually(async () => rt.supervisor.runner(bot.id), 10_000, "runner");
    const user = makeUser("Dup");
    const update = {
      update_id: 4242,
      message: {
        message_id: 1,
        date: 0,
        from: { id: user.id, is_bot: false, first_name: "Dup" },
        chat: { id: user.id, type: "private" },
        text: "/start",
      },
    };
    const post = (secret: string) => postWebhookUpdate(rt.port, bot.id, secret, update);
    expect((await post("wrong-secret")).status).toBe(401);
    // The user must exist in the sandbox for the bot's replies to have a chat.
    await h.client.sendText({ token: bot.token, from: user, text: "hi" }).catch(() => {});
    expect((await post(bot.webhookSecret)).status).toBe(200);
    expect((await post(bot.webhookSecret)).status).toBe(200);
    await eventually(async () => {
      const [row] = await h.db
        .select()
        .from(processedUpdates)
        .where(and(eq(processedUpdates.botId, bot.id), eq(processedUpdates.updateId, 4242)));
      return row?.processedAt ? row : undefined;
    });
    const [conv] = await h.db.select().from(conversations).where(eq(conversations.botId, bot.id));
    const inbound = await h.db
      .select()
      .from(messages)
      .where(
        and(
          eq(messages.conversationId, conv!.id),
          eq(messages.direction, "in"),
          eq(messages.telegramMessageId, 1),
        ),
      );
    expect(inbound).toHaveLength(1);
  });

  it("waits retry_after on 429 and still delivers, in order", async () => {
    const flowId = await h.publish();
    const bot = await h.addBot({ flowId });
    await h.startRuntime();
    const user = makeUser("Rl");
    await h.client.failNext({
      token: bot.token,
      method: "sendMessage",
      errorCode: 429,
      retryAfter: 1,
      count: 1,
    });
    const started = Date.now();
    await h.client.start({ token: bot.token, from: user });
    const msgs = await h.client.waitForBotMessages({
      token: bot.token,
      chatId: user.id,
      count: 2,
      timeoutMs: 15_000,
    });
    expect(msgs.map((m) => m.text)).toEqual(["Hello Rl!", "Pick one"]);
    const calls = await h.client.getCalls({ token: bot.token, method: "sendMessage" });
    expect(calls.filter((c) => c.error_code === 429)).toHaveLength(1);
    const failedAt = calls.find((c) => c.error_code === 429)!.at;
    const retriedAt = calls.find((c) => c.ok)!.at;
    expect(retriedAt - failedAt).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("marks a conversation blocked when the user blocks the bot", async () => {
    const flowId = await h.publish();
    const bot = await h.addBot({ flowId });
    await h.startRuntime();
    const user = makeUser("Bl");
    await h.client.start({ token: bot.token, from: user });
    await h.client.waitForBotMessages({ token: bot.token, chatId: user.id, count: 2 });
    await h.client.blockBot({ token: bot.token, from: user });
    await eventually(async () => {
      const [c] = await h.db.select().from(conversations).where(eq(conversations.botId, bot.id));
      return c?.status === "blocked";
    });
  });

  it("marks a bot with a bad token as failing with the reason and keeps the other bots running", async () => {
    const flowId = await h.publish();
    const bad = await h.addBot({ flowId, registered: false });
    const good = await h.addBot({ flowId });
    await h.startRuntime();
    const failing = await eventually(async () => {
      const [b] = await h.db.select().from(bots).where(eq(bots.id, bad.id));
      return b?.status === "failing" ? b : undefined;
    });
    expect(failing.lastError).toMatch(/401/);
    const user = makeUser("Ok");
    await h.client.start({ token: good.token, from: user });
    const msgs = await h.client.waitForBotMessages({ token: good.token, chatId: user.id, count: 2 });
    expect(msgs[0]!.text).toBe("Hello Ok!");
    expect(await botTexts(good.token, user.id)).toHaveLength(2);
  });
});

describe("update ids", () => {
  it("treats an update_id last seen more than a week ago as a new update (Telegram reuses ids after a quiet week)", async () => {
    const flowId = await h.publish();
    const bot = await h.addBot({ flowId, mode: "webhook" });
    const rt = await h.startRuntime({ webhookBaseUrl: "http://127.0.0.1:0" });
    await eventually(async () => rt.supervisor.runner(bot.id), 10_000, "runner");
    const user = makeUser("Old");
    await h.client.sendText({ token: bot.token, from: user, text: "hi" }).catch(() => {});
    const post = (text: string) =>
      postWebhookUpdate(rt.port, bot.id, bot.webhookSecret, {
        update_id: 777,
        message: {
          message_id: 5,
          date: 0,
          from: { id: user.id, is_bot: false, first_name: "Old" },
          chat: { id: user.id, type: "private" },
          text,
        },
      });
    const processedText = async () => {
      const [row] = await h.db
        .select()
        .from(processedUpdates)
        .where(and(eq(processedUpdates.botId, bot.id), eq(processedUpdates.updateId, 777)));
      return row?.processedAt ? (row.payload as { message: { text: string } }).message.text : undefined;
    };
    expect((await post("/start")).status).toBe(200);
    expect(await eventually(processedText)).toBe("/start");

    // Seen again within the week: a redelivery, ignored.
    expect((await post("/help")).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(await processedText()).toBe("/start");

    // Seen eight days ago: a new update that happens to reuse the id.
    await h.db
      .update(processedUpdates)
      .set({ receivedAt: new Date(Date.now() - 8 * 86_400_000) })
      .where(and(eq(processedUpdates.botId, bot.id), eq(processedUpdates.updateId, 777)));
    expect((await post("/help")).status).toBe(200);
    expect(await eventually(async () => ((await processedText()) === "/help" ? "/help" : undefined))).toBe(
      "/help",
    );
  });
});
