/**
 * Fixtures shared by the core's database tests: a fresh database per test file (on the embedded
 * PostgreSQL that vitest's global setup starts), a workspace with its owner, and helpers that insert
 * bots and published flows directly and feed Telegram users' messages through `receiveFromUser`.
 */
import { randomBytes, randomUUID } from "node:crypto";
import {
  bots,
  type ConversationRow,
  conversations,
  createDb,
  type Db,
  encryptSecret,
  flows,
  flowVersions,
  type MemberRole,
  memberships,
  messages,
  secretKeyFrom,
  timers,
  user,
  workspaces,
} from "@switchboard/db";
import { createTestDatabase } from "@switchboard/db/testing";
import { compileDraft, type InboundEvent } from "@switchboard/flow";
import { and, asc, eq, max, sql } from "drizzle-orm";
import type { Actor } from "../src/actor";
import type { TelegramUserInfo } from "../src/contacts/telegram";
import type { CoreEnv, DispatchResult } from "../src/conversations/dispatch";
import { receiveFromUser } from "../src/conversations/receive";
import type { OutboundCall } from "../src/outbox/telegram-calls";

/** Where Login links point: a host with a dot, so they can be link buttons. */
export const ADMIN_BASE_URL = "http://admin.example.test";
export const ENV: CoreEnv = { adminBaseUrl: ADMIN_BASE_URL };

const secretKey = secretKeyFrom("core-test-secret-0123456789");

let telegramSeq = 0;
/** A Telegram user no other test uses (its id is also its private chat's id). */
export function telegramUser(firstName = "Ann", extra: Partial<TelegramUserInfo> = {}): TelegramUserInfo {
  telegramSeq += 1;
  return {
    id: 700_000 + telegramSeq * 1000 + Math.floor(Math.random() * 1000),
    first_name: firstName,
    username: `${firstName.toLowerCase()}${telegramSeq}`,
    ...extra,
  };
}

export const makeToken = () =>
  `${1_000_000 + Math.floor(Math.random() * 8_000_000)}:${randomBytes(27).toString("base64url").slice(0, 35)}`;

export type World = Awaited<ReturnType<typeof createWorld>>;
export type TestBot = Awaited<ReturnType<World["addBot"]>>;

