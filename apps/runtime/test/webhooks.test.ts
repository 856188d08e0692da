// Send webhook end to end: a user in the sandbox reaches the step, the flow goes on at once, and the
// runtime POSTs the signed payload to a local node:http receiver, which verifies it with exactly the
// documented recipe (verifyWebhookSignature). A receiver answering 500 twice gets it on the third
// attempt (short backoff); every attempt is in the delivery log the admin reads through tRPC.

import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApiEnv, appRouter, createCallerFactory, createContext, realtimeHubFor } from "@switchboard/api";
import { LocalFileStorage, verifyWebhookSignature } from "@switchboard/core";
import { secretKeyFrom } from "@switchboard/db";
import { flowDoc, freeInputStep, sendWebhookStep, textStep } from "@switchboard/flow/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_BASE_URL, createHarness, eventually, type Harness, makeUser, TEST_SECRET } from "./harness";

interface Received {
  headers: IncomingMessage["headers"];
  body: string;
  at: number;
}

/** A local receiver: records each request and answers with the next status of `script` (then 200). */
async function startReceiver(script: number[] = []) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      const status = script.shift() ?? 200;
      res.writeHead(status, { "content-type": "text/plain" });
      res.end(status === 200 ? "ok, thanks" : `oops ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/switchboard`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let h: Harness;
let storageDir: string;
beforeAll(async () => {
  h = await createHarness();
  storageDir = h.filesDir;
  // Short backoff so retries happen within the test; private addresses allowed for the local receiver.
  await h.startRuntime({
    webhookPollMs: 100,
    httpAllowPrivate: true,
    webhookRetry: { firstBackoffMs: 300, maxBackoffMs: 1000 },
  });
});
afterAll(async () => {
  await h?.close();
});

/** The API as the admin's tRPC handler calls it for the workspace's owner. */
function api() {
  const env: ApiEnv = {
    secretKey: secretKeyFrom(TEST_SECRET),
    telegramApiRoot: h.sandbox.url,
    sandboxUrl: h.sandbox.url,
    core: { adminBaseUrl: ADMIN_BASE_URL },
    fileStorage: new LocalFileStorage(storageDir),
    realtime: realtimeHubFor(h.url),
  };
  return createCallerFactory(appRouter)(createContext({ db: h.db, userId: h.userId, sessionId: null, env }));
}

async function publishHookFlow(url: string) {
  const flowId = await h.publish(
    flowDoc(
      [
        freeInputStep("ask", "Which plan?", "plan"),
        sendWebhookStep("hook", url, { extra: [{ key: "source", value: "telegram/{{vars.plan}}" }] }),
        textStep("done", "Thanks, {{name}}!"),
      ],
      [
        ["ask", "next", "hook"],
        ["hook", "next", "done"],
      ],
    ),
  );
  return h.addBot({ flowId });
}

async function botSaid(token: string, chatId: number, text: string) {
  await eventually(
    async () =>
      (await h.client.getMessages({ token, chatId })).some((m) => m.from_bot && m.text === text) || undefined,
    15_000,
    `the bot to say "${text}"`,
  );
}

describe("send webhook through the runtime", () => {
  it("delivers the signed payload; the receiver verifies it with the documented recipe", async () => {
    const receiver = await startReceiver();
    try {
      const bot = await publishHookFlow(receiver.url);
      const user = makeUser("Ann");
      await h.client.sendText({ token: bot.token, from: user, text: "/start" });
      await botSaid(bot.token, user.id, "Which plan?");
      await h.client.sendText({ token: bot.token, from: user, text: "pro" });
      // The flow does not wait for the delivery.
      await botSaid(bot.token, user.id, "Thanks, Ann!");

      const [request] = await eventually(
        async () => (receiver.received.length ? receiver.received : undefined),
        15_000,
        "the receiver to get the webhook",
      );
      const { secret } = await api().webhooks.signingSecret();
      const headers = request!.headers;
      expect(
        verifyWebhookSignature(
          secret,
          request!.body,
          headers["x-switchboard-timestamp"] as string,
          headers["x-switchboard-signature"] as string,
        ),
      ).toBe(true);
      // A different secret, or a changed body, does not verify.
      expect(
        verifyWebhookSignature(
          `${secret}x`,
          request!.body,
          headers["x-switchboard-timestamp"] as string,
          headers["x-switchboard-signature"] as string,
        ),
      ).toBe(false);
      expect(headers["content-type"]).toBe("application/json");

      const payload = JSON.parse(request!.body);
      expect(headers["x-switchboard-delivery"]).toBe(payload.id);
      expect(payload).toMatchObject({
        event: "flow.webhook",
        workspaceId: h.workspaceId,
        bot: { id: bot.id, username: bot.username },
        conversation: { stepId: "hook", status: "bot" },
        contact: { telegramUserId: user.id, firstName: "Ann", username: user.username, tags: [] },
        variables: { plan: "pro" },
        extra: { source: "telegram/pro" },
      });

      const delivered = await eventually(
        async () => {
          const d = await api().webhooks.delivery({ id: payload.id });
          return d.status === "delivered" ? d : undefined;
        },
        10_000,
        "the delivery to be recorded as delivered",
      );
      expect(delivered).toMatchObject({
        attempts: 1,
        lastStatusCode: 200,
        lastResponse: "ok, thanks",
        url: receiver.url,
      });
      expect(delivered.payload).toEqual(payload);
    } finally {
      await receiver.close();
    }
  });

  it("a receiver answering 500 twice gets it on the third attempt, after backoff; the log shows it", async () => {
    const receiver = await startReceiver([500, 500]);
    try {
      const bot = await publishHookFlow(receiver.url);
      const user = makeUser("Bob");
      await h.client.sendText({ token: bot.token, from: user, text: "/start" });
      await botSaid(bot.token, user.id, "Which plan?");
      await h.client.sendText({ token: bot.token, from: user, text: "basic" });

      await eventually(async () => receiver.received.length >= 3 || undefined, 20_000, "three attempts");
      const ids = new Set(receiver.received.map((r) => r.headers["x-switchboard-delivery"]));
      expect(ids.size).toBe(1); // the same delivery, retried
      // Backoff: ≥ 300 ms, then ≥ 600 ms between attempts.
      const [a, b, c] = receiver.received.map((r) => r.at);
      expect(b! - a!).toBeGreaterThanOrEqual(250);
      expect(c! - b!).toBeGreaterThanOrEqual(550);

      const [id] = [...ids] as string[];
      const delivered = await eventually(
        async () => {
          const d = await api().webhooks.delivery({ id: id! });
          return d.status === "delivered" ? d : undefined;
        },
        10_000,
        "delivered after the retries",
      );
      expect(delivered).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: null });

      const log = await api().webhooks.deliveries({ botId: bot.id });
      expect(log.items.map((d) => [d.id, d.status, d.attempts])).toEqual([[id, "delivered", 3]]);
      expect((await api().webhooks.deliveries({ botId: bot.id, status: "failed" })).items).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it("410 Gone: failed at once, not retried", async () => {
    const receiver = await startReceiver([410]);
    try {
      const bot = await publishHookFlow(receiver.url);
      const user = makeUser("Cy");
      await h.client.sendText({ token: bot.token, from: user, text: "/start" });
      await botSaid(bot.token, user.id, "Which plan?");
      await h.client.sendText({ token: bot.token, from: user, text: "gone" });
      const [failed] = await eventually(
        async () => {
          const log = await api().webhooks.deliveries({ botId: bot.id, status: "failed" });
          return log.items.length ? log.items : undefined;
        },
        15_000,
        "the delivery to fail",
      );
      expect(failed).toMatchObject({ attempts: 1, lastStatusCode: 410 });
      await new Promise((r) => setTimeout(r, 1500)); // longer than the test backoff
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });
});
