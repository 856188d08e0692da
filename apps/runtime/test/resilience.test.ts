import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { LOCK_SPACE } from "@switchboard/core";
import { conversations, messages, processedUpdates } from "@switchboard/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POLL_LOCK_APPLICATION } from "../src/poll-leadership";
import { createHarness, eventually, type Harness, makeUser, TEST_SECRET } from "./harness";

let h: Harness;
const children: ChildProcess[] = [];
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  await h?.close();
});

const runtimeDir = fileURLToPath(new URL("..", import.meta.url));

/** The real runtime entry point in its own OS process, so it can be killed like a crashed server. */
function spawnRuntime(name: string): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: runtimeDir,
    env: {
      ...process.env,
      DATABASE_URL: h.url,
      TELEGRAM_API_ROOT: h.sandbox.url,
      SWITCHBOARD_SECRET: TEST_SECRET,
      RUNTIME_PORT: "0",
      RUNTIME_RELOAD_MS: "500",
      RUNTIME_POLL_TIMEOUT: "1",
      RUNTIME_INSTANCE_ID: name,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.resume();
  child.stderr!.resume();
  children.push(child);
  return child;
}

const botTexts = async (token: string, chatId: number) =>
  (await h.client.getMessages({ token, chatId })).filter((m) => m.from_bot).map((m) => m.text);

