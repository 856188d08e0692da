import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import {
  type ApiEnv,
  type AppRouter,
  appRouter,
  createCallerFactory,
  createContext,
  realtimeHubFor,
} from "@switchboard/api";
import { LocalFileStorage, presenceHeartbeat } from "@switchboard/core";
import { memberships, secretKeyFrom, user, workspaces } from "@switchboard/db";
import { startRuntime } from "@switchboard/runtime";
import { createTRPCClient, httpSubscriptionLink } from "@trpc/client";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { EventSource } from "eventsource";
import postgres from "postgres";
import superjson from "superjson";
import { benchDir, startBenchDatabase, startSandboxProcess } from "./lib/setup";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p95: at(0.95), max: s.at(-1)! };
};
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

const dir = benchDir("bench-inbox");
const pg = await startBenchDatabase(dir, 54_000);
const { db } = pg;
// The sandbox runs in its own process, as Telegram would.
const sandbox = await startSandboxProcess(18_000);
const sandboxUrl = sandbox.url;
const telegram = sandbox.client;

const secret = "bench-secret-0123456789abcdef";
const secretKey = secretKeyFrom(secret);
const env: ApiEnv = {
  secretKey,
  telegramApiRoot: sandboxUrl,
  sandboxUrl,
  core: { adminBaseUrl: "http://admin.bench.test" },
  fileStorage: new LocalFileStorage(path.join(dir, "files")),
  realtime: realtimeHubFor(pg.url),
};

// An owner sets the bot up through the API, as the admin would; the owner is also the operator.
const operatorId = "bench-operator";
await db.insert(user).values({ id: operatorId, name: "Olga", email: "olga@bench.test" });
const [ws] = await db.insert(workspaces).values({ name: "Bench" }).returning();
await db.insert(memberships).values({ workspaceId: ws!.id, userId: operatorId, role: "owner" });
const api = createCallerFactory(appRouter)(createContext({ db, userId: operatorId, env }));
const token = `${3_000_000}:${randomBytes(27).toString("base64url").slice(0, 35)}`;
await telegram.registerBot({ token, username: "inbox_bench_bot" });
const bot = await api.bots.connect({ token });
const flow = await api.flows.create({ name: "Support" });
await api.flows.saveDraft({
  id: flow.id,
  draft: {
    format: "switchboard.flow",
    version: 1,
    entryStepId: "op",
    steps: [
      {
        id: "op",
        type: "route_to_operator",
        title: "Operator",
        position: { x: 0, y: 0 },
        config: { text: "One moment…" },
      },
    ],
    edges: [],
  },
});
const published = await api.flows.publish({ id: flow.id });
if (!published.ok) throw new Error(`publish failed: ${JSON.stringify(published.problems)}`);
await api.bots.update({ id: bot.id, entryFlowId: flow.id });
await presenceHeartbeat(db, { workspaceId: ws!.id, userId: operatorId, role: "owner" });

const runtime = await startRuntime(
  {
    databaseUrl: pg.url,
    apiRoot: sandboxUrl,
    webhookBaseUrl: null,
    port: 0,
    reloadIntervalMs: 500,
    pollTimeoutSeconds: 10,
    instanceId: "bench",
    messagesPerSecond: 30,
    adminBaseUrl: "http://admin.bench.test",
    filesDir: path.join(dir, "files"),
    timerPollMs: 1000,
  },
  secretKey,
);

// The operator's side: the API over HTTP (tRPC's standalone adapter in place of the admin's Next
// route), and a tRPC client subscribed to the feed over SSE.
const server = createServer(
  createHTTPHandler({
    router: appRouter,
    basePath: "/api/trpc/",
    createContext: () => createContext({ db, userId: operatorId, env }),
  }),
);
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const { port } = server.address() as { port: number };
const client = createTRPCClient<AppRouter>({
  links: [
    httpSubscriptionLink({ url: `http://127.0.0.1:${port}/api/trpc`, transformer: superjson, EventSource }),
  ],
});

type Heard = { at: number; conversationId: string | null; type: string; direction?: unknown };
const heard: Heard[] = [];
let onHeard: (() => void) | null = null;
const subscription = client.realtime.events.subscribe(undefined, {
  onData: ({ data }) => {
    heard.push({
      at: performance.now(),
      type: data.type,
      conversationId: data.conversationId,
      direction: data.payload.direction,
    });
    onHeard?.();
  },
  onError: (err) => console.error("subscription error", err),
});

