import { randomUUID } from "node:crypto";
import {
  bots,
  contacts,
  conversations,
  flows,
  flowVersions,
  messages,
  webhookDeliveries,
} from "@switchboard/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadStepMedia } from "../src/domains/files/service";
import { appRouter } from "../src/router";
import { workspaceScopeOf } from "../src/scope";
import {
  type Caller,
  callerFor,
  createWorld,
  expectTrpcError,
  goodFlow,
  type Member,
  type World,
} from "./helpers";

let w: World;
let a: Member;
let b: Member;
/** Workspace B's rows, which A must never reach. */
const bRows = {
  botId: "",
  botToken: "",
  flowId: "",
  conversationId: "",
  flowName: "B's flow",
  contactId: "",
  leadId: "",
  fieldId: "",
  fileId: "",
  invitationId: "",
  cannedId: "",
  deliveryId: "",
};
const user = { id: 4242, first_name: "Eve" };

beforeAll(async () => {
  w = await createWorld("auth");
  a = await w.member("owner");
  b = await w.member("owner");
  const bot = await w.sandboxBot();
  bRows.botToken = bot.token;
  bRows.botId = (await b.api.bots.connect({ token: bot.token })).id;
  bRows.flowId = (await b.api.flows.create({ name: bRows.flowName })).id;
  await b.api.flows.saveDraft({ id: bRows.flowId, draft: goodFlow() });
  await b.api.flows.publish({ id: bRows.flowId });
  await b.api.bots.update({ id: bRows.botId, entryFlowId: bRows.flowId });
  const [contact] = await w.db
    .insert(contacts)
    .values({ workspaceId: b.workspaceId, telegramUserId: user.id, firstName: user.first_name })
    .returning();
  const [conversation] = await w.db
    .insert(conversations)
    .values({
      workspaceId: b.workspaceId,
      botId: bRows.botId,
      chatId: user.id,
      contactId: contact!.id,
      state: {},
      lastMessageAt: new Date(),
    })
    .returning();
  bRows.conversationId = conversation!.id;
  bRows.contactId = contact!.id;
  bRows.leadId = (await b.api.leads.create({ contactId: contact!.id, title: "B's lead" })).id;
  bRows.fieldId = (await b.api.contactFields.create({ key: "b_field", label: "B's field", type: "text" })).id;
  await b.api.botVariables.set({ botId: bRows.botId, key: "b_secret", value: "B's value" });
  bRows.fileId = (
    await uploadStepMedia(await workspaceScopeOf(w.db, b.userId), w.env, {
      name: "b.txt",
      mimeType: "text/plain",
      bytes: new TextEncoder().encode("B's file"),
    })
  ).fileId;
  bRows.invitationId = (
    await b.api.members.invite({ email: "b-invitee@example.test", role: "operator" })
  ).invitation.id;
  bRows.cannedId = (await b.api.canned.create({ shortcut: "secret", text: "B's canned reply" })).id;
  bRows.deliveryId = randomUUID();
  await w.db.insert(webhookDeliveries).values({
    id: bRows.deliveryId,
    workspaceId: b.workspaceId,
    botId: bRows.botId,
    url: "https://b.example.com/hook",
    payload: { id: bRows.deliveryId, secret: "B's payload" },
    status: "failed",
  });
  await w.db.insert(messages).values({
    workspaceId: b.workspaceId,
    conversationId: conversation!.id,
    direction: "in",
    deliveryStatus: "received",
    text: "B's secret message",
    payload: {},
  });
});

afterAll(async () => {
  await w?.close();
});

