import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { claimedJobPlan, setSecret } from "@switchboard/core";
import { conversations, httpJobs, secretKeyFrom } from "@switchboard/db";
import { flowDoc, freeInputStep, httpStep, textStep } from "@switchboard/flow/testing";
import type { SandboxUser } from "@switchboard/telegram-sandbox";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, eventually, type Harness, makeUser, TEST_SECRET } from "./harness";

/*
 * HTTP request steps against a local API (node:http on 127.0.0.1). Loopback is private, so the first
 * block runs with SWITCHBOARD_HTTP_ALLOW_PRIVATE's setting on; the others without it, proving refusal.
 * For "a public host redirects to a private one" the test's address policy treats the API's port as
 * public and everything else on loopback as private (the default policy would refuse the first hop).
 */

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

let h: Harness;
let api: Server;
let apiPort: number;
let other: Server;
let otherPort: number;
const seen: Seen[] = [];
const otherSeen: string[] = [];

beforeAll(async () => {
  h = await createHarness();
  api = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const path = new URL(req.url!, "http://x").pathname;
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(value));
      };
      if (path === "/orders")
        return json(200, { data: { status: "shipped", items: [{ id: 7 }], echo: req.headers["x-api-key"] } });
      if (path === "/slow") return setTimeout(() => json(200, {}), 5_000);
      if (path === "/fail") return json(500, { error: "boom" });
      if (path === "/big") {
        res.writeHead(200, { "content-type": "application/json" });
        return res.end(`"${"x".repeat(1024 * 1024 + 10)}"`);
      }
      if (path === "/redirect") {
        res.writeHead(302, { location: `http://127.0.0.1:${otherPort}/inside` });
        return res.end();
      }
      if (path === "/create") return json(201, { id: "c1" });
      json(404, {});
    });
  });
  other = createServer((req, res) => {
    otherSeen.push(req.url!);
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"secret":"internal"}');
  });
  await new Promise<void>((r) => api.listen(0, "127.0.0.1", r));
  await new Promise<void>((r) => other.listen(0, "127.0.0.1", r));
  apiPort = (api.address() as AddressInfo).port;
  otherPort = (other.address() as AddressInfo).port;
});
afterAll(async () => {
  await h?.close();
  api?.closeAllConnections();
  other?.closeAllConnections();
  await new Promise((r) => api?.close(r));
  await new Promise((r) => other?.close(r));
});

const owner = () => ({ workspaceId: h.workspaceId, userId: h.userId, role: "owner" as const });

const botTexts = async (token: string, chatId: number) =>
  (await h.client.getMessages({ token, chatId })).filter((m) => m.from_bot).map((m) => m.text ?? "");

async function expectBotSaid(token: string, user: SandboxUser, texts: string[], timeoutMs = 15_000) {
  await eventually(
    async () => {
      const all = await botTexts(token, user.id);
      return JSON.stringify(all.slice(-texts.length)) === JSON.stringify(texts) ? all : undefined;
    },
    timeoutMs,
    `the bot to say ${JSON.stringify(texts)}`,
    async () => JSON.stringify(await botTexts(token, user.id)),
  );
}

/** Text "Looking…" → HTTP request → "OK …" / "Failed …". */
async function botCalling(url: string, config: Record<string, unknown> = {}) {
  const flowId = await h.publish(
    flowDoc(
      [
        textStep("intro", "Looking…"),
        httpStep("call", url, config),
        textStep("ok", 'OK {{vars.http_status}} {{vars.order_status | "-"}} {{vars.first_id | "-"}}'),
        textStep("bad", "Failed {{vars.http_status}}: {{vars.http_error}}"),
      ],
      [
        ["intro", "next", "call"],
        ["call", "success", "ok"],
        ["call", "failure", "bad"],
      ],
    ),
  );
  return h.addBot({ flowId });
}

const base = () => `http://127.0.0.1:${apiPort}`;

