import { createHash } from "node:crypto";
import { type ContactRow, contacts, conversations, leads, loginTokens, workspaces } from "@switchboard/db";
import { flowDoc, textStep } from "@switchboard/flow/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertTelegramContact } from "../src/contacts/telegram";
import { applyContactUpdate } from "../src/contacts/update";
import { pipelineStages } from "../src/leads/stages";
import { createWorld, type TestBot, telegramUser, type World } from "./fixtures";

let w: World;
let bot: TestBot;
let stageId: string;

beforeAll(async () => {
  w = await createWorld("core_contacts");
  const { flowId } = await w.publish(flowDoc([textStep("hi", "Hi")]));
  bot = await w.addBot({ flowId });
  stageId = (await pipelineStages(w.db, w.workspaceId))[0]!.id;
});
afterAll(async () => {
  await w?.close();
});

let phoneSeq = 0;
const newPhone = () => `+38050${String(1_000_000 + ++phoneSeq * 7919).slice(-7)}`;

async function contact(id: string): Promise<ContactRow> {
  const [row] = await w.db.select().from(contacts).where(eq(contacts.id, id));
  return row!;
}

/** A contact made by hand (no Telegram user), created at `createdAt`. */
async function handMade(values: Partial<typeof contacts.$inferInsert> = {}) {
  const [row] = await w.db
    .insert(contacts)
    .values({
      workspaceId: w.workspaceId,
      firstName: "Olena",
      createdAt: new Date("2025-01-01T00:00:00Z"),
      ...values,
    })
    .returning();
  return row!;
}

/** A Telegram user who talked to the bot: their contact, with a conversation, a lead and a login link. */
async function talking(name = "Lena", values: Partial<typeof contacts.$inferInsert> = {}) {
  const user = telegramUser(name, { last_name: "Tg" });
  await w.say(bot, user);
  const conversation = await w.conversationOf(bot.id, user.id);
  const row = Object.keys(values).length
    ? (await w.db.update(contacts).set(values).where(eq(contacts.id, conversation.contactId)).returning())[0]
    : await contact(conversation.contactId);
  const [lead] = await w.db
    .insert(leads)
    .values({
      workspaceId: w.workspaceId,
      contactId: row!.id,
      title: `${name}'s deal`,
      stageId,
      source: "manual",
    })
    .returning();
  const [token] = await w.db
    .insert(loginTokens)
    .values({
      tokenHash: createHash("sha256").update(`${name}-${Math.random()}`).digest("hex"),
      workspaceId: w.workspaceId,
      botId: bot.id,
      conversationId: conversation.id,
      contactId: row!.id,
      stepId: "login",
      loginId: `login:${Math.random()}`,
      expiresAt: sql`now() + interval '1 hour'`,
    })
    .returning();
  return { user, contact: row!, conversation, lead: lead!, token: token! };
}

const update = (
  c: ContactRow,
  set: Record<string, string>,
  extra: { fields?: Record<string, string>; addTags?: string[]; removeTags?: string[] } = {},
) =>
  w.db.transaction((tx) =>
    applyContactUpdate(tx, c, {
      set,
      fields: extra.fields ?? {},
      addTags: extra.addTags ?? [],
      removeTags: extra.removeTags ?? [],
    }),
  );

describe("applyContactUpdate without a merge", () => {
  it("writes the values, merges fields, adds and removes tags", async () => {
    const { contact: c } = await talking("Plain", { tags: ["a", "b"], fields: { plan: "pro", size: "m" } });
    const phone = newPhone();
    const row = await update(
      c,
      { email: "p@example.com", phone, city: "Lviv" },
      {
        fields: { size: "l" },
        addTags: ["c"],
        removeTags: ["a"],
      },
    );
    expect(row.id).toBe(c.id);
    expect(row).toMatchObject({
      email: "p@example.com",
      phone,
      city: "Lviv",
      fields: { plan: "pro", size: "l" },
    });
    expect([...row.tags].sort()).toEqual(["b", "c"]);
    expect(await contact(c.id)).toEqual(row);
  });

  it.each<[string, (phone: string) => Promise<unknown>]>([
    [
      "a contact of another workspace",
      async (phone) => {
        const [ws] = await w.db.insert(workspaces).values({ name: "Other" }).returning();
        return w.db
          .insert(contacts)
          .values({ workspaceId: ws!.id, firstName: "X", phone, createdAt: new Date("2020-01-01") });
      },
    ],
    [
      "a merged pointer",
      async (phone) => {
        const survivor = await handMade({ firstName: "S" });
        return handMade({
          firstName: "P",
          phone,
          mergedIntoId: survivor.id,
          createdAt: new Date("2020-01-01"),
        });
      },
    ],
  ])("a phone that only %s has: no merge", async (_, seed) => {
    const phone = newPhone();
    await seed(phone);
    const { contact: c, conversation } = await talking("Alone");
    const row = await update(c, { phone });
    expect(row.id).toBe(c.id);
    expect(row.mergedIntoId).toBeNull();
    expect((await w.conversation(conversation.id)).contactId).toBe(c.id);
  });

  it("saving the phone the contact already has merges nothing", async () => {
    const phone = newPhone();
    const { contact: c } = await talking("Same", { phone });
    const row = await update(c, { phone });
    expect(row.id).toBe(c.id);
  });
});

