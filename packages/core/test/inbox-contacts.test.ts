import { contactFields, contacts, conversations, leads, realtimeEvents } from "@switchboard/db";
import { flowDoc, textStep } from "@switchboard/flow/testing";
import { and, eq, gt, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/actor";
import { editContact } from "../src/contacts/edit";
import { createWorld, errorCode, type TestBot, telegramUser, type World } from "./fixtures";

let w: World;
let bot: TestBot;
let operator: Actor;

beforeAll(async () => {
  w = await createWorld("core_inbox_contacts");
  const { flowId } = await w.publish(flowDoc([textStep("hi", "Hi")]));
  bot = await w.addBot({ flowId });
  operator = await w.addMember("Olly", "operator");
  await w.db.insert(contactFields).values([
    { workspaceId: w.workspaceId, key: "plan", label: "Plan", type: "choice", options: ["Basic", "Pro"] },
    { workspaceId: w.workspaceId, key: "seats", label: "Seats", type: "number" },
    { workspaceId: w.workspaceId, key: "renewal", label: "Renewal", type: "date" },
    { workspaceId: w.workspaceId, key: "note", label: "Note", type: "text" },
  ]);
});
afterAll(async () => {
  await w?.close();
});

/** A Telegram user's contact with a conversation of the bot. */
async function contactOf(name = "Kim") {
  const user = telegramUser(name);
  await w.say(bot, user);
  const conversation = await w.conversationOf(bot.id, user.id);
  const [contact] = await w.db.select().from(contacts).where(eq(contacts.id, conversation.contactId));
  return { user, conversation, contact: contact! };
}

const lastEventId = async () =>
  (
    (await w.db.execute(sql`select coalesce(max(id), 0)::int as id from realtime_events`)) as unknown as {
      id: number;
    }[]
  )[0]!.id;

describe("editContact", () => {
  it("sets, normalises and clears the built-in fields; any member may", async () => {
    const { contact } = await contactOf();
    const { contact: edited, merged } = await editContact(w.db, operator, contact.id, {
      firstName: "  Kimberly ",
      lastName: "Lee",
      email: " Kim@Example.TEST ",
      phone: "+49 (151) 555-0000",
      city: "Berlin",
      language: "de",
    });
    expect(merged).toBe(false);
    expect(edited).toMatchObject({
      id: contact.id,
      firstName: "Kimberly",
      lastName: "Lee",
      email: "kim@example.test",
      phone: "+491515550000",
      city: "Berlin",
      language: "de",
    });
    const cleared = await editContact(w.db, operator, contact.id, { lastName: null, email: "", city: null });
    expect(cleared.contact).toMatchObject({
      lastName: null,
      email: null,
      city: null,
      phone: "+491515550000",
    });
    expect((await editContact(w.db, operator, contact.id, { phone: null })).contact.phone).toBeNull();
  });

  it("refuses what Update contact would refuse, and changes nothing", async () => {
    const { contact } = await contactOf();
    const bad: Parameters<typeof editContact>[3][] = [
      { firstName: "  " },
      { email: "not-an-email" },
      { phone: "call me" },
      { phone: "123" },
      { language: "x" },
      { city: "c".repeat(129) },
      { fields: { unknown_key: "x" } },
      { fields: { plan: "Enterprise" } },
      { fields: { seats: "many" } },
      { fields: { renewal: "31.02.2026" } },
      { addTags: ["t".repeat(65)] },
    ];
    for (const edit of bad)
      expect(await errorCode(() => editContact(w.db, operator, contact.id, edit))).toBe("INVALID");
    const [after] = await w.db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(after).toEqual(contact);
  });

  it("custom fields by their definition; tags added and removed case-insensitively", async () => {
    const { contact } = await contactOf();
    const { contact: edited } = await editContact(w.db, operator, contact.id, {
      fields: { plan: "pro", seats: "1 000,5", renewal: "23.11.2026", note: "  likes calls " },
      addTags: ["VIP", " lead "],
    });
    expect(edited.fields).toEqual({
      plan: "Pro",
      seats: "1000.5",
      renewal: "2026-11-23",
      note: "likes calls",
    });
    expect(edited.tags).toEqual(["VIP", "lead"]);
    const next = await editContact(w.db, operator, contact.id, {
      fields: { note: null, seats: "" },
      addTags: ["vip", "new"],
      removeTags: ["LEAD"],
    });
    expect(next.contact.fields).toEqual({ plan: "Pro", renewal: "2026-11-23" });
    expect(next.contact.tags).toEqual(["VIP", "new"]);
  });

  it("a phone another contact has merges the two; the edit lands on the survivor", async () => {
    const older = await contactOf("Older");
    const newer = await contactOf("Newer");
    await editContact(w.db, w.owner(), older.contact.id, { phone: "+441234567890", addTags: ["old"] });
    const [stage] = (await w.db.execute(
      sql`insert into lead_stages (workspace_id, name, position, kind) values (${w.workspaceId}, 'New', 0, 'open') returning id`,
    )) as unknown as { id: string }[];
    await w.db.insert(leads).values({
      workspaceId: w.workspaceId,
      contactId: newer.contact.id,
      title: "Deal",
      stageId: stage!.id,
      source: "manual",
    });

    const result = await editContact(w.db, operator, newer.contact.id, {
      phone: "00 44 1234 567890",
      city: "London",
      addTags: ["new"],
    });
    expect(result.merged).toBe(true);
    // The older contact survives, with both contacts' tags and the edit's values.
    expect(result.contact).toMatchObject({ id: older.contact.id, phone: "+441234567890", city: "London" });
    expect([...result.contact.tags].sort()).toEqual(["new", "old"]);
    const [gone] = await w.db.select().from(contacts).where(eq(contacts.id, newer.contact.id));
    expect(gone!.mergedIntoId).toBe(older.contact.id);
    const [moved] = await w.db
      .select({ contactId: conversations.contactId })
      .from(conversations)
      .where(eq(conversations.id, newer.conversation.id));
    expect(moved!.contactId).toBe(older.contact.id);
    const dealOwner = await w.db
      .select({ contactId: leads.contactId })
      .from(leads)
      .where(eq(leads.title, "Deal"));
    expect(dealOwner).toEqual([{ contactId: older.contact.id }]);

    // Editing the merged contact's id edits the survivor.
    const again = await editContact(w.db, operator, newer.contact.id, { city: "Leeds" });
    expect(again.contact.id).toBe(older.contact.id);
    expect(again.contact.city).toBe("Leeds");
  });

  it("announces a conversation event for each of the contact's conversations that isn't closed", async () => {
    const { user, contact, conversation } = await contactOf("Live");
    const { flowId } = await w.publish(flowDoc([textStep("hey", "Hey")]));
    const second = await w.addBot({ flowId });
    await w.say(second, user);
    const closed = await w.conversationOf(second.id, user.id);
    await w.db.update(conversations).set({ status: "closed" }).where(eq(conversations.id, closed.id));
    const since = await lastEventId();
    await editContact(w.db, operator, contact.id, { city: "Paris" });
    const events = await w.db
      .select()
      .from(realtimeEvents)
      .where(and(gt(realtimeEvents.id, since), eq(realtimeEvents.workspaceId, w.workspaceId)));
    expect(events.map((e) => [e.type, e.conversationId, e.botId])).toEqual([
      ["conversation", conversation.id, bot.id],
    ]);
    expect(events[0]!.payload).toMatchObject({ status: "bot", assigneeId: null });
  });

  it("a contact of another workspace is NOT_FOUND", async () => {
    const { contact } = await contactOf();
    const stranger: Actor = {
      workspaceId: "00000000-0000-4000-8000-000000000000",
      userId: w.ownerId,
      role: "owner",
    };
    expect(await errorCode(() => editContact(w.db, stranger, contact.id, { city: "X" }))).toBe("NOT_FOUND");
  });
});
