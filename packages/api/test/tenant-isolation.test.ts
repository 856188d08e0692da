import { randomUUID } from "node:crypto";
import { contacts, conversations, messages, webhookDeliveries } from "@switchboard/db";
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadStepMedia } from "../src/domains/files/service";
import { appRouter } from "../src/router";
import { workspaceScopeOf } from "../src/scope";
import {
  type Caller,
  createWorld,
  expectTrpcError,
  goodFlow,
  type Member,
  makeUsername,
  type World,
} from "./helpers";

/**
 * Tenant isolation, procedure by procedure: every procedure of the app router must have an entry in
 * `isolationCases` below, or this file fails naming it. The victim is workspace B, full of rows; the
 * attacker is an owner of another workspace. After all the calls, B's rows must be exactly as before.
 */

let w: World;
let victim: Member;
let attacker: Member;
/** Workspace B's rows, which the attacker must never reach. */
const bRows = {
  botId: "",
  botToken: "",
  flowId: "",
  conversationId: "",
  contactId: "",
  leadId: "",
  fieldId: "",
  fileId: "",
  invitationId: "",
  cannedId: "",
  deliveryId: "",
};
const user = { id: 4242, first_name: "Eve" };
/** Every text of B's seeded below starts with this, so a leak of any of them is found by one search. */
const B_MARK = "B's";

type Call = (api: Caller) => Promise<unknown>;
type IsolationCase =
  /** Called with B's ids: must be refused (NOT_FOUND or FORBIDDEN unless `refusedAs` says otherwise). */
  | { foreignIds: Call; refusedAs?: readonly string[] }
  /**
   * Takes no row id (or only as a filter): works on the caller's own workspace. Called with B's ids,
   * names and keys where the input takes any, its answer must contain nothing of B.
   */
  | { ownWorkspace: Call }
  /** Not workspace-scoped at all, with the reason. */
  | { notWorkspaceScoped: string };

