import { contacts } from "@switchboard/db";
import { createLeadStep, flowDoc, textStep } from "@switchboard/flow/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, expectTrpcError, type Member, type World } from "./helpers";

let w: World;
let owner: Member;
let operator: Member;
let stranger: Member;
let contactId: string;
let strangerContactId: string;

async function addContact(member: Member, firstName: string, telegramUserId: number) {
  const [row] = await w.db
    .insert(contacts)
    .values({ workspaceId: member.workspaceId, telegramUserId, firstName, phone: "+15550101" })
    .returning({ id: contacts.id });
  return row!.id;
}

beforeAll(async () => {
  w = await createWorld("leads");
  owner = await w.member("owner");
  operator = await w.member("operator", owner.workspaceId);
  stranger = await w.member("owner");
  contactId = await addContact(owner, "Ann", 9001);
  strangerContactId = await addContact(stranger, "Zed", 9001);
});

afterAll(async () => {
  await w?.close();
});

describe("leads.stages", () => {
  it("a workspace starts with New, In progress, Won, Lost", async () => {
    const stages = await owner.api.leads.stages();
    expect(stages.map((s) => [s.name, s.kind, s.position])).toEqual([
      ["New", "open", 0],
      ["In progress", "open", 1],
      ["Won", "won", 2],
      ["Lost", "lost", 3],
    ]);
    // Asked again (or by another member): the same stages, not new ones.
    expect(await operator.api.leads.stages()).toEqual(stages);
    expect((await stranger.api.leads.stages()).map((s) => s.id)).not.toContain(stages[0]!.id);
  });
});

describe("leads by hand", () => {
  it("creates a lead in the first stage; an operator may too", async () => {
    const lead = await owner.api.leads.create({ contactId, title: "  Wants the big plan " });
    const [first] = await owner.api.leads.stages();
    expect(lead).toMatchObject({
      title: "Wants the big plan",
      stageId: first!.id,
      stageName: "New",
      ownerUserId: null,
      ownerName: null,
      source: "manual",
      botId: null,
      conversationId: null,
      contactId,
      contactName: "Ann",
      contactPhone: "+15550101",
      tags: [],
    });
    const byOperator = await operator.api.leads.create({
      contactId,
      title: "Second",
      ownerUserId: operator.userId,
    });
    expect(byOperator).toMatchObject({ ownerUserId: operator.userId, ownerName: "operator" });
    // Made by hand: no conversation, no transcript.
    expect(await owner.api.leads.get({ id: lead.id })).toEqual({ lead, transcript: null });
  });

  it("moves a lead along the pipeline, gives it an owner, retitles it, takes the owner away", async () => {
    const stages = await owner.api.leads.stages();
    const lead = await owner.api.leads.create({ contactId, title: "Move me" });
    const moved = await operator.api.leads.update({
      id: lead.id,
      stageId: stages[2]!.id,
      ownerUserId: owner.userId,
      title: "Moved",
    });
    expect(moved).toMatchObject({
      stageName: "Won",
      ownerUserId: owner.userId,
      ownerName: "owner",
      title: "Moved",
    });
    // Omitted fields stay.
    expect(await owner.api.leads.update({ id: lead.id, title: "Renamed" })).toMatchObject({
      stageName: "Won",
      ownerUserId: owner.userId,
      title: "Renamed",
    });
    expect(await owner.api.leads.update({ id: lead.id, ownerUserId: null })).toMatchObject({
      ownerUserId: null,
      ownerName: null,
    });
  });

  it("refuses an owner outside the workspace, a stage of another pipeline, a blank title, an unknown contact", async () => {
    const lead = await owner.api.leads.create({ contactId, title: "Checks" });
    await expectTrpcError(
      owner.api.leads.update({ id: lead.id, ownerUserId: stranger.userId }),
      "BAD_REQUEST",
      "The owner must be a member of this workspace.",
    );
    const [theirStage] = await stranger.api.leads.stages();
    await expectTrpcError(
      owner.api.leads.update({ id: lead.id, stageId: theirStage!.id }),
      "BAD_REQUEST",
      "That stage is not in this workspace's pipeline.",
    );
    await expectTrpcError(
      owner.api.leads.create({ contactId, title: "x", stageId: theirStage!.id }),
      "BAD_REQUEST",
      "That stage is not in this workspace's pipeline.",
    );
    await expectTrpcError(
      owner.api.leads.update({ id: lead.id, title: "  " }),
      "BAD_REQUEST",
      "Give the lead a title.",
    );
    await expectTrpcError(
      owner.api.leads.create({ contactId, title: " " }),
      "BAD_REQUEST",
      "Give the lead a title.",
    );
    await expectTrpcError(
      owner.api.leads.create({ contactId: strangerContactId, title: "Theirs" }),
      "NOT_FOUND",
      "Contact not found.",
    );
    await expectTrpcError(owner.api.leads.create({ contactId, title: "x".repeat(201) }), "BAD_REQUEST");
    // Nothing changed.
    expect(await owner.api.leads.get({ id: lead.id })).toMatchObject({
      lead: { title: "Checks", ownerUserId: null, stageName: "New" },
    });
  });
});

