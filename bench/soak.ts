/**
 * Soak: many users talking to two runtime processes while one of them is SIGKILLed and restarted every few
 * seconds. Each user sends numbered messages ("m1", "m2", …) to a flow that echoes them ("got m1"), waiting
 * for each echo (or a timeout) before the next. At the end every chat's transcript is read back from the
 * Bot API sandbox: no message may be lost or answered out of order; duplicates are allowed only for sends in
 * flight at a kill (Telegram has no idempotency key, so at-least-once is the best a crash allows).
 *
 * Run on demand: `pnpm --filter @switchboard/bench bench:soak`; exits non-zero when anything was lost or out
 * of order. Size: SOAK_MESSAGES (10000), SOAK_CHATS (500), SOAK_CONCURRENCY (all chats talking at once),
 * SOAK_BOTS (4), SOAK_KILL_EVERY_MS (5000),
 * SOAK_REPLY_TIMEOUT_MS (45000, longer than a dead sender's 30 s lease so a timeout means something).
 */
import { createWriteStream, rmSync } from "node:fs";
import path from "node:path";
import { secretKeyFrom } from "@switchboard/db";
import type { FlowDocument } from "@switchboard/flow";
import type { SandboxMessage } from "@switchboard/telegram-sandbox";
import {
  benchDir,
  publishFlow,
  seedBots,
  seedWorkspace,
  startBenchDatabase,
  startSandboxProcess,
} from "./lib/setup";
import { type ChatVerdict, judgeChat } from "./soak/analysis";
import { BotReplies } from "./soak/bot-replies";
import { RuntimeProcess } from "./soak/runtime-process";

const MESSAGES = Number(process.env.SOAK_MESSAGES ?? 10_000);
const CHATS = Number(process.env.SOAK_CHATS ?? 500);
const BOTS = Number(process.env.SOAK_BOTS ?? 4);
const KILL_EVERY_MS = Number(process.env.SOAK_KILL_EVERY_MS ?? 5000);
const REPLY_TIMEOUT_MS = Number(process.env.SOAK_REPLY_TIMEOUT_MS ?? 45_000);
/**
 * Users talking at the same time (the others wait their turn, then talk through all their messages); by
 * default every chat at once. Replies come from the sandbox's bot-message stream (soak/bot-replies.ts).
 */
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? CHATS);
/** After the users finish, echoes still owed (a timed-out wait) get this long to arrive. */
const DRAIN_MS = 60_000;
const SECRET = "soak-secret-0123456789abcdef";
const PROMPT = "say something";

const dir = benchDir("soak");
const logPath = path.join(dir, "runtimes.log");
const log = createWriteStream(logPath);

const database = await startBenchDatabase(dir, 55_000);
const { db } = database;
const sandbox = await startSandboxProcess(19_000);
const sandboxUrl = sandbox.url;
const client = sandbox.client;

/** ask (waits, saves the answer to vars.msg) → echo "got {{vars.msg}}" → ask again, forever. */
const echoFlow: FlowDocument = {
  format: "switchboard.flow",
  version: 1,
  entryStepId: "ask",
  steps: [
    {
      id: "ask",
      type: "free_input",
      title: "Ask",
      position: { x: 0, y: 0 },
      aliases: [],
      config: { text: PROMPT, variable: "msg", validation: { kind: "any" }, retryText: "again" },
    },
    {
      id: "echo",
      type: "text",
      title: "Echo",
      position: { x: 0, y: 100 },
      aliases: [],
      config: { text: "got {{vars.msg}}" },
    },
  ],
  edges: [
    { id: "e1", source: "ask", sourceHandle: "next", target: "echo" },
    { id: "e2", source: "echo", sourceHandle: "next", target: "ask" },
  ],
};
const key = secretKeyFrom(SECRET);
const { workspaceId } = await seedWorkspace(db, "Soak");
const flowId = await publishFlow(db, workspaceId, "echo", echoFlow);
const tokens = await seedBots({
  db,
  sandbox: client,
  key,
  workspaceId,
  flowId,
  count: BOTS,
  telegramIdBase: 3_000_000,
  usernamePrefix: "soak",
});

const runtimeEnv = (instance: string): NodeJS.ProcessEnv => ({
  DATABASE_URL: database.url,
  TELEGRAM_API_ROOT: sandboxUrl,
  SWITCHBOARD_SECRET: SECRET,
  RUNTIME_PORT: "0",
  RUNTIME_POLL_TIMEOUT: "1",
  RUNTIME_RELOAD_MS: "2000",
  RUNTIME_INSTANCE_ID: instance,
  // The per-bot send limit (Telegram's ~30/s) would make the limiter the bottleneck, not the pipeline.
  RUNTIME_BOT_MESSAGES_PER_SECOND: "100000",
  SWITCHBOARD_FILES_DIR: path.join(dir, "files"),
  LOG_LEVEL: "warn",
});
const writeLog = (who: string) => (line: string) => log.write(`[${who}] ${line}\n`);
const steady = new RuntimeProcess(runtimeEnv("soak-steady"), writeLog("steady"));
const victim = new RuntimeProcess(runtimeEnv("soak-victim"), writeLog("victim"));
steady.start();
victim.start();
// Whatever ends this process (a failed assertion, Ctrl-C), the children it started go with it.
process.on("exit", () => {
  steady.killNow();
  victim.killNow();
  sandbox.process.kill("SIGKILL");
});
process.on("SIGINT", () => process.exit(130));

interface Chat {
  token: string;
  userId: number;
  messages: number;
}
const chats: Chat[] = Array.from({ length: CHATS }, (_, c) => ({
  token: tokens[c % BOTS]!,
  userId: 50_000 + c,
  messages: Math.floor(MESSAGES / CHATS) + (c < MESSAGES % CHATS ? 1 : 0),
}));