const isolationCases: Record<string, IsolationCase> = {
  // ---- bots
  "bots.list": { ownWorkspace: (api) => api.bots.list() },
  // A token is the bot: connecting B's bot a second time is refused, naming only what the token tells.
  "bots.connect": {
    foreignIds: (api) => api.bots.connect({ token: bRows.botToken }),
    refusedAs: ["CONFLICT"],
  },
  "bots.update": { foreignIds: (api) => api.bots.update({ id: bRows.botId, enabled: false }) },
  "bots.remove": { foreignIds: (api) => api.bots.remove({ id: bRows.botId }) },
  "bots.updateSettings": {
    foreignIds: (api) => api.bots.updateSettings({ id: bRows.botId, settings: { waitForStart: true } }),
  },
  "bots.logs": { foreignIds: (api) => api.bots.logs({ botId: bRows.botId }) },
  "bots.webhookInfo": { foreignIds: (api) => api.bots.webhookInfo({ botId: bRows.botId }) },
  // ---- flows
  "flows.list": { ownWorkspace: (api) => api.flows.list() },
  "flows.targets": { ownWorkspace: (api) => api.flows.targets() },
  "flows.create": { ownWorkspace: (api) => api.flows.create({ name: `${B_MARK} flow` }) },
  "flows.importJson": { ownWorkspace: (api) => api.flows.importJson({ json: JSON.stringify(goodFlow()) }) },
  "flows.get": { foreignIds: (api) => api.flows.get({ id: bRows.flowId }) },
  "flows.rename": { foreignIds: (api) => api.flows.rename({ id: bRows.flowId, name: "pwned" }) },
  "flows.remove": { foreignIds: (api) => api.flows.remove({ id: bRows.flowId }) },
  "flows.saveDraft": {
    foreignIds: (api) =>
      api.flows.saveDraft({ id: bRows.flowId, draft: { format: "switchboard.flow", version: 1, steps: [] } }),
  },
  "flows.validate": { foreignIds: (api) => api.flows.validate({ id: bRows.flowId }) },
  "flows.publish": { foreignIds: (api) => api.flows.publish({ id: bRows.flowId }) },
  "flows.versions": { foreignIds: (api) => api.flows.versions({ id: bRows.flowId }) },
  "flows.version": { foreignIds: (api) => api.flows.version({ id: bRows.flowId, version: 1 }) },
  "flows.rollback": { foreignIds: (api) => api.flows.rollback({ id: bRows.flowId, version: 1 }) },
  "flows.exportJson": { foreignIds: (api) => api.flows.exportJson({ id: bRows.flowId }) },
  "flows.scheduleRuns": { foreignIds: (api) => api.flows.scheduleRuns({ id: bRows.flowId }) },
  "flows.splitCounts": { foreignIds: (api) => api.flows.splitCounts({ id: bRows.flowId }) },
  "flows.stepAnalytics": {
    foreignIds: (api) => api.flows.stepAnalytics({ id: bRows.flowId, from: "2026-01-01", to: "2026-12-31" }),
  },
  // ---- conversations, contacts, leads
  "conversations.list": {
    ownWorkspace: (api) => api.conversations.list({ botId: bRows.botId, limit: 10 }),
  },
  "conversations.transcript": {
    foreignIds: (api) => api.conversations.transcript({ id: bRows.conversationId }),
  },
  "contacts.update": {
    foreignIds: (api) => api.contacts.update({ id: bRows.contactId, firstName: "pwned" }),
  },
  "leads.list": { ownWorkspace: (api) => api.leads.list() },
  "leads.stages": { ownWorkspace: (api) => api.leads.stages() },
  "leads.get": { foreignIds: (api) => api.leads.get({ id: bRows.leadId }) },
  "leads.update": { foreignIds: (api) => api.leads.update({ id: bRows.leadId, title: "pwned" }) },
  "leads.create": { foreignIds: (api) => api.leads.create({ contactId: bRows.contactId, title: "pwned" }) },
  // ---- sandbox
  "sandbox.status": { ownWorkspace: (api) => api.sandbox.status() },
  "sandbox.createBot": { ownWorkspace: (api) => api.sandbox.createBot({ username: makeUsername() }) },
  "sandbox.send": {
    foreignIds: (api) => api.sandbox.send({ botId: bRows.botId, user, action: { type: "text", text: "hi" } }),
  },
  "sandbox.messages": { foreignIds: (api) => api.sandbox.messages({ botId: bRows.botId, chatId: user.id }) },
  // ---- workspace, members, invitations
  "workspace.current": { ownWorkspace: (api) => api.workspace.current() },
  "workspace.settings": { ownWorkspace: (api) => api.workspace.settings() },
  "workspace.updateSettings": { ownWorkspace: (api) => api.workspace.updateSettings({ timeZone: "UTC" }) },
  "workspace.members": { ownWorkspace: (api) => api.workspace.members() },
  // The caller's own workspaces, whatever the session works in (see members.test.ts).
  "workspace.list": { ownWorkspace: (api) => api.workspace.list() },
  "workspace.switch": { foreignIds: (api) => api.workspace.switch({ workspaceId: victim.workspaceId }) },
  "members.list": { ownWorkspace: (api) => api.members.list() },
  // The same address B invited: a separate invitation in the caller's workspace.
  "members.invite": {
    ownWorkspace: (api) => api.members.invite({ email: "b-invitee@example.test", role: "operator" }),
  },
  // Leaving is the caller's own business; a throwaway member of the attacker's workspace leaves it.
  "members.leave": {
    ownWorkspace: async () => (await w.member("operator", attacker.workspaceId)).api.members.leave(),
  },
  "members.changeRole": {
    foreignIds: (api) => api.members.changeRole({ userId: victim.userId, role: "operator" }),
  },
  "members.remove": { foreignIds: (api) => api.members.remove({ userId: victim.userId }) },
  "invitations.list": { ownWorkspace: (api) => api.invitations.list() },
  "invitations.revoke": { foreignIds: (api) => api.invitations.revoke({ id: bRows.invitationId }) },
  "invitations.describe": {
    notWorkspaceScoped: "an invitation's secret token names its own workspace (see members.test.ts)",
  },
  "invitations.accept": {
    notWorkspaceScoped:
      "accepting an invitation's secret token is how one joins its workspace (see members.test.ts)",
  },
  // ---- contact fields, bot variables, secrets, files
  "contactFields.list": { ownWorkspace: (api) => api.contactFields.list() },
  // B's key again: keys are unique per workspace, not across workspaces.
  "contactFields.create": {
    ownWorkspace: (api) => api.contactFields.create({ key: "b_field", label: "Mine", type: "text" }),
  },
  "contactFields.update": {
    foreignIds: (api) => api.contactFields.update({ id: bRows.fieldId, label: "pwned", type: "text" }),
  },
  "contactFields.remove": { foreignIds: (api) => api.contactFields.remove({ id: bRows.fieldId }) },
  // The caller's workspace's bots only (see bot-variables.test.ts).
  "botVariables.all": { ownWorkspace: (api) => api.botVariables.all() },
  "botVariables.list": { foreignIds: (api) => api.botVariables.list({ botId: bRows.botId }) },
  "botVariables.set": {
    foreignIds: (api) => api.botVariables.set({ botId: bRows.botId, key: "pwned", value: "x" }),
  },
  "botVariables.remove": {
    foreignIds: (api) => api.botVariables.remove({ botId: bRows.botId, key: "b_secret" }),
  },
  // Secrets are named, not numbered: B's name, in the caller's workspace.
  "secrets.list": { ownWorkspace: (api) => api.secrets.list() },
  "secrets.set": { ownWorkspace: (api) => api.secrets.set({ name: "B_KEY", value: "mine" }) },
  "secrets.remove": { ownWorkspace: (api) => api.secrets.remove({ name: "B_KEY" }) },
  "files.get": { foreignIds: (api) => api.files.get({ id: bRows.fileId }) },
  // ---- inbox, canned replies, operators, presence
  "inbox.queue": { ownWorkspace: (api) => api.inbox.queue() },
  "inbox.list": { ownWorkspace: (api) => api.inbox.list({ view: "waiting", botId: bRows.botId }) },
  "inbox.counts": { ownWorkspace: (api) => api.inbox.counts({ botId: bRows.botId }) },
  "inbox.take": { foreignIds: (api) => api.inbox.take({ conversationId: bRows.conversationId }) },
  "inbox.reply": {
    foreignIds: (api) => api.inbox.reply({ conversationId: bRows.conversationId, text: "pwned" }),
  },
  "inbox.close": { foreignIds: (api) => api.inbox.close({ conversationId: bRows.conversationId }) },
  "inbox.returnToBot": {
    foreignIds: (api) => api.inbox.returnToBot({ conversationId: bRows.conversationId }),
  },
  "inbox.conversation": { foreignIds: (api) => api.inbox.conversation({ id: bRows.conversationId }) },
  "inbox.markRead": { foreignIds: (api) => api.inbox.markRead({ conversationId: bRows.conversationId }) },
  "inbox.note": {
    foreignIds: (api) => api.inbox.note({ conversationId: bRows.conversationId, text: "pwned" }),
  },
  "inbox.assign": {
    foreignIds: (api) => api.inbox.assign({ conversationId: bRows.conversationId, userId: attacker.userId }),
  },
  "inbox.operators": { foreignIds: (api) => api.inbox.operators({ botId: bRows.botId }) },
  "canned.list": { ownWorkspace: (api) => api.canned.list({ search: "secret" }) },
  "canned.create": { ownWorkspace: (api) => api.canned.create({ shortcut: "secret", text: "Mine" }) },
  "canned.update": { foreignIds: (api) => api.canned.update({ id: bRows.cannedId, text: "pwned" }) },
  "canned.remove": { foreignIds: (api) => api.canned.remove({ id: bRows.cannedId }) },
  "operators.pool": { foreignIds: (api) => api.operators.pool({ botId: bRows.botId }) },
  "operators.join": { foreignIds: (api) => api.operators.join({ botId: bRows.botId }) },
  "operators.leave": { foreignIds: (api) => api.operators.leave({ botId: bRows.botId }) },
  "presence.heartbeat": { ownWorkspace: (api) => api.presence.heartbeat() },
  "presence.set": { ownWorkspace: (api) => api.presence.set({ status: "online" }) },
  "presence.list": { ownWorkspace: (api) => api.presence.list() },
  // ---- webhooks
  "webhooks.deliveries": { ownWorkspace: (api) => api.webhooks.deliveries({ status: "failed" }) },
  "webhooks.signingSecret": { ownWorkspace: (api) => api.webhooks.signingSecret() },
  "webhooks.rotateSecret": { ownWorkspace: (api) => api.webhooks.rotateSecret() },
  "webhooks.delivery": { foreignIds: (api) => api.webhooks.delivery({ id: bRows.deliveryId }) },
  "webhooks.redeliver": { foreignIds: (api) => api.webhooks.redeliver({ id: bRows.deliveryId }) },
  // ---- not workspace-scoped, or proven where a live stream can be watched
  "login.describe": {
    notWorkspaceScoped: "a login link's secret token names its own workspace (see login.test.ts)",
  },
  "login.confirm": {
    notWorkspaceScoped: "a login link's secret token names its own workspace (see login.test.ts)",
  },
  "login.cancel": {
    notWorkspaceScoped: "a login link's secret token names its own workspace (see login.test.ts)",
  },
  "realtime.events": {
    notWorkspaceScoped:
      "a live subscription to the caller's own workspace's feed; that another workspace hears nothing needs B to act while it listens (see realtime.test.ts)",
  },
};