describe("applyContactUpdate merging by phone", () => {
  it("into an older hand-made contact: the older survives with everything, the talking one's values win", async () => {
    const phone = newPhone();
    const older = await handMade({
      phone,
      firstName: "Olena",
      lastName: "Old",
      email: "old@example.com",
      city: "Kyiv",
      tags: ["vip"],
      fields: { plan: "pro", source: "fair" },
      ownerUserId: w.ownerId,
    });
    const {
      user,
      contact: fresh,
      conversation,
      lead,
      token,
    } = await talking("Lena", {
      tags: ["new"],
      fields: { source: "ads" },
      city: "",
    });

    const survivor = await update(fresh, { phone, email: "lena@example.com" }, { addTags: ["has-phone"] });

    expect(survivor.id).toBe(older.id);
    expect(survivor).toMatchObject({
      // The hand-made contact takes over the Telegram user.
      telegramUserId: user.id,
      // The talking contact's non-empty values win; its empty ones don't.
      firstName: "Lena",
      lastName: "Tg",
      username: user.username,
      city: "Kyiv",
      // The update itself is written on the survivor.
      phone,
      email: "lena@example.com",
      ownerUserId: w.ownerId,
      fields: { plan: "pro", source: "ads" },
      mergedIntoId: null,
    });
    expect([...survivor.tags].sort()).toEqual(["has-phone", "new", "vip"]);
    expect(await contact(older.id)).toEqual(survivor);

    const pointer = await contact(fresh.id);
    expect(pointer).toMatchObject({ mergedIntoId: older.id, telegramUserId: null, phone: null });
    // Conversations, leads and login links moved.
    expect((await w.conversation(conversation.id)).contactId).toBe(older.id);
    expect((await w.db.select().from(leads).where(eq(leads.id, lead.id)))[0]!.contactId).toBe(older.id);
    expect((await w.db.select().from(loginTokens).where(eq(loginTokens.id, token.id)))[0]!.contactId).toBe(
      older.id,
    );
    // The workspace holds one live contact with this phone.
    const withPhone = await w.db.select().from(contacts).where(eq(contacts.phone, phone));
    expect(withPhone.map((c) => c.id)).toEqual([older.id]);
    // The Telegram user now finds the survivor.
    expect((await w.db.transaction((tx) => upsertTelegramContact(tx, w.workspaceId, user))).id).toBe(
      older.id,
    );
  });

  it("when the talking contact is the older one, it survives and keeps its Telegram user", async () => {
    const phone = newPhone();
    const {
      user,
      contact: talker,
      lead,
    } = await talking("Tara", { tags: ["t"], createdAt: new Date("2024-01-01") });
    const newer = await handMade({
      phone,
      firstName: "Typed by hand",
      email: "hand@example.com",
      tags: ["h"],
      fields: { note: "called" },
      createdAt: new Date("2025-06-01"),
    });
    const [newerLead] = await w.db
      .insert(leads)
      .values({
        workspaceId: w.workspaceId,
        contactId: newer.id,
        title: "Hand deal",
        stageId,
        source: "manual",
      })
      .returning();

    const survivor = await update(talker, { phone });
    expect(survivor.id).toBe(talker.id);
    expect(survivor).toMatchObject({
      telegramUserId: user.id,
      firstName: "Tara",
      email: "hand@example.com",
      phone,
      fields: { note: "called" },
    });
    expect([...survivor.tags].sort()).toEqual(["h", "t"]);
    expect(await contact(newer.id)).toMatchObject({
      mergedIntoId: talker.id,
      phone: null,
      telegramUserId: null,
    });
    const moved = await w.db.select().from(leads).where(eq(leads.contactId, talker.id));
    expect(moved.map((l) => l.id).sort()).toEqual([lead.id, newerLead!.id].sort());
  });

  it("two Telegram users: the survivor keeps its own Telegram user, the pointer keeps its one and leads to the survivor", async () => {
    const phone = newPhone();
    const first = await talking("First", { phone, createdAt: new Date("2024-01-01") });
    const second = await talking("Second");
    const survivor = await update(second.contact, { phone });
    expect(survivor.id).toBe(first.contact.id);
    expect(survivor.telegramUserId).toBe(first.user.id);
    expect(survivor.firstName).toBe("Second"); // the talking one's name wins
    expect(await contact(second.contact.id)).toMatchObject({
      mergedIntoId: first.contact.id,
      telegramUserId: second.user.id,
    });
    expect((await w.conversation(second.conversation.id)).contactId).toBe(first.contact.id);
    expect((await w.conversation(first.conversation.id)).contactId).toBe(first.contact.id);
  });

  it("an earlier pointer is re-pointed at the new survivor (one hop)", async () => {
    const phoneB = newPhone();
    const phoneA = newPhone();
    // B absorbed P earlier.
    const b = await talking("Bee", { phone: phoneB, createdAt: new Date("2024-06-01") });
    const p = await talking("Pea");
    expect((await update(p.contact, { phone: phoneB })).id).toBe(b.contact.id);
    // Now B gives a number that an even older contact A has: B merges into A.
    const a = await handMade({ phone: phoneA, createdAt: new Date("2023-01-01") });
    const survivor = await update(await contact(b.contact.id), { phone: phoneA });
    expect(survivor.id).toBe(a.id);
    expect((await contact(p.contact.id)).mergedIntoId).toBe(a.id);
    expect((await contact(b.contact.id)).mergedIntoId).toBe(a.id);
    expect((await w.conversation(p.conversation.id)).contactId).toBe(a.id);
    // P's Telegram user finds A in one hop.
    const found = await w.db.transaction((tx) => upsertTelegramContact(tx, w.workspaceId, p.user));
    expect(found.id).toBe(a.id);
  });

  it("through the flow: the conversation continues on the survivor", async () => {
    const phone = newPhone();
    const older = await handMade({ phone });
    const user = telegramUser("Flow");
    const { flowId } = await w.publish(
      flowDoc(
        [
          { id: "phone", type: "update_contact", config: { text: "Phone?", addTags: ["has-phone"] } },
          textStep("ok", "Thanks {{name}}"),
        ],
        [["phone", "next", "ok"]],
      ),
    );
    const phoneBot = await w.addBot({ flowId });
    await w.say(phoneBot, user);
    const result = await w.say(phoneBot, user, { type: "contact", phone, own: true }, null);
    expect(result.conversation.contactId).toBe(older.id);
    expect(await w.outTexts(result.conversation.id)).toEqual(["Phone?", "Thanks Flow"]);
    expect((await contact(older.id)).tags).toEqual(["has-phone"]);
  });
});

