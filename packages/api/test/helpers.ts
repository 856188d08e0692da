import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";
import { LocalFileStorage, lockChat, receiveFromUser, type TelegramUserInfo } from "@switchboard/core";
import { type Db, memberships, messages, secretKeyFrom, session, user, workspaces } from "@switchboard/db";
import { createTestDatabase } from "@switchboard/db/testing";
import type { FlowDocument, InboundEvent } from "@switchboard/flow";
import { type Sandbox, startSandbox } from "@switchboard/telegram-sandbox";
import { SandboxClient } from "@switchboard/telegram-sandbox/client";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { and, asc, eq } from "drizzle-orm";
import { expect } from "vitest";
import { type ApiEnv, createContext, realtimeHubFor } from "../src/context";
import { appRouter } from "../src/router";
import { createCallerFactory } from "../src/trpc";

/** The admin's address in tests: login links point there. */
export const ADMIN_BASE_URL = "https://admin.switchboard.test";

export const TEST_SECRET = "api-test-secret-0123456789abcdef";
export const secretKey = secretKeyFrom(TEST_SECRET);

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

/** The API as the admin's tRPC handler calls it for this user (and, when given, their auth session). */
export function callerFor(
  db: Db,
  userId: string | null,
  env: ApiEnv,
  sessionId: string | null = null,
): Caller {
  return createCaller(createContext({ db, userId, sessionId, env }));
}

/** A well-formed bot token ("<digits>:<35 chars>") that no one has registered yet. */
export const makeToken = (id = 1_000_000 + Math.floor(Math.random() * 8_000_000)) =>
  `${id}:${randomBytes(27).toString("base64url").slice(0, 35)}`;

export const makeUsername = () => `t${randomBytes(4).toString("hex")}_bot`;

/** A loopback port that nothing listens on (it was free a moment ago). */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface Member {
  userId: string;
  workspaceId: string;
  api: Caller;
}

/**
 * One test file's world: a fresh database, a Bot API sandbox used as Telegram, and helpers to make
 * workspaces and members that call the API as the admin's tRPC handler would.
 */