describe("resilience", () => {
  it("a runtime killed mid-conversation and restarted continues where the user was, nothing lost or sent twice", async () => {
    const flowId = await h.publish();
    const bot = await h.addBot({ flowId });
    const user = makeUser("Kim");

    const first = spawnRuntime("crashy");
    await h.client.start({ token: bot.token, from: user });
    const menu = (
      await h.client.waitForBotMessages({ token: bot.token, chatId: user.id, count: 2, timeoutMs: 30_000 })
    )[1]!;

    // Kill it between two steps: after its last commit. (A kill in the ~1 ms between Telegram accepting
    // a message and the "sent" commit makes that one message go out again: see docs/architecture.md.)
    await eventually(
      async () => {
        const pending = await h.db.select().from(messages).where(eq(messages.deliveryStatus, "pending"));
        return pending.length === 0;
      },
      10_000,
      "no pending messages",
    );
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));

    // While no runtime runs, the user keeps going: presses a button, then types an answer.
    const data = (menu.reply_markup as { inline_keyboard: { callback_data: string }[][] })
      .inline_keyboard[0]![0]!.callback_data;
    await h.client.pressInlineButton({
      token: bot.token,
      from: user,
      messageId: menu.message_id,
      callbackData: data,
    });
    await h.client.sendText({ token: bot.token, from: user, text: "kim@example.com" });

    spawnRuntime("restarted");
    await eventually(
      async () => ((await botTexts(bot.token, user.id)).length >= 4 ? true : undefined),
      30_000,
      "replies after restart",
    );
    await new Promise((r) => setTimeout(r, 1500)); // room for any duplicate to show up
    expect(await botTexts(bot.token, user.id)).toEqual([
      "Hello Kim!",
      "Pick one",
      "Your email?",
      "Saved kim@example.com",
    ]);
    const [conv] = await h.db.select().from(conversations).where(eq(conversations.botId, bot.id));
    expect(conv!.currentStepId).toBe("done");
  });

  it("two runtimes on one bot: one polls, both stay correct, and the survivor takes over", async () => {
    const flowId = await h.publish();
    const bot = await h.addBot({ flowId });
    const a = await h.startRuntime({ instanceId: "a" });
    await h.startRuntime({ instanceId: "b" });
    const users = [makeUser("U1"), makeUser("U2"), makeUser("U3")];
    await Promise.all(users.map((u) => h.client.start({ token: bot.token, from: u })));
    for (const u of users)
      await h.client.waitForBotMessages({ token: bot.token, chatId: u.id, count: 2, timeoutMs: 15_000 });

    // Telegram allows one getUpdates consumer: the two runtimes must never have polled at once.
    const polls = await h.client.getCalls({ token: bot.token, method: "getUpdates" });
    expect(polls.filter((c) => c.error_code === 409)).toHaveLength(0);

    await a.stop();
    const u = users[0]!;
    const reply = await h.repliesTo(bot.token, u, "/help", { timeoutMs: 20_000 });
    expect(reply[0]!.text).toBe("Info: none");
    for (const user of users)
      expect((await botTexts(bot.token, user.id)).slice(0, 2)).toEqual([
        `Hello ${user.first_name}!`,
        "Pick one",
      ]);
  });

  it("a runtime whose poll-lock connection drops notices, takes the lock again and answers on", async () => {
    const flowId = await h.publish();
    const bot = await h.addBot({ flowId });
    const rt = await h.startRuntime({ instanceId: "lock-drop" });
    const user = makeUser("LockDrop");
    await h.client.start({ token: bot.token, from: user });
    await h.client.waitForBotMessages({ token: bot.token, chatId: user.id, count: 2, timeoutMs: 15_000 });
    const pollLocksHeld = async () => {
      const rows = (await h.db.execute(sql`
        select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and l.granted and l.classid = ${LOCK_SPACE.poll}::int4::oid
          and l.objid = hashtext(${bot.id})::oid
          and a.application_name = ${POLL_LOCK_APPLICATION} and a.datname = current_database()`)) as unknown as {
        n: number;
      }[];
      return rows[0]!.n;
    };
    expect(await pollLocksHeld()).toBe(1);

    // As when the database restarts or a proxy cuts an idle connection: the lock goes with it.
    await h.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${POLL_LOCK_APPLICATION} and datname = current_database()`,
    );
    // A poller that kept trusting its old lock would never take it again.
    await eventually(async () => (await pollLocksHeld()) === 1, 15_000, "the poll lock taken again");
    const reply = await h.repliesTo(bot.token, user, "/help", { timeoutMs: 15_000 });
    expect(reply[0]!.text).toBe("Info: none");
    await rt.stop();
  });

  it("picks up an update that was stored but not processed, and a reply that was committed but not sent", async () => {
    const flowId = await h.publish();
    const bot = await h.addBot({ flowId });
    const user = makeUser("Rec");
    // The user's chat exists in the sandbox; the runtime is not running yet.
    await h.client.sendText({ token: bot.token, from: user, text: "hello?" });
    // A crash right after the inbox insert: stored, not processed.
    await h.db.insert(processedUpdates).values({
      botId: bot.id,
      updateId: 10_000_001,
      chatId: user.id,
      payload: {
        update_id: 10_000_001,
        message: {
          message_id: 99,
          date: 0,
          from: { id: user.id, is_bot: false, first_name: "Rec" },
          chat: { id: user.id, type: "private" },
          text: "/help",
        },
      },
    });
    const rt = await h.startRuntime({ instanceId: "recovering" });
    await eventually(
      async () => ((await botTexts(bot.token, user.id)).includes("Info: none") ? true : undefined),
      20_000,
      "recovered reply",
    );

    // A crash between commit and send: a pending outbound message with nobody sending it.
    const [conv] = await h.db.select().from(conversations).where(eq(conversations.botId, bot.id));
    await rt.stop();
    await h.db.insert(messages).values({
      workspaceId: h.workspaceId,
      conversationId: conv!.id,
      direction: "out",
      deliveryStatus: "pending",
      text: "left behind",
      payload: { method: "sendMessage", params: { chat_id: user.id, text: "left behind" } },
    });
    await h.startRuntime({ instanceId: "recovering-2" });
    await eventually(
      async () => ((await botTexts(bot.token, user.id)).includes("left behind") ? true : undefined),
      20_000,
      "pending message sent",
    );
    expect((await botTexts(bot.token, user.id)).filter((t) => t === "left behind")).toHaveLength(1);
  });
});