async function waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise<void>((r) => {
      onHeard = r;
      setTimeout(r, 25);
    });
    onHeard = null;
  }
}

// Setup: one customer per sample, each routed to the operator (so their messages are for the inbox).
const customer = { id: 50_001, first_name: "Kim" };
await telegram.start({ token, from: customer });
const assigned = await waitFor(
  () => heard.find((h) => h.type === "conversation"),
  "the conversation to be assigned to the operator",
);
const conversationId = assigned.conversationId!;
await telegram.waitForBotMessages({ token, chatId: customer.id, count: 1 }).catch(() => {});

// 1. Inbox latency: the user's message until the operator's client hears it.
const inbox: number[] = [];
for (let i = 0; i < SAMPLES; i++) {
  const mark = heard.length;
  const t0 = performance.now();
  await telegram.sendText({ token, from: customer, text: `question ${i}` });
  const event = await waitFor(
    () =>
      heard
        .slice(mark)
        .find((h) => h.type === "message" && h.conversationId === conversationId && h.direction === "in"),
    `message ${i} in the inbox`,
  );
  inbox.push(event.at - t0);
}

// 2. Baseline: NOTIFY round trip between two connections.
const listener = postgres(pg.url, { max: 1, onnotice: () => {} });
const notifier = postgres(pg.url, { max: 1, onnotice: () => {} });
let notified: (() => void) | null = null;
await listener.listen("bench_rtt", () => notified?.());
const notifyRtt: number[] = [];
for (let i = 0; i < SAMPLES; i++) {
  const t0 = performance.now();
  const got = new Promise<void>((r) => {
    notified = r;
  });
  await notifier`select pg_notify('bench_rtt', ${String(i)})`;
  await got;
  notifyRtt.push(performance.now() - t0);
}

// 3. Baseline: the bot's own echo through the runtime (a second customer, a flow that answers).
await api.flows.saveDraft({
  id: flow.id,
  draft: {
    format: "switchboard.flow",
    version: 1,
    entryStepId: "echo",
    steps: [
      {
        id: "echo",
        type: "text",
        title: "Echo",
        position: { x: 0, y: 0 },
        aliases: [],
        config: { text: "ok" },
      },
    ],
    edges: [],
  },
});
const republished = await api.flows.publish({ id: flow.id });
if (!republished.ok) throw new Error(`publish failed: ${JSON.stringify(republished.problems)}`);
await sleep(1_000);
const echoUser = { id: 50_002, first_name: "Lee" };
const echo: number[] = [];
for (let i = 0; i < SAMPLES; i++) {
  // Telegram allows about one message a second per chat, and the runtime keeps to it: wait it out, so
  // the figure is the pipeline's and not the limiter's.
  await sleep(1_050);
  const t0 = performance.now();
  await telegram.start({ token, from: echoUser });
  await telegram.waitForBotMessages({ token, chatId: echoUser.id, count: i + 1, timeoutMs: 10_000 });
  echo.push(performance.now() - t0);
}

subscription.unsubscribe();
const s = { inbox: stats(inbox), notify: stats(notifyRtt), echo: stats(echo) };
console.log(`inbox latency (${SAMPLES} messages): sandbox → runtime → Postgres → SSE → operator's client`);
console.log(
  `  user message → operator's open inbox: median ${fmt(s.inbox.median)}, p95 ${fmt(s.inbox.p95)}, max ${fmt(s.inbox.max)}`,
);
console.log(
  `  baseline NOTIFY round trip:           median ${fmt(s.notify.median)}, p95 ${fmt(s.notify.p95)}`,
);
console.log(`  baseline bot echo (same runtime):     median ${fmt(s.echo.median)}, p95 ${fmt(s.echo.p95)}`);
console.log(
  `  inbox / bot echo: ${(s.inbox.median / s.echo.median).toFixed(2)}× (median); target: inbox p95 well under 300 ms → ${
    s.inbox.p95 < 300 ? "met" : "NOT met"
  }`,
);

await listener.end();
await notifier.end();
server.close();
await runtime.stop();
await env.realtime().close();
sandbox.process.kill();
await pg.stop();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