/** Every value that identifies something of B's: none may appear in an answer to the attacker. */
const bSecrets = () => [
  victim.workspaceId,
  victim.userId,
  bRows.botId,
  bRows.botToken,
  bRows.flowId,
  bRows.conversationId,
  bRows.contactId,
  bRows.leadId,
  bRows.fieldId,
  bRows.fileId,
  bRows.invitationId,
  bRows.cannedId,
  bRows.deliveryId,
  B_MARK,
];

/**
 * Every row of B's, in every table: rows with B's workspace_id, or B's bot_id or conversation_id where a
 * table has no workspace_id. Read from the catalog, so a new table is covered without a change here.
 */
async function snapshotOfB(): Promise<Record<string, unknown>> {
  const columns = (await w.db.execute(sql`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and column_name in ('workspace_id', 'bot_id', 'conversation_id')
    order by table_name, column_name`)) as unknown as Array<{ table_name: string; column_name: string }>;
  const byTable = new Map<string, string[]>();
  for (const c of columns) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name]);
  const ids: Record<string, string> = {
    workspace_id: victim.workspaceId,
    bot_id: bRows.botId,
    conversation_id: bRows.conversationId,
  };
  const snapshot: Record<string, unknown> = {};
  for (const [table, cols] of byTable) {
    const where = sql.join(
      cols.map((c) => sql`${sql.identifier(c)}::text = ${ids[c]!}`),
      sql` or `,
    );
    const [row] = (await w.db.execute(
      sql`select coalesce(json_agg(t order by t::text), '[]') as rows from ${sql.identifier(table)} t where ${where}`,
    )) as unknown as Array<{ rows: unknown[] }>;
    snapshot[table] = row!.rows;
  }
  const [ws] = (await w.db.execute(
    sql`select row_to_json(t) as row from workspaces t where id = ${victim.workspaceId}`,
  )) as unknown as Array<{ row: unknown }>;
  snapshot.workspaces = ws!.row;
  return snapshot;
}