describe("signed-out and non-member callers", () => {
  it("refuses a call without a user as UNAUTHORIZED", async () => {
    const anon = callerFor(w.db, null, w.env);
    await expectTrpcError(anon.workspace.current(), "UNAUTHORIZED", /sign in/i);
    await expectTrpcError(anon.inbox.queue(), "UNAUTHORIZED");
    await expectTrpcError(anon.leads.list(), "UNAUTHORIZED");
    await expectTrpcError(anon.login.confirm({ token: "A".repeat(43) }), "UNAUTHORIZED");
    await expectTrpcError(anon.bots.list(), "UNAUTHORIZED");
    await expectTrpcError(anon.flows.create({ name: "x" }), "UNAUTHORIZED");
    await expectTrpcError(anon.sandbox.status(), "UNAUTHORIZED");
    await expectTrpcError(anon.members.list(), "UNAUTHORIZED");
    await expectTrpcError(anon.invitations.list(), "UNAUTHORIZED");
    await expectTrpcError(anon.invitations.accept({ token: "A".repeat(43) }), "UNAUTHORIZED");
    await expectTrpcError(anon.workspace.list(), "UNAUTHORIZED");
  });

  it("refuses a signed-in user without a membership as FORBIDDEN", async () => {
    const loner = callerFor(w.db, await w.addUser("Loner"), w.env);
    await expectTrpcError(loner.workspace.current(), "FORBIDDEN", /not a member/i);
    await expectTrpcError(loner.flows.list(), "FORBIDDEN");
    await expectTrpcError(loner.conversations.list(), "FORBIDDEN");
    await expectTrpcError(loner.bots.connect({ token: bRows.botToken }), "FORBIDDEN");
    await expectTrpcError(loner.inbox.queue(), "FORBIDDEN");
    await expectTrpcError(loner.operators.join({ botId: bRows.botId }), "FORBIDDEN");
    await expectTrpcError(loner.members.list(), "FORBIDDEN");
    await expectTrpcError(loner.members.invite({ email: "x@example.test", role: "owner" }), "FORBIDDEN");
    expect(await loner.workspace.list()).toEqual([]);
  });

  it("refuses a user id that does not exist at all", async () => {
    const ghost = callerFor(w.db, randomUUID(), w.env);
    await expectTrpcError(ghost.bots.list(), "FORBIDDEN");
  });

  it("workspace.current describes the caller's own workspace and role", async () => {
    const me = await a.api.workspace.current();
    expect(me).toMatchObject({ id: a.workspaceId, role: "owner", userName: "owner" });
    expect(me.email).toBe(`${a.userId}@example.test`);
  });
});