describe("http request, private addresses allowed (the installation setting)", () => {
  beforeAll(async () => {
    await setSecret(h.db, owner(), secretKeyFrom(TEST_SECRET), { name: "API_KEY", value: "s3cr3t-value" });
    await h.startRuntime({ httpAllowPrivate: true, httpPollMs: 200 });
  });
  afterAll(() => h.stopRuntimes());

  it("success: the JSON answer is mapped into variables the next text uses; the secret header arrives, stored nowhere", async () => {
    const flowId = await h.publish(
      flowDoc(
        [
          freeInputStep("ask", "Order number?", "order"),
          httpStep("call", `${base()}/orders`, {
            query: [{ name: "id", value: "{{vars.order}}" }],
            headers: [{ name: "X-Api-Key", value: "{{secrets.API_KEY}}" }],
            mappings: [
              { path: "data.status", variable: "order_status" },
              { path: "data.items[0].id", variable: "first_id" },
            ],
          }),
          textStep(
            "ok",
            "Order {{vars.order}}: {{vars.order_status}}, item {{vars.first_id}} ({{vars.http_status}})",
          ),
        ],
        [
          ["ask", "next", "call"],
          ["call", "success", "ok"],
        ],
      ),
    );
    const bot = await h.addBot({ flowId });
    const user = makeUser("Http");
    await h.client.start({ token: bot.token, from: user });
    await expectBotSaid(bot.token, user, ["Order number?"]);
    await h.client.sendText({ token: bot.token, from: user, text: "A 1" });
    await expectBotSaid(bot.token, user, ["Order A 1: shipped, item 7 (200)"]);
    const call = seen.find((s) => s.url.startsWith("/orders"))!;
    expect(call.url).toBe("/orders?id=A+1");
    expect(call.headers["x-api-key"]).toBe("s3cr3t-value");
    const [job] = await h.db.select().from(httpJobs).where(eq(httpJobs.botId, bot.id));
    expect(job).toMatchObject({ status: "done", resultStatus: 200, resultError: null, attempts: 1 });
    expect(JSON.stringify(job!.request)).not.toContain("s3cr3t");
    expect(JSON.stringify(job!.request)).toContain('{"secret":"API_KEY"}');
    const [conv] = await h.db.select().from(conversations).where(eq(conversations.botId, bot.id));
    expect(JSON.stringify(conv!.state)).not.toContain("s3cr3t");
  });

  it("a 500 goes to failure with the status stored", async () => {
    const bot = await botCalling(`${base()}/fail`);
    const user = makeUser("Five");
    await h.client.start({ token: bot.token, from: user });
    await expectBotSaid(bot.token, user, ["Looking…", "Failed 500: HTTP 500"]);
  });

  it("a timeout goes to failure", async () => {
    const bot = await botCalling(`${base()}/slow`, { timeoutSeconds: 1 });
    const user = makeUser("Slow");
    await h.client.start({ token: bot.token, from: user });
    await expectBotSaid(bot.token, user, ["Looking…", "Failed : timed out after 1 s"]);
  });

  it("an answer over 1 MB is cut off", async () => {
    const bot = await botCalling(`${base()}/big`);
    const user = makeUser("Big");
    await h.client.start({ token: bot.token, from: user });
    await expectBotSaid(bot.token, user, ["Looking…", "Failed 200: response too large"]);
  });

  it("a secret that is not set fails the call without sending it", async () => {
    const before = seen.length;
    const bot = await botCalling(`${base()}/orders`, {
      headers: [{ name: "X-Key", value: "{{secrets.NOPE}}" }],
    });
    const user = makeUser("Nope");
    await h.client.start({ token: bot.token, from: user });
    await expectBotSaid(bot.token, user, ["Looking…", 'Failed : secret "NOPE" is not set']);
    expect(seen.length).toBe(before);
  });
});