let before: Record<string, unknown>;

beforeAll(async () => {
  w = await createWorld("isolation");
  victim = await w.member("owner");
  attacker = await w.member("owner");
  const api = victim.api;
  const bot = await w.sandboxBot();
  bRows.botToken = bot.token;
  bRows.botId = (await api.bots.connect({ token: bot.token })).id;
  bRows.flowId = (await api.flows.create({ name: `${B_MARK} flow` })).id;
  await api.flows.saveDraft({ id: bRows.flowId, draft: goodFlow() });
  await api.flows.publish({ id: bRows.flowId });
  await api.bots.update({ id: bRows.botId, entryFlowId: bRows.flowId });
  const [contact] = await w.db
    .insert(contacts)
    .values({ workspaceId: victim.workspaceId, telegramUserId: user.id, firstName: user.first_name })
    .returning();
  const [conversation] = await w.db
    .insert(conversations)
    .values({
      workspaceId: victim.workspaceId,
      botId: bRows.botId,
      chatId: user.id,
      contactId: contact!.id,
      state: {},
      lastMessageAt: new Date(),
    })
    .returning();
  bRows.conversationId = conversation!.id;
  bRows.contactId = contact!.id;
  bRows.leadId = (await api.leads.create({ contactId: contact!.id, title: `${B_MARK} lead` })).id;
  bRows.fieldId = (
    await api.contactFields.create({ key: "b_field", label: `${B_MARK} field`, type: "text" })
  ).id;
  await api.botVariables.set({ botId: bRows.botId, key: "b_secret", value: `${B_MARK} value` });
  await api.secrets.set({ name: "B_KEY", value: `${B_MARK} secret value` });
  bRows.fileId = (
    await uploadStepMedia(await workspaceScopeOf(w.db, victim.userId), w.env, {
      name: "b.txt",
      mimeType: "text/plain",
      bytes: new TextEncoder().encode(`${B_MARK} file`),
    })
  ).fileId;
  bRows.invitationId = (
    await api.members.invite({ email: "b-invitee@example.test", role: "operator" })
  ).invitation.id;
  bRows.cannedId = (await api.canned.create({ shortcut: "secret", text: `${B_MARK} canned reply` })).id;
  bRows.deliveryId = randomUUID();
  await w.db.insert(webhookDeliveries).values({
    id: bRows.deliveryId,
    workspaceId: victim.workspaceId,
    botId: bRows.botId,
    url: "https://b.example.com/hook",
    payload: { id: bRows.deliveryId, secret: `${B_MARK} payload` },
    status: "failed",
  });
  await w.db.insert(messages).values({
    workspaceId: victim.workspaceId,
    conversationId: conversation!.id,
    direction: "in",
    deliveryStatus: "received",
    text: `${B_MARK} secret message`,
    payload: {},
  });
  before = await snapshotOfB();
});

