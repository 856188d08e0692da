import { bots, type Db, processedUpdates, workspaces } from "@switchboard/db";
import { createTestDatabase } from "@switchboard/db/testing";
import { flowDoc, freeInputStep, textStep } from "@switchboard/flow/testing";
import type { SandboxUser } from "@switchboard/telegram-sandbox";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Logger } from "../src/log";
import { prepareUpdate, receiveUpdates } from "../src/receive-updates";
import { isStorable, originalJsonOf } from "../src/telegram/sanitize";
import { contentOf, isServiceMessage, mapUpdate, type TelegramUpdate } from "../src/telegram/update-mapping";
import { createHarness, type Harness, makeUser } from "./harness";

/*
 * Property-based fuzzing of Telegram update payloads through the receiving path: arbitrary strings
 * (U+0000, lone surrogates, RTL and BOM marks, emoji, huge ones) in every text a user controls, and
 * fields of the wrong type or missing. Nothing may throw, nothing Postgres refuses may be stored,
 * no well-formed update may be set aside, and a normal message after the fuzzed ones gets through.
 */

/** Characters that broke (or could break) storing or rendering. */
const nasty = fc.constantFrom(
  "\u0000",
  "\ud800",
  "\udbff",
  "\udc00",
  "\udfff",
  "\u200f",
  "\u202e",
  "\u061c",
  "\ufeff",
  "\ufffd",
  "😀",
  "\\",
  '"',
  "{{name}}",
  "a",
  " ",
);
/** Any UTF-16 code unit, so lone surrogates come as often as anything else. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const oddString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: codeUnit, maxLength: 40 }) },
  { weight: 4, arbitrary: fc.array(nasty, { maxLength: 30 }).map((a) => a.join("")) },
  {
    weight: 1,
    arbitrary: fc.tuple(nasty, fc.integer({ min: 4_000, max: 20_000 })).map(([c, n]) => c.repeat(n)),
  },
);
/** A value of any type, for fields that should have another. */
const oddValue = fc.oneof(
  oddString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.anything(),
);

const wellFormedUser = (id: number) =>
  fc.record(
    {
      id: fc.constant(id),
      is_bot: fc.constant(false),
      first_name: oddString,
      last_name: oddString,
      username: oddString,
      language_code: oddString,
    },
    { requiredKeys: ["id", "is_bot", "first_name"] },
  );

/** A private message whose every user-controlled string is arbitrary, but every field has its type. */
const wellFormedMessage = (chatId: number) =>
  fc.record(
    {
      message_id: fc.integer({ min: 1, max: 2 ** 31 }),
      date: fc.nat(),
      from: wellFormedUser(chatId),
      chat: fc.constant({ id: chatId, type: "private" }),
      text: oddString,
      caption: oddString,
      contact: fc.record(
        { phone_number: oddString, user_id: fc.constant(chatId) },
        { requiredKeys: ["phone_number"] },
      ),
      document: fc.record({
        file_id: oddString,
        file_unique_id: oddString,
        file_name: oddString,
        mime_type: oddString,
      }),
      sticker: fc.record({ emoji: oddString }, { requiredKeys: [] }),
    },
    { requiredKeys: ["message_id", "date", "from", "chat"] },
  );

const wellFormedUpdate = (chatId: number) =>
  fc.oneof(
    wellFormedMessage(chatId).map((message) => ({ message })),
    fc
      .record(
        { id: oddString, from: wellFormedUser(chatId), data: oddString },
        { requiredKeys: ["id", "from"] },
      )
      .map((callback_query) => ({ callback_query })),
  );

/** Anything at all in the places the runtime reads, including missing and mistyped fields. */
const oddUpdate = (chatId: number) =>
  fc.oneof(
    fc
      .record(
        {
          message_id: oddValue,
          from: fc.oneof(wellFormedUser(chatId), oddValue),
          chat: fc.oneof(fc.constant({ id: chatId, type: "private" }), fc.constant({ id: chatId }), oddValue),
          text: oddValue,
          caption: oddValue,
          photo: fc.oneof(
            fc.array(fc.record({ file_id: oddValue, width: oddValue, height: oddValue })),
            oddValue,
          ),
          contact: oddValue,
          new_chat_members: oddValue,
        },
        { requiredKeys: [] },
      )
      .map((message) => ({ message })),
    fc.record(
      { callback_query: oddValue, my_chat_member: oddValue, edited_message: oddValue },
      { requiredKeys: [] },
    ),
    fc.dictionary(oddString, oddValue, { maxKeys: 4 }),
  );

/** As it arrives: JSON text parsed (no undefined, no -0, no NaN). */
const asReceived = (u: object, updateId: number): unknown =>
  JSON.parse(JSON.stringify({ ...u, update_id: updateId }));