describe("http request, the default: private addresses refused", () => {
  beforeAll(() => h.startRuntime({ httpPollMs: 200 }));
  afterAll(() => h.stopRuntimes());

  it("refuses a loopback address and never connects", async () => {
    const before = seen.length;
    const bot = await botCalling(`${base()}/orders`);
    const user = makeUser("Refused");
    await h.client.start({ token: bot.token, from: user });
    await expectBotSaid(bot.token, user, [
      "Looking…",
      "Failed : refused: 127.0.0.1 is a private or local address (127.0.0.1)",
    ]);
    expect(seen.length).toBe(before);
  });

  it("refuses localhost by name (it resolves to loopback)", async () => {
    const bot = await botCalling(`http://localhost:${apiPort}/orders`);
    const user = makeUser("Local");
    await h.client.start({ token: bot.token, from: user });
    await eventually(
      async () =>
        /^Failed : refused: localhost is a private or local address/.test(
          (await botTexts(bot.token, user.id)).at(-1) ?? "",
        ),
      15_000,
      "the refusal",
    );
  });
});

describe("http request, a redirect from an allowed host to a private one", () => {
  // The API's port counts as public; the other loopback server stands for a private address.
  beforeAll(() =>
    h.startRuntime({ httpPollMs: 200, httpAddressPolicy: (_address, port) => port === apiPort }),
  );
  afterAll(() => h.stopRuntimes());

  it("follows the first hop, refuses the second, never reaches the private server", async () => {
    const bot = await botCalling(`${base()}/redirect`);
    const user = makeUser("Redirect");
    await h.client.start({ token: bot.token, from: user });
    await expectBotSaid(bot.token, user, [
      "Looking…",
      "Failed : refused: 127.0.0.1 is a private or local address (127.0.0.1)",
    ]);
    expect(seen.some((s) => s.url === "/redirect")).toBe(true);
    expect(otherSeen).toEqual([]);
  });
});

describe("http request, a runtime dies mid-call", () => {
  afterAll(() => h.stopRuntimes());

  /** Reaches the step on a runtime without the HTTP worker, then makes the job look claimed by a dead runtime. */
  async function interruptedCall(method: "POST" | "GET", path: string) {
    await h.startRuntime({ httpCalls: false });
    const bot = await botCalling(`${base()}${path}`, {
      method,
      ...(method === "POST" ? { body: '{"a":1}' } : {}),
    });
    const user = makeUser(method);
    await h.client.start({ token: bot.token, from: user });
    await expectBotSaid(bot.token, user, ["Looking…"]);
    const job = await eventually(
      async () => (await h.db.select().from(httpJobs).where(eq(httpJobs.botId, bot.id)))[0],
    );
    await h.stopRuntimes();
    await h.db
      .update(httpJobs)
      .set({ status: "running", attempts: 1, claimedUntil: new Date(Date.now() - 1000) })
      .where(and(eq(httpJobs.id, job.id)));
    return { bot, user, job };
  }

  it("POST is not sent again: failure, 'interrupted; not retried (not idempotent)'", async () => {
    const { bot, user, job } = await interruptedCall("POST", "/create");
    const before = seen.filter((s) => s.url === "/create").length;
    await h.startRuntime({ httpAllowPrivate: true, httpPollMs: 200 });
    await expectBotSaid(bot.token, user, ["Failed : interrupted; not retried (not idempotent)"]);
    expect(seen.filter((s) => s.url === "/create").length).toBe(before);
    const [row] = await h.db.select().from(httpJobs).where(eq(httpJobs.id, job.id));
    expect(row).toMatchObject({ status: "done", attempts: 2 });
    await h.stopRuntimes();
  });

  it("GET is retried once and succeeds", async () => {
    const { bot, user } = await interruptedCall("GET", "/orders");
    const gets = () => seen.filter((x) => x.url === "/orders" && x.method === "GET").length;
    const before = gets();
    await h.startRuntime({ httpAllowPrivate: true, httpPollMs: 200 });
    await expectBotSaid(bot.token, user, ["OK 200 - -"]);
    expect(gets()).toBe(before + 1);
  });
});

describe("after an interruption (claimedJobPlan)", () => {
  it.each([
    ["GET", 1, true],
    ["POST", 1, true],
    ["GET", 2, true],
    ["PUT", 2, true],
    ["DELETE", 2, true],
    ["GET", 3, false],
    ["POST", 2, false],
    ["PATCH", 2, false],
  ] as const)("%s, claim %i: performed %s", (method, attempts, performed) => {
    expect(claimedJobPlan(method, attempts).perform).toBe(performed);
  });
});
