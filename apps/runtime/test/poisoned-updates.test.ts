import { createServer } from "node:net";
import { botLogs, contacts, conversations, messages, processedUpdates } from "@switchboard/db";
import { flowDoc, freeInputStep, textStep } from "@switchboard/flow/testing";
import type { SandboxUser } from "@switchboard/telegram-sandbox";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RuntimeConfig } from "../src/config";
import { createHarness, eventually, type Harness, makeUser, postWebhookUpdate } from "./harness";

/*
 * "No update can stall a bot": updates Postgres can't hold as they are (U+0000, half a surrogate
 * pair), updates the runtime can't read, a batch the database rejects one row of, processing that
 * keeps failing. Each goes through the real runtime and the sandbox, by polling and by webhook, and
 * each ends with the next normal message, in the same chat and in another, getting its reply.
 */

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  // Stand-ins for "Postgres rejects this row" and "the database is down", which no well-formed
  // update can cause any more: a trigger refusing marked rows, and one refusing every write while
  // the outage table has a row.
  await h.db.execute(sql`
    create table test_outage (on_ boolean);
    create function test_refuse_poison() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from test_outage) then raise exception 'database is down (test)'; end if;
      if new.payload::text like '%refuse-me%' then raise exception 'row refused (test)'; end if;
      return new;
    end $$;
    create trigger test_refuse_poison before insert or update on processed_updates
      for each row execute function test_refuse_poison();
    create function test_explode() returns trigger language plpgsql as $$
    begin
      if new.text like '%explode%' then raise exception 'processing exploded (test)'; end if;
      return new;
    end $$;
    create trigger test_explode before insert on messages for each row execute function test_explode();
  `);
});
afterAll(async () => {
  await h?.close();
});

/** Hi {{name}} → asks → echoes {{vars.said}} → asks again: every text gets an answer showing what was stored. */
const echoFlow = () =>
  flowDoc(
    [
      textStep("hi", "Hi {{name}}"),
      freeInputStep("ask", "Say something", "said"),
      textStep("echo", "You said {{vars.said}}"),
    ],
    [
      ["hi", "next", "ask"],
      ["ask", "next", "echo"],
      ["echo", "next", "ask"],
    ],
  );

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

type Mode = "polling" | "webhook";

/** A bot on the echo flow and a runtime receiving its updates by `mode` (a webhook the sandbox calls). */
async function startBot(mode: Mode, overrides: Partial<RuntimeConfig> = {}) {
  const flowId = await h.publish(echoFlow());
  const bot = await h.addBot({ flowId, mode });
  if (mode === "webhook") {
    const port = await freePort();
    const rt = await h.startRuntime({ port, webhookBaseUrl: `http://127.0.0.1:${port}` });
    await eventually(async () => rt.supervisor.runner(bot.id), 10_000, "runner");
    return { bot, rt };
  }
  return { bot, rt: await h.startRuntime(overrides) };
}

let messageSeq = 900_000;
/** A private-chat message update as Telegram would send it from `user`, with `overrides` merged in. */
function privateMessage(user: SandboxUser, text: unknown, from: Record<string, unknown> = {}) {
  messageSeq += 1;
  return {
    message: {
      message_id: messageSeq,
      date: Math.floor(Date.now() / 1000),
      from: { id: user.id, is_bot: false, first_name: user.first_name, ...from },
      chat: { id: user.id, type: "private", first_name: user.first_name },
      text,
    },
  };
}

const botTexts = async (token: string, chatId: number) =>
  (await h.client.getMessages({ token, chatId })).filter((m) => m.from_bot).map((m) => m.text ?? "");

/** Waits until the bot's messages in the chat include `text`. */
async function waitForBotText(token: string, chatId: number, text: string, timeoutMs = 15_000) {
  await h.client.waitForChat({
    token,
    chatId,
    timeoutMs,
    until: (ms) => ms.some((m) => m.from_bot && m.text === text),
  });
}

/** A user who has started the bot and was asked to say something. */
async function startedUser(token: string, name: string) {
  const user = makeUser(name);
  await h.client.start({ token, from: user });
  await waitForBotText(token, user.id, "Say something");
  return user;
}

/** The proof that nothing stalled: a normal message in the same chat and in a new one get replies. */
async function bothChatsStillAnswer(token: string, user: SandboxUser, word: string) {
  await h.client.sendText({ token, from: user, text: word });
  await waitForBotText(token, user.id, `You said ${word}`);
  const other = makeUser("Other");
  await h.client.start({ token, from: other });
  await waitForBotText(token, other.id, `Hi ${other.first_name}`);
}

