import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/router";
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
/** Workspace B's bot, which a signed-in stranger must not reach. Isolation between workspaces, procedure by
 * procedure, is tenant-isolation.test.ts. */
const bRows = { botId: "", botToken: "" };

beforeAll(async () => {
  w = await createWorld("auth");
  a = await w.member("owner");
  b = await w.member("owner");
  const bot = await w.sandboxBot();
  bRows.botToken = bot.token;
  bRows.botId = (await b.api.bots.connect({ token: bot.token })).id;
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
    // Reading a version is allowed (NOT_FOUND: none is published yet), not FORBIDDEN.
    await expectTrpcError(operator.api.flows.version({ id: flowId, version: 1 }), "NOT_FOUND");
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