describe("upsertTelegramContact", () => {
  const upsert = (from: Parameters<typeof upsertTelegramContact>[2]) =>
    w.db.transaction((tx) => upsertTelegramContact(tx, w.workspaceId, from));

  it("creates the contact from the Telegram profile on first contact", async () => {
    const user = telegramUser("Nina", { last_name: "N", language_code: "uk" });
    const row = await upsert(user);
    expect(row).toMatchObject({
      workspaceId: w.workspaceId,
      telegramUserId: user.id,
      firstName: "Nina",
      lastName: "N",
      username: user.username,
      languageCode: "uk",
      mergedIntoId: null,
    });
    expect((await upsert(user)).id).toBe(row.id);
  });

  it("later does not overwrite the name the contact gave, but keeps the username and language current", async () => {
    const user = telegramUser("Ira", { last_name: "I" });
    const created = await upsert(user);
    await w.db
      .update(contacts)
      .set({ firstName: "Irina", lastName: "Ivanova" })
      .where(eq(contacts.id, created.id));
    const again = await upsert({
      ...user,
      first_name: "Ira2",
      last_name: "Changed",
      username: "ira_new",
      language_code: "en",
    });
    expect(again).toMatchObject({
      id: created.id,
      firstName: "Irina",
      lastName: "Ivanova",
      username: "ira_new",
      languageCode: "en",
    });
    expect(again.lastSeenAt.getTime()).toBeGreaterThanOrEqual(created.lastSeenAt.getTime());
  });

  it("follows a merged pointer to the survivor and marks the survivor seen", async () => {
    const user = telegramUser("Pointer");
    const pointer = await upsert(user);
    const survivor = await handMade({ firstName: "Survivor", lastSeenAt: new Date("2025-01-01") });
    await w.db.update(contacts).set({ mergedIntoId: survivor.id }).where(eq(contacts.id, pointer.id));
    const found = await upsert(user);
    expect(found.id).toBe(survivor.id);
    expect(found.firstName).toBe("Survivor");
    expect((await contact(survivor.id)).lastSeenAt.getTime()).toBeGreaterThan(
      new Date("2025-01-02").getTime(),
    );
    // A new message opens (or continues) the conversation on the survivor.
    await w.say(bot, user);
    expect((await w.conversationOf(bot.id, user.id)).contactId).toBe(survivor.id);
    expect(await w.db.select().from(conversations).where(eq(conversations.contactId, pointer.id))).toEqual(
      [],
    );
  });
});