export async function createWorld(prefix = "api") {
  const database = await createTestDatabase(prefix);
  const { db } = database;
  const sandbox: Sandbox = await startSandbox();
  const filesDir = await mkdtemp(path.join(tmpdir(), `switchboard-${prefix}-files-`));
  const env: ApiEnv = {
    secretKey,
    telegramApiRoot: sandbox.url,
    sandboxUrl: sandbox.url,
    core: { adminBaseUrl: ADMIN_BASE_URL },
    fileStorage: new LocalFileStorage(filesDir),
    realtime: realtimeHubFor(database.url),
  };
  const telegram = new SandboxClient(sandbox.url);

  async function addUser(name = "Test") {
    const userId = randomUUID();
    await db.insert(user).values({ id: userId, name, email: `${userId}@example.test` });
    return userId;
  }

  return {
    db,
    sandbox,
    telegram,
    env,
    addUser,
    /** A signed-in user with the given role in `workspaceId`, or in a new workspace. */
    async member(
      role: "owner" | "marketer" | "operator" = "owner",
      workspaceId?: string,
      apiEnv: ApiEnv = env,
    ): Promise<Member> {
      const userId = await addUser(role);
      let wsId = workspaceId;
      if (!wsId) {
        const [ws] = await db
          .insert(workspaces)
          .values({ name: `WS ${role}` })
          .returning();
        wsId = ws!.id;
      }
      await db.insert(memberships).values({ workspaceId: wsId, userId, role });
      return { userId, workspaceId: wsId, api: callerFor(db, userId, apiEnv) };
    },
    /**
     * A signed-in browser of `userId`: a better-auth session row (working in `activeWorkspaceId`, or in
     * the user's first workspace) and the API as that browser calls it.
     */
    async browser(userId: string, activeWorkspaceId: string | null = null) {
      const sessionId = randomUUID();
      await db.insert(session).values({
        id: sessionId,
        token: randomUUID(),
        userId,
        expiresAt: new Date(Date.now() + 86_400_000),
        activeWorkspaceId,
      });
      return { sessionId, api: callerFor(db, userId, env, sessionId) };
    },
    /** Registers a fresh bot in the sandbox; returns its token and username. */
    async sandboxBot(username = makeUsername()) {
      const token = makeToken();
      await telegram.registerBot({ token, username, firstName: "Test Bot" });
      return { token, username };
    },
    /**
     * A bot connected by `member` (who joins its operator pool) running `doc`, published. The flow must
     * publish: the test fails with the problems otherwise.
     */
    async publishedBot(member: Member, doc: unknown, name = "Flow") {
      const { token } = await this.sandboxBot();
      const bot = await member.api.bots.connect({ token });
      const { id: flowId } = await member.api.flows.create({ name });
      await member.api.flows.saveDraft({ id: flowId, draft: doc });
      const published = await member.api.flows.publish({ id: flowId });
      expect(published, JSON.stringify(published.problems)).toMatchObject({ ok: true });
      await member.api.bots.update({ id: bot.id, entryFlowId: flowId });
      return { botId: bot.id, flowId, workspaceId: member.workspaceId, username: bot.username };
    },
    /**
     * A Telegram user writes to the bot, as the runtime hands an update to the core: in one
     * transaction under the chat's lock, through `receiveFromUser`. Nothing is sent (no runtime runs):
     * the bot's answers stay queued in the outbox.
     */
    userSays(
      bot: { botId: string; workspaceId: string },
      from: TelegramUserInfo,
      event: InboundEvent = { type: "start" },
    ) {
      const text = event.type === "start" ? "/start" : event.type === "text" ? event.text : null;
      return db.transaction(async (tx) => {
        await lockChat(tx, bot.botId, from.id);
        return receiveFromUser(
          tx,
          { id: bot.botId, workspaceId: bot.workspaceId },
          { chatId: from.id, from, event, text, telegramMessageId: null, payload: { test: event } },
          env.core,
        );
      });
    },
    /** The conversation's outbound messages, in order (pending ones included). */
    async outbox(conversationId: string) {
      return db
        .select({ text: messages.text, senderUserId: messages.senderUserId, payload: messages.payload })
        .from(messages)
        .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, "out")))
        .orderBy(asc(messages.createdAt), asc(messages.seq));
    },
    async close() {
      await sandbox.close();
      await database.close();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;

/** Awaits `call` and checks it fails with this tRPC code (and, when given, a message matching `message`). */
export async function expectTrpcError(
  call: Promise<unknown>,
  code: TRPC_ERROR_CODE_KEY,
  message?: RegExp | string,
): Promise<TRPCError> {
  const err = await call.then(
    (value) => {
      throw new Error(`expected ${code}, but the call succeeded with ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TRPCError);
  const trpcError = err as TRPCError;
  expect(trpcError.code, trpcError.message).toBe(code);
  if (message !== undefined) expect(trpcError.message).toMatch(message);
  return trpcError;
}

/** Text -> Buttons (two buttons) -> two texts: a flow that compiles. */
export function goodFlow(): FlowDocument {
  return {
    format: "switchboard.flow",
    version: 1,
    entryStepId: "hello",
    steps: [
      {
        id: "hello",
        type: "text",
        title: "Hello",
        position: { x: 0, y: 0 },
        aliases: ["/start"],
        config: { text: "Hello {{name}}!" },
      },
      {
        id: "menu",
        type: "buttons",
        title: "Menu",
        position: { x: 0, y: 150 },
        aliases: [],
        config: {
          text: "Pick one",
          keyboard: "inline",
          columns: 1,
          retryText: "Use the buttons",
          buttons: [
            { id: "a", kind: "goto", label: "A" },
            { id: "b", kind: "goto", label: "B" },
          ],
        },
      },
      {
        id: "end_a",
        type: "text",
        title: "A",
        position: { x: -100, y: 300 },
        aliases: [],
        config: { text: "You chose A" },
      },
      {
        id: "end_b",
        type: "text",
        title: "B",
        position: { x: 100, y: 300 },
        aliases: [],
        config: { text: "You chose B" },
      },
    ],
    edges: [
      { id: "e1", source: "hello", sourceHandle: "next", target: "menu" },
      { id: "e2", source: "menu", sourceHandle: "button:a", target: "end_a" },
      { id: "e3", source: "menu", sourceHandle: "button:b", target: "end_b" },
    ],
  };
}

/** goodFlow with button "b" not connected: saves, but doesn't publish (BUTTON_NO_TARGET on "menu"). */
export function unfinishedFlow(): FlowDocument {
  const doc = goodFlow();
  return { ...doc, edges: doc.edges.filter((e) => e.id !== "e3") };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function pngChunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real (grey, 8-bit) PNG image of the given size, for uploads. */
export function png(width: number, height: number): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter byte per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(rows)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}