describe("workspace isolation", () => {
  it("lists show nothing of another workspace", async () => {
    expect(await a.api.leads.list()).toEqual([]);
    expect(await a.api.contactFields.list()).toEqual([]);
    expect(await a.api.botVariables.all()).toEqual([]);
    expect(await a.api.inbox.queue()).toEqual({ waiting: [], mine: [] });
    expect((await a.api.workspace.members()).map((m) => m.userId)).toEqual([a.userId]);
    expect(await a.api.bots.list()).toEqual([]);
    expect(await a.api.flows.list()).toEqual([]);
    expect(await a.api.conversations.list()).toEqual([]);
    expect(await a.api.conversations.list({ botId: bRows.botId, limit: 10 })).toEqual([]);
    // ...while B sees its own rows, so the empty lists above are about scoping, not missing data.
    expect((await b.api.bots.list()).map((x) => x.id)).toEqual([bRows.botId]);
    expect((await b.api.flows.list()).map((x) => x.id)).toEqual([bRows.flowId]);
    expect((await b.api.conversations.list()).map((x) => x.id)).toEqual([bRows.conversationId]);
  });

  /** Every procedure that takes the id of a row, called by A with B's ids. */
  const crossWorkspaceCalls: Record<string, (api: Caller) => Promise<unknown>> = {
    "bots.update": (api) => api.bots.update({ id: bRows.botId, enabled: false }),
    "bots.remove": (api) => api.bots.remove({ id: bRows.botId }),
    "bots.updateSettings": (api) =>
      api.bots.updateSettings({ id: bRows.botId, settings: { waitForStart: true } }),
    "bots.logs": (api) => api.bots.logs({ botId: bRows.botId }),
    "bots.webhookInfo": (api) => api.bots.webhookInfo({ botId: bRows.botId }),
    "flows.get": (api) => api.flows.get({ id: bRows.flowId }),
    "flows.rename": (api) => api.flows.rename({ id: bRows.flowId, name: "pwned" }),
    "flows.remove": (api) => api.flows.remove({ id: bRows.flowId }),
    "flows.saveDraft": (api) =>
      api.flows.saveDraft({ id: bRows.flowId, draft: { format: "switchboard.flow", version: 1, steps: [] } }),
    "flows.validate": (api) => api.flows.validate({ id: bRows.flowId }),
    "flows.publish": (api) => api.flows.publish({ id: bRows.flowId }),
    "flows.versions": (api) => api.flows.versions({ id: bRows.flowId }),
    "flows.rollback": (api) => api.flows.rollback({ id: bRows.flowId, version: 1 }),
    "flows.exportJson": (api) => api.flows.exportJson({ id: bRows.flowId }),
    "flows.scheduleRuns": (api) => api.flows.scheduleRuns({ id: bRows.flowId }),
    "flows.splitCounts": (api) => api.flows.splitCounts({ id: bRows.flowId }),
    "conversations.transcript": (api) => api.conversations.transcript({ id: bRows.conversationId }),
    "sandbox.send": (api) =>
      api.sandbox.send({ botId: bRows.botId, user, action: { type: "text", text: "hi" } }),
    "sandbox.messages": (api) => api.sandbox.messages({ botId: bRows.botId, chatId: user.id }),
    "contactFields.update": (api) =>
      api.contactFields.update({ id: bRows.fieldId, label: "pwned", type: "text" }),
    "contactFields.remove": (api) => api.contactFields.remove({ id: bRows.fieldId }),
    "botVariables.list": (api) => api.botVariables.list({ botId: bRows.botId }),
    "botVariables.set": (api) => api.botVariables.set({ botId: bRows.botId, key: "pwned", value: "x" }),
    "botVariables.remove": (api) => api.botVariables.remove({ botId: bRows.botId, key: "b_secret" }),
    "leads.get": (api) => api.leads.get({ id: bRows.leadId }),
    "leads.update": (api) => api.leads.update({ id: bRows.leadId, title: "pwned" }),
    "leads.create": (api) => api.leads.create({ contactId: bRows.contactId, title: "pwned" }),
    "inbox.take": (api) => api.inbox.take({ conversationId: bRows.conversationId }),
    "inbox.reply": (api) => api.inbox.reply({ conversationId: bRows.conversationId, text: "pwned" }),
    "inbox.close": (api) => api.inbox.close({ conversationId: bRows.conversationId }),
    "inbox.returnToBot": (api) => api.inbox.returnToBot({ conversationId: bRows.conversationId }),
    "inbox.conversation": (api) => api.inbox.conversation({ id: bRows.conversationId }),
    "inbox.markRead": (api) => api.inbox.markRead({ conversationId: bRows.conversationId }),
    "inbox.note": (api) => api.inbox.note({ conversationId: bRows.conversationId, text: "pwned" }),
    "inbox.assign": (api) => api.inbox.assign({ conversationId: bRows.conversationId, userId: a.userId }),
    "inbox.operators": (api) => api.inbox.operators({ botId: bRows.botId }),
    "canned.update": (api) => api.canned.update({ id: bRows.cannedId, text: "pwned" }),
    "canned.remove": (api) => api.canned.remove({ id: bRows.cannedId }),
    "contacts.update": (api) => api.contacts.update({ id: bRows.contactId, firstName: "pwned" }),
    "operators.pool": (api) => api.operators.pool({ botId: bRows.botId }),
    "operators.join": (api) => api.operators.join({ botId: bRows.botId }),
    "operators.leave": (api) => api.operators.leave({ botId: bRows.botId }),
    "files.get": (api) => api.files.get({ id: bRows.fileId }),
    "members.changeRole": (api) => api.members.changeRole({ userId: b.userId, role: "operator" }),
    "members.remove": (api) => api.members.remove({ userId: b.userId }),
    "invitations.revoke": (api) => api.invitations.revoke({ id: bRows.invitationId }),
    "workspace.switch": (api) => api.workspace.switch({ workspaceId: b.workspaceId }),
    "webhooks.delivery": (api) => api.webhooks.delivery({ id: bRows.deliveryId }),
    "webhooks.redeliver": (api) => api.webhooks.redeliver({ id: bRows.deliveryId }),
  };
  /** Procedures that take no row id; the rest of the router must be in the table above. */
  const withoutIds = [
    "workspace.current",
    "bots.list",
    "bots.connect",
    "flows.list",
    "flows.create",
    "flows.importJson",
    "conversations.list",
    "sandbox.status",
    "sandbox.createBot",
    "workspace.settings",
    "workspace.updateSettings",
    "workspace.members",
    "contactFields.list",
    "contactFields.create",
    // The caller's workspace's bots only (see bot-variables.test.ts).
    "botVariables.all",
    "leads.list",
    "leads.stages",
    "inbox.queue",
    "members.list",
    "members.invite",
    "members.leave",
    "invitations.list",
    // The feed of the caller's workspace; another workspace hears nothing (see realtime.test.ts).
    "realtime.events",
    // The caller's own workspaces, whatever the session works in (see members.test.ts).
    "workspace.list",
    // Not workspace-scoped: an invitation names its own workspace (see members.test.ts).
    "invitations.describe",
    "invitations.accept",
    "inbox.list",
    "inbox.counts",
    "canned.list",
    "canned.create",
    "presence.heartbeat",
    "presence.set",
    "presence.list",
    // Not workspace-scoped: a login link names its own workspace (see login.test.ts).
    "login.describe",
    "login.confirm",
    "login.cancel",
    // The caller's own workspace's flows (see go-to-flow.test.ts) and secrets, named not by id (see secrets.test.ts).
    "flows.targets",
    "secrets.list",
    "secrets.set",
    "secrets.remove",
    // The caller's own workspace's log and secret.
    "webhooks.deliveries",
    "webhooks.signingSecret",
    "webhooks.rotateSecret",
  ];

  it("covers every procedure of the router", () => {
    const all = Object.keys(appRouter._def.procedures).sort();
    expect([...Object.keys(crossWorkspaceCalls), ...withoutIds].sort()).toEqual(all);
  });

  it.each(Object.keys(crossWorkspaceCalls))("%s with another workspace's id is NOT_FOUND", async (path) => {
    await expectTrpcError(crossWorkspaceCalls[path]!(a.api), "NOT_FOUND");
  });

  it("a bot can't be pointed at another workspace's flow", async () => {
    const mine = await w.sandboxBot();
    const { id } = await a.api.bots.connect({ token: mine.token });
    await expectTrpcError(a.api.bots.update({ id, entryFlowId: bRows.flowId }), "NOT_FOUND", /flow/i);
    expect((await a.api.bots.list())[0]!.entryFlowId).toBeNull();
    await a.api.bots.remove({ id });
  });

  it("left B's rows untouched", async () => {
    const [bot] = await w.db.select().from(bots).where(eq(bots.id, bRows.botId));
    expect(bot).toMatchObject({ enabled: true, entryFlowId: bRows.flowId, workspaceId: b.workspaceId });
    const [flow] = await w.db.select().from(flows).where(eq(flows.id, bRows.flowId));
    expect(flow!.name).toBe(bRows.flowName);
    expect(flow!.draft).toEqual(goodFlow());
    const versions = await w.db.select().from(flowVersions).where(eq(flowVersions.flowId, bRows.flowId));
    expect(versions.map((v) => v.version)).toEqual([1]);
    const transcript = await b.api.conversations.transcript({ id: bRows.conversationId });
    expect(transcript.messages.map((m) => m.text)).toEqual(["B's secret message"]);
    expect((await b.api.leads.get({ id: bRows.leadId })).lead.title).toBe("B's lead");
    expect((await b.api.contactFields.list()).map((f) => f.label)).toEqual(["B's field"]);
    expect(await b.api.webhooks.delivery({ id: bRows.deliveryId })).toMatchObject({
      status: "failed",
      attempts: 0,
    });
    expect(await b.api.botVariables.all()).toEqual([
      { botId: bRows.botId, key: "b_secret", value: "B's value" },
    ]);
    expect((await b.api.operators.pool({ botId: bRows.botId })).map((m) => m.userId)).toEqual([b.userId]);
    expect((await b.api.workspace.settings()).name).toBe("WS owner");
    expect((await b.api.members.list()).map((m) => [m.userId, m.role])).toEqual([[b.userId, "owner"]]);
    expect((await b.api.invitations.list()).map((i) => i.id)).toEqual([bRows.invitationId]);
    const inbox = await b.api.inbox.conversation({ id: bRows.conversationId });
    expect(inbox.timeline.map((t) => t.kind)).toEqual(["message"]); // no note of A's
    expect(inbox.contact.firstName).toBe(user.first_name);
    expect((await b.api.canned.list()).map((c) => c.text)).toEqual(["B's canned reply"]);
    // Nothing reached the sandbox chat on B's behalf.
    expect(await w.telegram.getMessages({ token: bRows.botToken, chatId: user.id })).toEqual([]);
  });
});