const logLines = (botId: string) =>
  h.db.select().from(botLogs).where(eq(botLogs.botId, botId)).orderBy(botLogs.createdAt);

const storedUpdate = async (botId: string, updateId: number) =>
  (
    await h.db
      .select()
      .from(processedUpdates)
      .where(and(eq(processedUpdates.botId, botId), eq(processedUpdates.updateId, updateId)))
  )[0];

describe.each<Mode>(["polling", "webhook"])("no update can stall a bot (%s)", (mode) => {
  it("U+0000 and half a surrogate pair in a text and a name are stored as U+FFFD, the original kept", async () => {
    const { bot } = await startBot(mode);
    // The name in the first update becomes the contact's (and {{name}}).
    const user = { ...makeUser("Nul"), first_name: "N\u0000l\udc00" };
    await h.client.start({ token: bot.token, from: user });
    await waitForBotText(bot.token, user.id, "Hi N\uFFFDl\uFFFD");
    const poisoned = privateMessage(user, "a\u0000b\ud800c", { username: "x\ud83d" });
    const updateId = await h.client.injectUpdate({ token: bot.token, update: poisoned });

    // The core got the safe text: the variable, the transcript and the reply carry U+FFFD.
    await waitForBotText(bot.token, user.id, "You said a\uFFFDb\uFFFDc");
    const row = await eventually(async () => {
      const r = await storedUpdate(bot.id, updateId);
      return r?.processedAt ? r : undefined;
    });
    expect(row.error).toBeNull();
    expect(JSON.parse(row.original!)).toEqual({ ...poisoned, update_id: updateId });
    expect((row.payload as typeof poisoned).message.text).toBe("a\uFFFDb\uFFFDc");
    const [conversation] = await h.db.select().from(conversations).where(eq(conversations.botId, bot.id));
    const transcript = await h.db
      .select({ text: messages.text })
      .from(messages)
      .where(and(eq(messages.conversationId, conversation!.id), eq(messages.direction, "in")));
    expect(transcript.map((m) => m.text)).toContain("a\uFFFDb\uFFFDc");
    expect(conversation!.state).toMatchObject({ vars: { said: "a\uFFFDb\uFFFDc" } });
    const [contact] = await h.db.select().from(contacts).where(eq(contacts.telegramUserId, user.id));
    expect(contact!.firstName).toBe("N\uFFFDl\uFFFD");
    expect(contact!.username).toBe("x\uFFFD");

    await bothChatsStillAnswer(bot.token, user, "after");
  });

  it("an update the runtime can't read is set aside at once, logged, and the chat goes on", async () => {
    const { bot } = await startBot(mode);
    const user = await startedUser(bot.token, "Odd");
    const numberText = await h.client.injectUpdate({ token: bot.token, update: privateMessage(user, 42) });
    const noChat = await h.client.injectUpdate({
      token: bot.token,
      update: { message: { message_id: 5, chat: null, text: "hi" } },
    });

    await bothChatsStillAnswer(bot.token, user, "still here");
    for (const id of [numberText, noChat]) {
      const row = await storedUpdate(bot.id, id);
      expect(row?.processedAt).not.toBeNull();
      expect(row?.error).toMatch(
        id === numberText ? /message\.text is not a string/ : /message\.chat is not/,
      );
      expect(row?.original).toContain(`"update_id":${id}`);
    }
    const lines = await logLines(bot.id);
    expect(lines.map((l) => l.message)).toEqual(
      expect.arrayContaining([
        `Update ${numberText} could not be read and was set aside: message.text is not a string`,
        `Update ${noChat} could not be read and was set aside: message.chat is not an object`,
      ]),
    );
    expect(lines.find((l) => l.message.includes(String(noChat)))).toMatchObject({
      level: "error",
      method: "update",
    });
    // The 42 never reached the conversation.
    expect(await botTexts(bot.token, user.id)).not.toContain("You said 42");
  });

  it("an update Postgres refuses is set aside on its own; the rest of its batch is stored", async () => {
    const { bot, rt } = await startBot(mode);
    const user = await startedUser(bot.token, "Ref");
    const other = makeUser("Batch");
    await h.client.start({ token: bot.token, from: other });
    await waitForBotText(bot.token, other.id, "Say something");
    // Polling: all three arrive in one getUpdates batch while no runtime polls.
    if (mode === "polling") await h.stopRuntimes();
    await h.client.sendText({ token: bot.token, from: user, text: "before" });
    const refused = await h.client.injectUpdate({
      token: bot.token,
      update: privateMessage(user, "refuse-me"),
    });
    await h.client.sendText({ token: bot.token, from: other, text: "beside" });
    if (mode === "polling") await h.startRuntime();
    else expect(rt.port).toBeGreaterThan(0);

    await waitForBotText(bot.token, user.id, "You said before");
    await waitForBotText(bot.token, other.id, "You said beside");
    const row = await eventually(() => storedUpdate(bot.id, refused));
    expect(row).toMatchObject({ chatId: null, payload: { update_id: refused } });
    expect(row.error).toMatch(/row refused \(test\)/);
    expect(JSON.parse(row.original!).message.text).toBe("refuse-me");
    expect((await logLines(bot.id)).map((l) => l.message)).toContainEqual(
      expect.stringMatching(
        new RegExp(`^Update ${refused} could not be stored and was set aside: .*row refused`),
      ),
    );
    await bothChatsStillAnswer(bot.token, user, "later");
  });
});