afterAll(async () => {
  await w?.close();
});

describe("tenant isolation", () => {
  it("has a case for every procedure of the router, and none for a procedure that is gone", () => {
    const procedures = Object.keys(appRouter._def.procedures);
    const missing = procedures.filter((path) => !(path in isolationCases));
    expect(
      missing,
      `procedures without a cross-workspace case in tenant-isolation.test.ts: ${missing.join(", ")}`,
    ).toEqual([]);
    const stale = Object.keys(isolationCases).filter((path) => !procedures.includes(path));
    expect(stale, `cases for procedures that no longer exist: ${stale.join(", ")}`).toEqual([]);
  });

  const casesOf = <K extends string>(key: K) =>
    Object.entries(isolationCases).filter(
      (entry): entry is [string, Extract<IsolationCase, Record<K, unknown>>] => key in entry[1],
    );

  it.each(casesOf("foreignIds"))("%s with B's ids is refused", async (_path, c) => {
    const err = await c.foreignIds(attacker.api).then(
      (value) => new Error(`the call succeeded with ${JSON.stringify(value)}`),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TRPCError);
    expect(c.refusedAs ?? ["NOT_FOUND", "FORBIDDEN"]).toContain((err as TRPCError).code);
  });

  it.each(casesOf("ownWorkspace"))("%s answers nothing of B's", async (_path, c) => {
    const answer = await c.ownWorkspace(attacker.api).then(
      (value) => JSON.stringify(value ?? null),
      (e: unknown) => {
        // Refusing is fine too (a name that isn't the caller's), as long as it is a clear domain answer.
        expect(e).toBeInstanceOf(TRPCError);
        expect((e as TRPCError).code).not.toBe("INTERNAL_SERVER_ERROR");
        return (e as TRPCError).message;
      },
    );
    for (const secret of bSecrets()) expect(answer, `the answer names ${secret}`).not.toContain(secret);
  });

  it("a bot can't be pointed at another workspace's flow", async () => {
    const mine = await w.sandboxBot();
    const { id } = await attacker.api.bots.connect({ token: mine.token });
    await expectTrpcError(attacker.api.bots.update({ id, entryFlowId: bRows.flowId }), "NOT_FOUND", /flow/i);
    expect((await attacker.api.bots.list()).find((bot) => bot.id === id)!.entryFlowId).toBeNull();
    await attacker.api.bots.remove({ id });
  });

  it("left every row of B's exactly as it was", async () => {
    expect(await snapshotOfB()).toEqual(before);
    // The snapshot holds something of every kind seeded above, so "unchanged" is not "empty".
    const seeded = Object.entries(before).filter(([, rows]) => Array.isArray(rows) && rows.length > 0);
    expect(seeded.length).toBeGreaterThan(10);
    // Nothing reached the Telegram chat on B's behalf either.
    expect(await w.telegram.getMessages({ token: bRows.botToken, chatId: user.id })).toEqual([]);
  });
});