describe("roles", () => {
  let operator: Member;
  let flowId: string;
  let botId: string;

  beforeAll(async () => {
    operator = await w.member("operator", a.workspaceId);
    flowId = (await a.api.flows.create({ name: "A's flow", template: "welcome" })).id;
    const bot = await w.sandboxBot();
    botId = (await a.api.bots.connect({ token: bot.token })).id;
  });

  it("an operator can read the workspace", async () => {
    expect((await operator.api.workspace.current()).role).toBe("operator");
    expect((await operator.api.bots.list()).map((x) => x.id)).toEqual([botId]);
    expect((await operator.api.flows.list()).map((x) => x.id)).toContain(flowId);
    expect((await operator.api.flows.get({ id: flowId })).name).toBe("A's flow");
    expect(await operator.api.flows.versions({ id: flowId })).toEqual([]);
    expect(await operator.api.flows.validate({ id: flowId })).toBeInstanceOf(Array);
    expect((await operator.api.flows.exportJson({ id: flowId })).fileName).toBe("A-s-flow.switchboard.json");
    expect(await operator.api.conversations.list()).toEqual([]);
    expect((await operator.api.sandbox.status()).reachable).toBe(true);
  });

  const editorCalls: Record<string, (api: Caller) => Promise<unknown>> = {
    "bots.connect": (api) => api.bots.connect({ token: "123:abc" }),
    "bots.update": (api) => api.bots.update({ id: botId, enabled: false }),
    "bots.remove": (api) => api.bots.remove({ id: botId }),
    "bots.updateSettings": (api) => api.bots.updateSettings({ id: botId, settings: { sendLeadText: false } }),
    "workspace.updateSettings": (api) => api.workspace.updateSettings({ name: "op" }),
    "contactFields.create": (api) => api.contactFields.create({ key: "op", label: "Op", type: "text" }),
    "contactFields.update": (api) =>
      api.contactFields.update({ id: "00000000-0000-4000-8000-000000000000", label: "Op", type: "text" }),
    "contactFields.remove": (api) => api.contactFields.remove({ id: "00000000-0000-4000-8000-000000000000" }),
    "botVariables.set": (api) => api.botVariables.set({ botId, key: "op", value: "x" }),
    "botVariables.remove": (api) => api.botVariables.remove({ botId, key: "op" }),
    "flows.create": (api) => api.flows.create({ name: "op" }),
    "flows.rename": (api) => api.flows.rename({ id: flowId, name: "op" }),
    "flows.remove": (api) => api.flows.remove({ id: flowId }),
    "flows.saveDraft": (api) => api.flows.saveDraft({ id: flowId, draft: goodFlow() }),
    "flows.publish": (api) => api.flows.publish({ id: flowId }),
    "flows.rollback": (api) => api.flows.rollback({ id: flowId, version: 1 }),
    "flows.importJson": (api) => api.flows.importJson({ json: JSON.stringify(goodFlow()) }),
    "sandbox.createBot": (api) => api.sandbox.createBot({ username: "operator_made_bot" }),
    // Members: operators can't manage them ("Operators can't manage members.").
    "members.invite": (api) => api.members.invite({ email: "op-invite@example.test", role: "operator" }),
    "members.changeRole": (api) => api.members.changeRole({ userId: a.userId, role: "operator" }),
    "members.remove": (api) => api.members.remove({ userId: a.userId }),
    "invitations.revoke": (api) => api.invitations.revoke({ id: "00000000-0000-4000-8000-000000000000" }),
    "canned.create": (api) => api.canned.create({ shortcut: "op", text: "Op" }),
    "canned.update": (api) => api.canned.update({ id: "00000000-0000-4000-8000-000000000000", text: "Op" }),
    "canned.remove": (api) => api.canned.remove({ id: "00000000-0000-4000-8000-000000000000" }),
    "webhooks.redeliver": (api) => api.webhooks.redeliver({ id: "00000000-0000-4000-8000-000000000000" }),
    "webhooks.rotateSecret": (api) => api.webhooks.rotateSecret(),
    "secrets.set": (api) => api.secrets.set({ name: "OP_KEY", value: "x" }),
    "secrets.remove": (api) => api.secrets.remove({ name: "OP_KEY" }),
  };

  /**
   * Mutations every member may call: the inbox, one's own pool membership and presence, contacts, leads,
   * the sandbox chat, logins, leaving a workspace, accepting an invitation, switching workspaces.
   */
  const memberMutations = [
    "sandbox.send",
    "inbox.take",
    "inbox.reply",
    "inbox.close",
    "inbox.returnToBot",
    "inbox.markRead",
    "inbox.note",
    "inbox.assign",
    "presence.heartbeat",
    "presence.set",
    "contacts.update",
    "operators.join",
    "operators.leave",
    "leads.create",
    "leads.update",
    "login.confirm",
    "login.cancel",
    "members.leave",
    "invitations.accept",
    "workspace.switch",
  ];

  it("every mutation but the member ones is an editor mutation", () => {
    const mutations = Object.entries(appRouter._def.procedures)
      .filter(([, p]) => (p as unknown as { _def: { type: string } })._def.type === "mutation")
      .map(([path]) => path)
      .sort();
    expect(mutations).toEqual([...Object.keys(editorCalls), ...memberMutations].sort());
  });

  it.each(Object.keys(editorCalls))("an operator calling %s is FORBIDDEN", async (path) => {
    await expectTrpcError(editorCalls[path]!(operator.api), "FORBIDDEN", /operators/i);
  });

  it("a marketer may edit", async () => {
    const marketer = await w.member("marketer", a.workspaceId);
    const { id } = await marketer.api.flows.create({ name: "by marketer" });
    await marketer.api.flows.rename({ id, name: "renamed by marketer" });
    expect((await a.api.flows.get({ id })).name).toBe("renamed by marketer");
  });

  it("the operator's attempts changed nothing", async () => {
    const flow = await a.api.flows.get({ id: flowId });
    expect(flow.name).toBe("A's flow");
    expect(flow.publishedVersion).toBeNull();
    const [bot] = await a.api.bots.list();
    expect(bot).toMatchObject({ id: botId, enabled: true });
    expect((await a.api.flows.list()).map((f) => f.name).sort()).toEqual(["A's flow", "renamed by marketer"]);
  });
});