describe("processing that keeps failing", () => {
  it("is set aside after its last attempt, logged to the bot's log, and the chat goes on at once", async () => {
    // Per-chat pacing lifted: eight replies at 1/s would take longer than "at once" may.
    const { bot } = await startBot("polling", { chatMessagesPerSecond: 1000, chatBurst: 1000 });
    const user = await startedUser(bot.token, "Boom");
    await h.client.sendText({ token: bot.token, from: user, text: "explode" });
    const boom = await eventually(async () => {
      const [row] = await h.db
        .select()
        .from(processedUpdates)
        .where(and(eq(processedUpdates.botId, bot.id), sql`${processedUpdates.error} like '%exploded%'`));
      return row;
    });
    // Each arrival in the chat retries the waiting update first (order); the fifth failure gives up.
    let sent = 0;
    for (let attempts = boom.attempts; attempts < 5; ) {
      sent += 1;
      await h.client.sendText({ token: bot.token, from: user, text: `next${sent}` });
      const seen = attempts;
      attempts = await eventually(async () => {
        const now = (await storedUpdate(bot.id, boom.updateId))?.attempts ?? 0;
        return now > seen ? now : undefined;
      });
    }
    // Every message waiting behind it is answered at once, not after a sweep.
    await waitForBotText(bot.token, user.id, `You said next${sent}`, 8_000);
    const row = await storedUpdate(bot.id, boom.updateId);
    expect(row).toMatchObject({ attempts: 5 });
    expect(row?.processedAt).not.toBeNull();
    const line = (await logLines(bot.id)).find((l) => l.message.startsWith(`Update ${boom.updateId} `));
    expect(line?.message).toMatch(/failed every processing attempt and was set aside: .*processing exploded/);
    expect(line?.details).toMatchObject({ kind: "set_aside", stage: "process", updateId: boom.updateId });
    expect(await botTexts(bot.token, user.id)).not.toContain("You said explode");
    await bothChatsStillAnswer(bot.token, user, "calm");
  });
});

describe("webhook answers", () => {
  it("answers 200 to authenticated bodies that are no update, and logs them", async () => {
    const { bot, rt } = await startBot("webhook");
    const post = (body: string) =>
      fetch(`http://127.0.0.1:${rt.port}/telegram/${bot.id}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": bot.webhookSecret },
        body,
      });
    expect((await post("{not json")).status).toBe(200);
    expect((await post("[1,2]")).status).toBe(200);
    expect((await post('{"update_id":"7"}')).status).toBe(200);
    expect((await post("x".repeat(1_100_000))).status).toBe(200);
    expect((await postWebhookUpdate(rt.port, bot.id, "wrong", { update_id: 1 })).status).toBe(401);
    const lines = (await logLines(bot.id)).map((l) => l.message);
    expect(lines.filter((m) => m.startsWith("Ignored an update: "))).toEqual([
      expect.stringMatching(/^Ignored an update: the webhook body was not JSON/),
      "Ignored an update: it has no integer update_id",
      "Ignored an update: it has no integer update_id",
      "Ignored an update: the webhook body was over 1000000 bytes",
    ]);
  });

  it("answers 500 only while the database fails; Telegram's retry is then stored and answered", async () => {
    const { bot } = await startBot("webhook");
    const user = await startedUser(bot.token, "Down");
    await h.db.execute(sql`insert into test_outage values (true)`);
    try {
      await h.client.sendText({ token: bot.token, from: user, text: "during" });
      await eventually(
        async () => {
          const info = (await fetch(`${h.sandbox.url}/bot${bot.token}/getWebhookInfo`).then((r) =>
            r.json(),
          )) as {
            result: { last_error_message?: string };
          };
          return info.result.last_error_message?.includes("500");
        },
        10_000,
        "a webhook error",
      );
    } finally {
      await h.db.execute(sql`delete from test_outage`);
    }
    await waitForBotText(bot.token, user.id, "You said during");
  });
});
