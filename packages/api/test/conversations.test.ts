import { contacts, conversations, flows, messages } from "@switchboard/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, expectTrpcError, goodFlow, type Member, type World } from "./helpers";

let w: World;
let owner: Member;
let other: Member;
let botA: string;
let botB: string;
const ids = { ann: "", bob: "", cat: "", dan: "", theirs: "" };

const at = (minute: number, second = 0) => new Date(Date.UTC(2025, 0, 1, 12, minute, second));

async function addConversation(
  ws: Member,
  botId: string,
  name: { first: string; last?: string; username?: string },
  tgUserId: number,
  opts: { lastMessageAt: Date | null; status?: "bot" | "operator" | "closed" | "blocked"; state?: object },
) {
  const [contact] = await w.db
    .insert(contacts)
    .values({
      workspaceId: ws.workspaceId,
      telegramUserId: tgUserId,
      firstName: name.first,
      lastName: name.last ?? null,
      username: name.username ?? null,
      phone: "+15550100",
    })
    .returning();
  const [conversation] = await w.db
    .insert(conversations)
    .values({
      workspaceId: ws.workspaceId,
      botId,
      chatId: tgUserId,
      contactId: contact!.id,
      state: opts.state ?? {},
      status: opts.status ?? "bot",
      currentStepId: "menu",
      lastMessageAt: opts.lastMessageAt,
    })
    .returning();
  return conversation!.id;
}

async function addMessage(
  conversationId: string,
  workspaceId: string,
  text: string | null,
  createdAt: Date,
  extra: { direction?: "in" | "out"; seq?: number } = {},
) {
  await w.db.insert(messages).values({
    workspaceId,
    conversationId,
    direction: extra.direction ?? "in",
    deliveryStatus: extra.direction === "out" ? "sent" : "received",
    text,
    payload: { text },
    seq: extra.seq ?? 0,
    createdAt,
  });
}

beforeAll(async () => {
  w = await createWorld("conv");
  owner = await w.member("owner");
  other = await w.member("owner");
  botA = (await owner.api.bots.connect({ token: (await w.sandboxBot("alpha_conv_bot")).token })).id;
  botB = (await owner.api.bots.connect({ token: (await w.sandboxBot("beta_conv_bot")).token })).id;
  const otherBot = (await other.api.bots.connect({ token: (await w.sandboxBot()).token })).id;

  ids.ann = await addConversation(owner, botA, { first: "Ann", last: "Lee", username: "ann" }, 1001, {
    lastMessageAt: at(10),
    state: { vars: { email: "ann@example.com" } },
  });
  await addMessage(ids.ann, owner.workspaceId, "hi", at(1));
  await addMessage(ids.ann, owner.workspaceId, "Hello Ann!", at(2), { direction: "out", seq: 0 });
  await addMessage(ids.ann, owner.workspaceId, "Pick one", at(2), { direction: "out", seq: 1 });
  await addMessage(ids.ann, owner.workspaceId, "<b>A</b> 🤖", at(10));

  ids.bob = await addConversation(owner, botB, { first: "Bob" }, 1002, {
    lastMessageAt: at(30),
    status: "operator",
  });
  await addMessage(ids.bob, owner.workspaceId, "older", at(20));
  // Two outbound messages of one update: same time, the later seq is the last message.
  // Inserted in reverse so that only `seq` (not the physical row order) can put them right.
  await addMessage(ids.bob, owner.workspaceId, "second of two", at(30), { direction: "out", seq: 1 });
  await addMessage(ids.bob, owner.workspaceId, "first of two", at(30), { direction: "out", seq: 0 });

  ids.cat = await addConversation(owner, botA, { first: "Cat" }, 1003, { lastMessageAt: null });

  ids.dan = await addConversation(owner, botA, { first: "Dan" }, 1004, { lastMessageAt: at(20) });
  await addMessage(ids.dan, owner.workspaceId, null, at(20)); // a sticker: no text

  ids.theirs = await addConversation(other, otherBot, { first: "Theirs" }, 1001, { lastMessageAt: at(59) });
  await addMessage(ids.theirs, other.workspaceId, "not yours", at(59));
});

afterAll(async () => {
  await w?.close();
});