/** One test file's database with a workspace ("Test", owned by `ownerId`) and helpers. */
export async function createWorld(prefix = "core") {
  const database = await createTestDatabase(prefix);
  const { db } = database;
  // Open several of the pool's connections now, so concurrent calls in the tests really overlap.
  await Promise.all(Array.from({ length: 6 }, () => db.execute(sql`select pg_sleep(0.01)`)));
  const extraClients: { close: () => Promise<void> }[] = [];

  async function addUser(name = "Member") {
    const id = randomUUID();
    await db.insert(user).values({ id, name, email: `${id}@example.test` });
    return id;
  }

  const ownerId = await addUser("Olga Owner");
  const [ws] = await db.insert(workspaces).values({ name: "Test workspace" }).returning();
  const workspaceId = ws!.id;
  await db.insert(memberships).values({ workspaceId, userId: ownerId, role: "owner" });

  const world = {
    db,
    url: database.url,
    /** The `postgres` client under `db` (LISTEN, raw SQL). */
    sql: database.sql,
    workspaceId,
    ownerId,
    owner: (): Actor => ({ workspaceId, userId: ownerId, role: "owner" }),
    addUser,

    /** A new user who is a member of the workspace with `role`; returns the actor. */
    async addMember(name: string, role: MemberRole = "operator"): Promise<Actor> {
      const userId = await addUser(name);
      await db.insert(memberships).values({ workspaceId, userId, role });
      return { workspaceId, userId, role };
    },

    /**
     * Publishes a flow document: a new flow, or (with `flowId`) the flow's next version, which becomes
     * its live version. The document must compile.
     */
    async publish(doc: unknown, flowId?: string) {
      const compiled = compileDraft(doc);
      if (!compiled.ok) throw new Error(`the flow does not compile: ${JSON.stringify(compiled.problems)}`);
      let id = flowId;
      if (!id) {
        const [flow] = await db.insert(flows).values({ workspaceId, name: "Flow", draft: doc }).returning();
        id = flow!.id;
      }
      const [last] = await db
        .select({ n: max(flowVersions.version) })
        .from(flowVersions)
        .where(eq(flowVersions.flowId, id));
      const [version] = await db
        .insert(flowVersions)
        .values({
          flowId: id,
          workspaceId,
          version: (last?.n ?? 0) + 1,
          compiled: compiled.flow,
          source: doc,
        })
        .returning();
      await db.update(flows).set({ publishedVersionId: version!.id, draft: doc }).where(eq(flows.id, id));
      return { flowId: id, versionId: version!.id };
    },

    /** A bot (with an encrypted dummy token) running `flowId`. */
    async addBot(
      opts: { flowId?: string | null; settings?: Record<string, unknown>; enabled?: boolean } = {},
    ) {
      const token = makeToken();
      const username = `b${randomBytes(4).toString("hex")}_bot`;
      const [bot] = await db
        .insert(bots)
        .values({
          workspaceId,
          telegramId: Number(token.split(":")[0]),
          username,
          firstName: username,
          tokenEncrypted: encryptSecret(token, secretKey),
          tokenHint: "x",
          webhookSecret: randomBytes(16).toString("hex"),
          entryFlowId: opts.flowId ?? null,
          settings: opts.settings ?? {},
          enabled: opts.enabled ?? true,
        })
        .returning();
      return { ...bot!, token };
    },

    /** A Telegram user's message (by default /start) through the core, in its own transaction. */
    async say(
      bot: { id: string; workspaceId: string },
      from: TelegramUserInfo,
      event: InboundEvent = { type: "start" },
      text: string | null = "/start",
      on: Db = db,
    ): Promise<DispatchResult> {
      return on.transaction((tx) =>
        receiveFromUser(
          tx,
          bot,
          { chatId: from.id, from, event, text, telegramMessageId: 1, payload: {} },
          ENV,
        ),
      );
    },

    /** The user writes text. */
    text: (bot: { id: string; workspaceId: string }, from: TelegramUserInfo, text: string) =>
      world.say(bot, from, { type: "text", text }, text),

    async conversationOf(botId: string, chatId: number): Promise<ConversationRow> {
      const [row] = await db
        .select()
        .from(conversations)
        .where(and(eq(conversations.botId, botId), eq(conversations.chatId, chatId)));
      if (!row) throw new Error(`no conversation of chat ${chatId}`);
      return row;
    },

    async conversation(id: string): Promise<ConversationRow> {
      const [row] = await db.select().from(conversations).where(eq(conversations.id, id));
      if (!row) throw new Error(`no conversation ${id}`);
      return row;
    },

    /** The conversation's outgoing messages (the outbox and what was sent), in order. */
    async outgoing(conversationId: string) {
      return db
        .select()
        .from(messages)
        .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, "out")))
        .orderBy(asc(messages.createdAt), asc(messages.seq));
    },

    /** The texts (captions for media) of the conversation's outgoing messages, in order. */
    async outTexts(conversationId: string) {
      return (await world.outgoing(conversationId)).map((m) => m.text);
    },

    async timersOf(conversationId: string) {
      return db
        .select()
        .from(timers)
        .where(eq(timers.conversationId, conversationId))
        .orderBy(asc(timers.createdAt));
    },

    /**
     * Another connection pool on the same database, as a second process would have, with its
     * connections already open (so that calls through it really run concurrently with `db`'s).
     */
    async newClient(connections = 4): Promise<Db> {
      const client = createDb(database.url, { max: connections });
      extraClients.push(client);
      await Promise.all(
        Array.from({ length: connections }, () => client.db.execute(sql`select pg_sleep(0.01)`)),
      );
      return client.db;
    },

    async close() {
      for (const c of extraClients) await c.close().catch(() => {});
      await database.close();
    },
  };
  return world;
}

/** The URL of the Login button in an outgoing call's inline keyboard. */
export function loginButtonUrl(call: OutboundCall): string {
  const markup = call.params.reply_markup as { inline_keyboard?: Record<string, unknown>[][] } | undefined;
  const button = markup?.inline_keyboard?.flat().find((b) => "url" in b || "login_url" in b);
  if (!button) throw new Error(`no link button in ${JSON.stringify(call)}`);
  return "url" in button ? String(button.url) : String((button.login_url as { url: string }).url);
}

/** Runs `fn` and returns the DomainError code it threw (fails when it did not throw one). */
export async function errorCode(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (err) {
    const code = (err as { code?: unknown; name?: unknown }).code;
    if ((err as { name?: unknown }).name === "DomainError" && typeof code === "string") return code;
    throw err;
  }
  throw new Error("expected a DomainError, but nothing was thrown");
}