let sent = 0;
let timedOut = 0;

const replies = new BotReplies();
const replyStream = await client.streamBotMessages(replies.onMessage);
// The stream ends when the sandbox stops at the end of the run; waits fall back to reading the chat.
replyStream.done.catch(() => {});
process.on("exit", () => replyStream.close());

/**
 * Waits until the bot's message `text` arrives after `afterMessageId`; false on timeout. The stream tells;
 * a timeout looks at the chat itself once, in case the stream dropped a message.
 */
async function waitForBotText(chat: Chat, text: string, afterMessageId: number): Promise<boolean> {
  const botId = Number(chat.token.split(":")[0]);
  if (await replies.waitFor(botId, chat.userId, text, afterMessageId, REPLY_TIMEOUT_MS)) return true;
  const messages = await retried(() => client.getMessages({ token: chat.token, chatId: chat.userId }));
  return messages.some((m) => m.from_bot && m.text === text && m.message_id > afterMessageId);
}

/**
 * The sandbox is one busy process on a shared machine: a control request may fail on a reset connection.
 * Reads are simply retried; see userSays for sends.
 */
async function retried<T>(call: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await call();
    } catch (err) {
      if (i >= attempts || !(err instanceof TypeError)) throw err; // fetch's network failure
      await new Promise((r) => setTimeout(r, 500 * i));
    }
  }
}

/**
 * The user types `text` once: when the request fails on the network, the chat is looked at before
 * trying again, so a message the sandbox did take is not sent twice. Resolves with its message_id.
 */
async function userSays(chat: Chat, text: string): Promise<number> {
  const from = { id: chat.userId, first_name: `U${chat.userId}` };
  for (let i = 1; ; i++) {
    try {
      return (await client.sendText({ token: chat.token, from, text })).message_id;
    } catch (err) {
      if (i >= 8 || !(err instanceof TypeError)) throw err;
      await new Promise((r) => setTimeout(r, 500 * i));
      const messages = await retried(() => client.getMessages({ token: chat.token, chatId: chat.userId }));
      const taken = messages.findLast((m) => !m.from_bot && m.text === text);
      if (taken) return taken.message_id;
    }
  }
}

async function talk(chat: Chat): Promise<void> {
  const from = { id: chat.userId, first_name: `U${chat.userId}` };
  const started = await retried(() => client.start({ token: chat.token, from }));
  if (!(await waitForBotText(chat, PROMPT, started.message_id))) timedOut++;
  for (let n = 1; n <= chat.messages; n++) {
    const messageId = await userSays(chat, `m${n}`);
    sent++;
    if (!(await waitForBotText(chat, `got m${n}`, messageId))) timedOut++;
  }
}

const t0 = performance.now();
let kills = 0;
let talking = true;
const killer = (async () => {
  while (talking) {
    await new Promise((r) => setTimeout(r, KILL_EVERY_MS));
    if (!talking) break;
    await victim.kill();
    kills++;
    victim.start();
  }
})();
const progress = setInterval(
  () => console.log(`  … ${sent}/${MESSAGES} sent, ${kills} kills, ${timedOut} waits timed out`),
  10_000,
);

let nextChat = 0;
await Promise.all(
  Array.from({ length: Math.min(CONCURRENCY, chats.length) }, async () => {
    while (nextChat < chats.length) await talk(chats[nextChat++]!);
  }),
);
const talkedMs = performance.now() - t0;
talking = false;
await killer;
clearInterval(progress);

const botTexts = (messages: SandboxMessage[]) => messages.filter((m) => m.from_bot).map((m) => m.text ?? "");
async function judgeAll(): Promise<ChatVerdict[]> {
  const verdicts: ChatVerdict[] = [];
  for (const chat of chats) {
    const messages = await retried(() => client.getMessages({ token: chat.token, chatId: chat.userId }));
    verdicts.push(judgeChat(botTexts(messages), chat.messages));
  }
  return verdicts;
}
const sum = (verdicts: ChatVerdict[], field: keyof ChatVerdict) => verdicts.reduce((s, v) => s + v[field], 0);

let verdicts = await judgeAll();
const drainUntil = Date.now() + DRAIN_MS;
while (sum(verdicts, "lost") > 0 && Date.now() < drainUntil) {
  await new Promise((r) => setTimeout(r, 2000));
  verdicts = await judgeAll();
}

const lost = sum(verdicts, "lost");
const outOfOrder = sum(verdicts, "outOfOrder");
console.log(
  `Soak: ${MESSAGES} messages over ${CHATS} chats (${BOTS} bots, ${CONCURRENCY} users at a time), two runtime processes, one SIGKILLed every ${KILL_EVERY_MS} ms`,
);
console.log(`  messages sent        ${sent}`);
console.log(`  replies received     ${sum(verdicts, "received")}`);
console.log(`  lost                 ${lost}`);
console.log(`  out of order         ${outOfOrder}`);
console.log(`  resent (duplicates)  ${sum(verdicts, "resent")}`);
console.log(`  kills                ${kills}`);
console.log(`  waits timed out      ${timedOut} (after ${REPLY_TIMEOUT_MS} ms each)`);
console.log(
  `  duration             ${(talkedMs / 1000).toFixed(1)} s (${Math.round(sent / (talkedMs / 1000))} messages/s)`,
);

await Promise.all([steady.stop(), victim.stop()]);
replyStream.close();
sandbox.process.kill();
await database.stop();
await new Promise((r) => log.end(r));
const failed = lost > 0 || outOfOrder > 0;
if (failed) console.log(`  FAILED; the runtimes' output is in ${logPath}`);
else rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