describe("conversations.list", () => {
  it("lists the workspace's conversations, latest activity first, never-active last", async () => {
    const list = await owner.api.conversations.list();
    expect(list.map((c) => c.contactName)).toEqual(["Bob", "Dan", "Ann Lee", "Cat"]);
  });

  it("shows the last message's text, by time then sequence", async () => {
    const byName = Object.fromEntries((await owner.api.conversations.list()).map((c) => [c.contactName, c]));
    expect(byName.Bob).toMatchObject({
      lastMessageText: "second of two",
      status: "operator",
      botId: botB,
      botUsername: "beta_conv_bot",
      chatId: 1002,
      contactUsername: null,
    });
    expect(byName["Ann Lee"]).toMatchObject({
      id: ids.ann,
      lastMessageText: "<b>A</b> 🤖",
      contactUsername: "ann",
      botUsername: "alpha_conv_bot",
      currentStepId: "menu",
      lastMessageAt: at(10),
    });
    expect(byName.Dan!.lastMessageText).toBeNull();
    expect(byName.Cat).toMatchObject({ lastMessageText: null, lastMessageAt: null });
  });

  it("filters by bot and limits", async () => {
    expect((await owner.api.conversations.list({ botId: botB, limit: 100 })).map((c) => c.id)).toEqual([
      ids.bob,
    ]);
    expect((await owner.api.conversations.list({ botId: botA })).map((c) => c.contactName)).toEqual([
      "Dan",
      "Ann Lee",
      "Cat",
    ]);
    expect((await owner.api.conversations.list({ limit: 2 })).map((c) => c.contactName)).toEqual([
      "Bob",
      "Dan",
    ]);
    await expectTrpcError(owner.api.conversations.list({ limit: 0 }), "BAD_REQUEST");
    await expectTrpcError(owner.api.conversations.list({ limit: 501 }), "BAD_REQUEST");
    await expectTrpcError(owner.api.conversations.list({ botId: "nope" }), "BAD_REQUEST");
  });

  it("never shows another workspace's conversations", async () => {
    const mine = await owner.api.conversations.list({ limit: 500 });
    expect(mine.map((c) => c.id)).not.toContain(ids.theirs);
    expect(JSON.stringify(mine)).not.toContain("not yours");
    expect((await other.api.conversations.list()).map((c) => c.id)).toEqual([ids.theirs]);
    expect(await other.api.conversations.list({ botId: botA, limit: 100 })).toEqual([]);
  });

  it("an operator sees the inbox too", async () => {
    const operator = await w.member("operator", owner.workspaceId);
    expect(await operator.api.conversations.list()).toHaveLength(4);
    expect((await operator.api.conversations.transcript({ id: ids.ann })).messages).toHaveLength(4);
  });
});

describe("steps are named by their titles, not their ids", () => {
  it("in the list, the transcript's current step and each bot message", async () => {
    const ws = await w.member("owner");
    const doc = goodFlow();
    doc.steps = doc.steps.map((step) => (step.id === "end_a" ? { ...step, title: "" } : step));
    const { botId, flowId } = await w.publishedBot(ws, doc);
    const [flow] = await w.db.select().from(flows).where(eq(flows.id, flowId));
    const id = await addConversation(ws, botId, { first: "Eve" }, 2001, { lastMessageAt: at(5) });
    await w.db
      .update(conversations)
      .set({ flowVersionId: flow!.publishedVersionId })
      .where(eq(conversations.id, id));
    for (const [i, stepId] of ["hello", "end_a", "gone_step"].entries())
      await w.db.insert(messages).values({
        workspaceId: ws.workspaceId,
        conversationId: id,
        direction: "out",
        deliveryStatus: "sent",
        text: `m${i}`,
        payload: {},
        stepId,
        seq: i,
        createdAt: at(1),
      });
    await addMessage(id, ws.workspaceId, "hi", at(2));

    const [row] = await ws.api.conversations.list({ limit: 10 });
    expect(row).toMatchObject({ currentStepId: "menu", currentStepTitle: "Menu" });
    const t = await ws.api.conversations.transcript({ id });
    expect(t.conversation.currentStepTitle).toBe("Menu");
    expect(t.messages.map((m) => m.stepTitle)).toEqual(["Hello", "Text · end_", "Removed step · gone", null]);
  });
});

describe("conversations.transcript", () => {
  it("returns the conversation, the contact, the variables and the messages in order", async () => {
    const { conversation, messages: rows } = await owner.api.conversations.transcript({ id: ids.ann });
    expect(conversation).toMatchObject({
      id: ids.ann,
      botId: botA,
      botUsername: "alpha_conv_bot",
      chatId: 1001,
      status: "bot",
      currentStepId: "menu",
      contact: {
        firstName: "Ann",
        lastName: "Lee",
        username: "ann",
        phone: "+15550100",
        telegramUserId: 1001,
      },
      variables: { email: "ann@example.com" },
    });
    expect(rows.map((m) => [m.direction, m.text])).toEqual([
      ["in", "hi"],
      ["out", "Hello Ann!"],
      ["out", "Pick one"],
      ["in", "<b>A</b> 🤖"],
    ]);
    expect(rows[1]).toMatchObject({ deliveryStatus: "sent", payload: { text: "Hello Ann!" }, error: null });
  });

  it("orders messages of one instant by sequence", async () => {
    const { messages: rows } = await owner.api.conversations.transcript({ id: ids.bob });
    expect(rows.map((m) => m.text)).toEqual(["older", "first of two", "second of two"]);
  });

  it("has empty variables and no messages for a fresh conversation", async () => {
    const t = await owner.api.conversations.transcript({ id: ids.cat });
    expect(t.conversation.variables).toEqual({});
    expect(t.messages).toEqual([]);
  });

  it("is NOT_FOUND for another workspace's or an unknown conversation", async () => {
    await expectTrpcError(
      owner.api.conversations.transcript({ id: ids.theirs }),
      "NOT_FOUND",
      /Conversation not found/,
    );
    await expectTrpcError(other.api.conversations.transcript({ id: ids.ann }), "NOT_FOUND");
    await expectTrpcError(
      owner.api.conversations.transcript({ id: "00000000-0000-4000-8000-000000000000" }),
      "NOT_FOUND",
    );
  });
});