describe("leads.list", () => {
  it("filters by stage, owner (null = nobody's) and bot, newest first", async () => {
    const me = await w.member("owner");
    const ann = await addContact(me, "Ann", 1);
    const stages = await me.api.leads.stages();
    const a = await me.api.leads.create({ contactId: ann, title: "A" });
    const b = await me.api.leads.create({ contactId: ann, title: "B", ownerUserId: me.userId });
    const c = await me.api.leads.create({ contactId: ann, title: "C", stageId: stages[1]!.id });
    expect((await me.api.leads.list()).map((l) => l.title)).toEqual(["C", "B", "A"]);
    expect((await me.api.leads.list({ stageId: stages[1]!.id })).map((l) => l.id)).toEqual([c.id]);
    expect((await me.api.leads.list({ ownerUserId: me.userId })).map((l) => l.id)).toEqual([b.id]);
    expect((await me.api.leads.list({ ownerUserId: null })).map((l) => l.id)).toEqual([c.id, a.id]);
    expect(await me.api.leads.list({ botId: "00000000-0000-4000-8000-000000000000" })).toEqual([]);
    expect(await me.api.leads.list({ stageId: (await owner.api.leads.stages())[0]!.id })).toEqual([]);
  });
});

describe("a lead from a flow", () => {
  it("has its bot, flow and step, and leads.get returns its conversation's transcript", async () => {
    const me = await w.member("owner");
    const stages = await me.api.leads.stages();
    const doc = flowDoc(
      [
        textStep("hi", "Hi {{name}}!"),
        createLeadStep("lead", {
          title: "Lead from {{name}}",
          owner: { kind: "member", userId: me.userId },
          stageId: stages[1]!.id,
          tags: ["hot"],
          text: "Thanks, we'll call you.",
        }),
      ],
      [["hi", "next", "lead"]],
    );
    const bot = await w.publishedBot(me, doc, "Lead flow");
    const { conversation } = await w.userSays(bot, { id: 4242, first_name: "Kim" });

    const [lead] = await me.api.leads.list({ botId: bot.botId });
    expect(lead).toMatchObject({
      title: "Lead from Kim",
      source: "flow",
      stageName: "In progress",
      ownerUserId: me.userId,
      tags: ["hot"],
      botId: bot.botId,
      botUsername: bot.username,
      flowId: bot.flowId,
      flowName: "Lead flow",
      stepId: "lead",
      conversationId: conversation.id,
      contactName: "Kim",
    });
    const { transcript } = await me.api.leads.get({ id: lead!.id });
    expect(transcript!.conversation).toMatchObject({ id: conversation.id, botId: bot.botId });
    expect(transcript!.messages.map((m) => [m.direction, m.text])).toEqual([
      ["in", "/start"],
      ["out", "Hi Kim!"],
      ["out", "Thanks, we'll call you."],
    ]);
  });

  it("publishing refuses a Create-lead step with a stage or owner the workspace doesn't have", async () => {
    const me = await w.member("owner");
    const [theirStage] = await stranger.api.leads.stages();
    const { id } = await me.api.flows.create({ name: "Bad lead" });
    await me.api.flows.saveDraft({
      id,
      draft: flowDoc([
        createLeadStep("lead", {
          owner: { kind: "member", userId: stranger.userId },
          stageId: theirStage!.id,
        }),
      ]),
    });
    const result = await me.api.flows.publish({ id });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.code, p.stepId])).toEqual(
      expect.arrayContaining([
        ["UNKNOWN_MEMBER", "lead"],
        ["UNKNOWN_STAGE", "lead"],
      ]),
    );
    expect((await me.api.flows.validate({ id })).map((p) => p.code)).toEqual(
      expect.arrayContaining(["UNKNOWN_MEMBER", "UNKNOWN_STAGE"]),
    );
  });
});

describe("another workspace", () => {
  it("can't see, read or change the workspace's leads", async () => {
    const lead = await owner.api.leads.create({ contactId, title: "Private" });
    expect((await stranger.api.leads.list()).map((l) => l.id)).not.toContain(lead.id);
    await expectTrpcError(stranger.api.leads.get({ id: lead.id }), "NOT_FOUND", "Lead not found.");
    await expectTrpcError(stranger.api.leads.update({ id: lead.id, title: "Mine now" }), "NOT_FOUND");
    await expectTrpcError(stranger.api.leads.create({ contactId, title: "Mine" }), "NOT_FOUND");
    expect((await owner.api.leads.get({ id: lead.id })).lead.title).toBe("Private");
  });
});
