import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  bots,
  encryptSecret,
  flows,
  flowVersions,
  memberships,
  secretKeyFrom,
  user,
  workspaces,
} from "@switchboard/db";
import { createTestDatabase } from "@switchboard/db/testing";
import { compileDraft, type FlowDocument } from "@switchboard/flow";
import type { flowDoc } from "@switchboard/flow/testing";
import { type SandboxUser, startSandbox } from "@switchboard/telegram-sandbox";
import { SandboxClient } from "@switchboard/telegram-sandbox/client";
import { eq } from "drizzle-orm";
import type { RuntimeConfig } from "../src/config";
import { type Runtime, startRuntime } from "../src/runtime";

export const TEST_SECRET = "runtime-test-secret-0123456789";
/** Where Login links point in tests: a host with a dot, so Telegram (the sandbox) accepts link buttons. */
export const ADMIN_BASE_URL = "http://admin.switchboard.test";

/** Text -> Buttons -> Free input (email) -> Text, with a /help alias. */
export function demoFlow(): FlowDocument {
  return {
    format: "switchboard.flow",
    version: 1,
    entryStepId: "hello",
    steps: [
      {
        id: "hello",
        type: "text",
        title: "",
        position: { x: 0, y: 0 },
        aliases: [],
        config: { text: "Hello {{name}}!" },
      },
      {
        id: "menu",
        type: "buttons",
        title: "",
        position: { x: 0, y: 0 },
        aliases: ["/menu"],
        config: {
          text: "Pick one",
          keyboard: "inline",
          columns: 1,
          retryText: "Use the buttons",
          buttons: [
            { id: "email", kind: "goto", label: "Leave email" },
            { id: "info", kind: "goto", label: "Info" },
          ],
        },
      },
      {
        id: "ask",
        type: "free_input",
        title: "",
        position: { x: 0, y: 0 },
        aliases: [],
        config: {
          text: "Your email?",
          variable: "email",
          validation: { kind: "email" },
          retryText: "Not an email",
        },
      },
      {
        id: "done",
        type: "text",
        title: "",
        position: { x: 0, y: 0 },
        aliases: [],
        config: { text: "Saved {{vars.email}}" },
      },
      {
        id: "info",
        type: "text",
        title: "",
        position: { x: 0, y: 0 },
        aliases: ["/help"],
        config: { text: 'Info: {{vars.email | "none"}}' },
      },
    ],
    edges: [
      { id: "e1", source: "hello", sourceHandle: "next", target: "menu" },
      { id: "e2", source: "menu", sourceHandle: "button:email", target: "ask" },
      { id: "e3", source: "menu", sourceHandle: "button:info", target: "info" },
      { id: "e4", source: "ask", sourceHandle: "next", target: "done" },
    ],
  };
}

export const makeToken = () =>
  `${1_000_000 + Math.floor(Math.random() * 8_000_000)}:${randomBytes(27).toString("base64url").slice(0, 35)}`;

let userSeq = 0;
export function makeUser(name = "Ann"): SandboxUser {
  userSeq += 1;
  return {
    id: 500_000 + userSeq + Math.floor(Math.random() * 1000) * 1000,
    first_name: name,
    username: `${name.toLowerCase()}${userSeq}`,
  };
}

/** A database, a sandbox, a workspace, and helpers to add bots and flows and start runtimes. */
export async function createHarness() {
  const database = await createTestDatabase("rt");
  const { db } = database;
  const sandbox = await startSandbox();
  const client = new SandboxClient(sandbox.url);
  const secretKey = secretKeyFrom(TEST_SECRET);
  const userId = randomUUID();
  await db.insert(user).values({ id: userId, name: "Test", email: `${userId}@example.test` });
  const [ws] = await db.insert(workspaces).values({ name: "Test" }).returning();
  await db.insert(memberships).values({ workspaceId: ws!.id, userId, role: "owner" });
  const runtimes: Runtime[] = [];
  const filesDir = mkdtempSync(path.join(tmpdir(), "switchboard-rt-files-"));

  const harness = {
    db,
    url: database.url,
    sandbox,
    client,
    workspaceId: ws!.id,
    userId,
    filesDir,

    /** The user writes `text`; resolves with the bot's next `count` messages after it. */
    async repliesTo(
      token: string,
      from: SandboxUser,
      text: string,
      options: { count?: number; timeoutMs?: number } = {},
    ) {
      const sent = await client.sendText({ token, from, text });
      return client.waitForBotMessages({
        token,
        chatId: from.id,
        count: options.count ?? 1,
        afterMessageId: sent.message_id,
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      });
    },

    /** Publishes a flow document (typed, or raw as the flow testing builders make it). */
    async publish(doc: FlowDocument | ReturnType<typeof flowDoc> = demoFlow()) {
      const compiled = compileDraft(doc);
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
      const [flow] = await db
        .insert(flows)
        .values({ workspaceId: ws!.id, name: "f", draft: doc })
        .returning();
      const [v] = await db
        .insert(flowVersions)
        .values({ flowId: flow!.id, workspaceId: ws!.id, version: 1, compiled: compiled.flow, source: doc })
        .returning();
      await db.update(flows).set({ publishedVersionId: v!.id }).where(eq(flows.id, flow!.id));
      return flow!.id;
    },

    async addBot(opts: { flowId?: string | null; registered?: boolean; mode?: "polling" | "webhook" } = {}) {
      const token = makeToken();
      const username = `b${randomBytes(4).toString("hex")}_bot`;
      if (opts.registered !== false) await client.registerBot({ token, username });
      const [bot] = await db
        .insert(bots)
        .values({
          workspaceId: ws!.id,
          telegramId: Number(token.split(":")[0]),
          username,
          firstName: username,
          tokenEncrypted: encryptSecret(token, secretKey),
          tokenHint: "x",
          webhookSecret: randomBytes(16).toString("hex"),
          deliveryMode: opts.mode ?? "polling",
          entryFlowId: opts.flowId ?? null,
        })
        .returning();
      return { ...bot!, token };
    },

    config(overrides: Partial<RuntimeConfig> = {}): RuntimeConfig {
      return {
        databaseUrl: database.url,
        apiRoot: sandbox.url,
        webhookBaseUrl: null,
        port: 0,
        reloadIntervalMs: 500,
        pollTimeoutSeconds: 1,
        instanceId: `test-${runtimes.length + 1}`,
        adminBaseUrl: ADMIN_BASE_URL,
        filesDir,
        timerPollMs: 200,
        ...overrides,
      };
    },

    async startRuntime(overrides: Partial<RuntimeConfig> = {}) {
      const rt = await startRuntime(harness.config(overrides), secretKey);
      runtimes.push(rt);
      return rt;
    },

    /** Stops every runtime started so far (their bots stop; the database and sandbox stay). */
    async stopRuntimes() {
      for (const rt of runtimes.splice(0)) await rt.stop().catch(() => {});
    },

    async close() {
      for (const rt of runtimes) await rt.stop().catch(() => {});
      await sandbox.close();
      await database.close();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
  return harness;
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;

/** Polls `check` until it returns a value (not undefined/false) or the time runs out. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
  what = "condition",
  /** Describes the state when it times out, for the error. */
  explain?: () => Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const state = explain ? ` (${await explain().catch((e) => String(e))})` : "";
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}${state}`);
}

/** Delivers an update to a runtime's webhook endpoint, as Telegram does (POST JSON + secret header). */
export function postWebhookUpdate(port: number, botId: string, secret: string, update: unknown) {
  return fetch(`http://127.0.0.1:${port}/telegram/${botId}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
    body: JSON.stringify(update),
  });
}