function allStringsStorable(v: unknown): boolean {
  if (typeof v === "string") return isStorable(v);
  if (Array.isArray(v)) return v.every(allStringsStorable);
  if (v !== null && typeof v === "object")
    return Object.entries(v).every(([k, x]) => isStorable(k) && allStringsStorable(x));
  return true;
}

describe("receiving fuzzed updates (pure)", () => {
  it("a well-formed update is always kept, made storable, and maps without throwing", () => {
    fc.assert(
      fc.property(wellFormedUpdate(42), (u) => {
        const update = asReceived(u, 7);
        const prepared = prepareUpdate(update, 7, originalJsonOf(update));
        expect(prepared).not.toHaveProperty("problem");
        if ("problem" in prepared) return;
        expect(allStringsStorable(prepared.payload)).toBe(true);
        expect(prepared.chatId).toBe(42);
        expect(JSON.parse(originalJsonOf(update))).toEqual(update);
        const payload = prepared.payload as TelegramUpdate;
        mapUpdate(payload);
        if (payload.message) {
          contentOf(payload.message);
          isServiceMessage(payload.message);
        }
      }),
      { numRuns: 120 },
    );
  });

  it("an update of any shape is either set aside with a sentence or maps without throwing", () => {
    fc.assert(
      fc.property(oddUpdate(42), (u) => {
        const update = asReceived(u, 8);
        const prepared = prepareUpdate(update, 8, originalJsonOf(update));
        if ("problem" in prepared) {
          expect(prepared.problem).toMatch(/^[^{[]/);
          return;
        }
        expect(allStringsStorable(prepared.payload)).toBe(true);
        const payload = prepared.payload as TelegramUpdate;
        mapUpdate(payload);
        if (payload.message) {
          contentOf(payload.message);
          isServiceMessage(payload.message);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("receiving fuzzed updates (database)", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Db;
  let botId: string;
  beforeAll(async () => {
    database = await createTestDatabase("fuzz");
    db = database.db;
    const [ws] = await db.insert(workspaces).values({ name: "Fuzz" }).returning();
    const [bot] = await db
      .insert(bots)
      .values({
        workspaceId: ws!.id,
        telegramId: 1,
        username: "fuzz_bot",
        firstName: "Fuzz",
        tokenEncrypted: "x",
        tokenHint: "x",
        webhookSecret: "x",
      })
      .returning();
    botId = bot!.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it("stores or sets aside every update of a batch, and never throws", async () => {
    const log: Logger = () => {};
    let nextId = 1;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(wellFormedUpdate(42), oddUpdate(42)), { minLength: 1, maxLength: 6 }),
        async (batch) => {
          const received = batch.map((u) => ({ update: asReceived(u, nextId++) }));
          await receiveUpdates(db, log, botId, received);
          const ids = received.map((r) => (r.update as { update_id: number }).update_id);
          const rows = await db
            .select({ id: processedUpdates.updateId })
            .from(processedUpdates)
            .where(eq(processedUpdates.botId, botId));
          const stored = new Set(rows.map((r) => r.id));
          for (const id of ids) expect(stored.has(id)).toBe(true);
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe("processing fuzzed updates (runtime and sandbox)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("after fuzzed updates, a normal message in the same chat still gets its reply", async () => {
    const flowId = await h.publish(
      flowDoc(
        [
          textStep("hi", "Hi {{name}}"),
          freeInputStep("ask", "Say something", "said"),
          textStep("echo", "Got {{vars.said}}"),
        ],
        [
          ["hi", "next", "ask"],
          ["ask", "next", "echo"],
          ["echo", "next", "ask"],
        ],
      ),
    );
    const bot = await h.addBot({ flowId });
    // Per-chat pacing lifted: a round's replies (up to eight) at 1/s would outrun the test's time on a busy
    // machine; this test is about stalls, not pacing.
    await h.startRuntime({ chatMessagesPerSecond: 1000, chatBurst: 1000 });
    const user: SandboxUser = makeUser("Fuzz");
    await h.client.start({ token: bot.token, from: user });
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(wellFormedUpdate(user.id), oddUpdate(user.id)), { minLength: 1, maxLength: 3 }),
        async (batch) => {
          round += 1;
          for (const u of batch) await h.client.injectUpdate({ token: bot.token, update: u });
          await h.client.sendText({ token: bot.token, from: user, text: `ping${round}` });
          await h.client.waitForChat({
            token: bot.token,
            chatId: user.id,
            timeoutMs: 8_000,
            until: (ms) => ms.some((m) => m.from_bot && m.text === `Got ping${round}`),
          });
        },
      ),
      { numRuns: 5 },
    );
  });
});
