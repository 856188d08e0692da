import { invitations, memberships, session, workspaces } from "@switchboard/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_BASE_URL, callerFor, createWorld, expectTrpcError, type Member, type World } from "./helpers";

let w: World;

beforeAll(async () => {
  w = await createWorld("members");
});
afterAll(async () => {
  await w?.close();
});

/** A workspace with an owner, a marketer and an operator. */
async function team() {
  const owner = await w.member("owner");
  const marketer = await w.member("marketer", owner.workspaceId);
  const operator = await w.member("operator", owner.workspaceId);
  return { owner, marketer, operator, workspaceId: owner.workspaceId };
}

const tokenOf = (link: string) => link.split("/invite/")[1]!;
const emailOf = (m: Member) => `${m.userId}@example.test`;

const roleIn = async (workspaceId: string, userId: string) =>
  (
    await w.db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
  )[0]?.role ?? null;

describe("members.invite", () => {
  it("an owner invites: the link to send and the open invitation", async () => {
    const { owner } = await team();
    const { link, invitation, emailed } = await owner.api.members.invite({
      email: " Sam@Example.test ",
      role: "operator",
    });
    expect(link).toMatch(new RegExp(`^${ADMIN_BASE_URL}/invite/[A-Za-z0-9_-]{43}$`));
    expect(emailed).toBe(false);
    expect(invitation).toMatchObject({
      email: "sam@example.test",
      role: "operator",
      invitedByName: "owner",
      link,
      canRevoke: true,
    });
    expect(invitation.expiresAt.getTime() - invitation.createdAt.getTime()).toBeCloseTo(7 * 86_400_000, -4);
    expect(await owner.api.invitations.list()).toEqual([invitation]);
  });

  it("a marketer invites marketers and operators, not owners; an operator nobody", async () => {
    const { marketer, operator } = await team();
    expect((await marketer.api.members.invite({ email: "m@x.test", role: "marketer" })).invitation.role).toBe(
      "marketer",
    );
    expect((await marketer.api.members.invite({ email: "o@x.test", role: "operator" })).invitation.role).toBe(
      "operator",
    );
    await expectTrpcError(
      marketer.api.members.invite({ email: "boss@x.test", role: "owner" }),
      "FORBIDDEN",
      "Only an owner can invite an owner.",
    );
    await expectTrpcError(
      operator.api.members.invite({ email: "x@x.test", role: "operator" }),
      "FORBIDDEN",
      "Operators can't manage members.",
    );
  });

  it("refuses a blank or malformed address, a role that doesn't exist, and a member's address", async () => {
    const { owner, operator } = await team();
    await expectTrpcError(owner.api.members.invite({ email: "  ", role: "operator" }), "BAD_REQUEST");
    await expectTrpcError(
      owner.api.members.invite({ email: "not-an-address", role: "operator" }),
      "BAD_REQUEST",
      '"not-an-address" is not an email address.',
    );
    await expectTrpcError(
      owner.api.members.invite({ email: "a@x.test", role: "admin" as "owner" }),
      "BAD_REQUEST",
    );
    await expectTrpcError(
      owner.api.members.invite({ email: emailOf(operator).toUpperCase(), role: "marketer" }),
      "CONFLICT",
      /already a member of this workspace/,
    );
    expect(await owner.api.invitations.list()).toEqual([]);
  });

  it("the same address again replaces the earlier invitation", async () => {
    const { owner } = await team();
    const first = await owner.api.members.invite({ email: "again@x.test", role: "operator" });
    const second = await owner.api.members.invite({ email: "again@x.test", role: "marketer" });
    expect((await owner.api.invitations.list()).map((i) => i.id)).toEqual([second.invitation.id]);
    const anon = callerFor(w.db, null, w.env);
    expect((await anon.invitations.describe({ token: tokenOf(first.link) })).state).toBe("revoked");
  });

  it("sends the invitation through a mail transport that delivers", async () => {
    const sent: { to: string; subject: string; text: string }[] = [];
    const env = {
      ...w.env,
      mail: { delivers: true, send: async (m: (typeof sent)[number]) => void sent.push(m) },
    };
    const owner = await w.member("owner", undefined, env);
    const { link, emailed } = await owner.api.members.invite({ email: "mailed@x.test", role: "marketer" });
    expect(emailed).toBe(true);
    expect(sent).toEqual([
      expect.objectContaining({
        to: "mailed@x.test",
        subject: "owner invited you to WS owner on Switchboard",
      }),
    ]);
    expect(sent[0]!.text).toContain(link);
  });
});

describe("invitations.list and revoke", () => {
  it("open invitations of the caller's workspace only; a marketer doesn't get an owner invitation's link", async () => {
    const { owner, marketer, operator } = await team();
    const other = await team();
    await other.owner.api.members.invite({ email: "elsewhere@x.test", role: "operator" });
    const boss = await owner.api.members.invite({ email: "boss@x.test", role: "owner" });
    const op = await marketer.api.members.invite({ email: "op@x.test", role: "operator" });
    expect((await owner.api.invitations.list()).map((i) => [i.email, i.link])).toEqual([
      ["op@x.test", op.link],
      ["boss@x.test", boss.link],
    ]);
    expect((await marketer.api.invitations.list()).map((i) => [i.email, i.link, i.canRevoke])).toEqual([
      ["op@x.test", op.link, true],
      ["boss@x.test", null, false],
    ]);
    await expectTrpcError(operator.api.invitations.list(), "FORBIDDEN", "Operators can't manage members.");
  });

  it("revoke: the link stops working; roles and workspaces are checked", async () => {
    const { owner, marketer, operator } = await team();
    const other = await team();
    const boss = await owner.api.members.invite({ email: "boss@x.test", role: "owner" });
    const op = await owner.api.members.invite({ email: "op@x.test", role: "operator" });
    await expectTrpcError(marketer.api.invitations.revoke({ id: boss.invitation.id }), "FORBIDDEN");
    await expectTrpcError(operator.api.invitations.revoke({ id: op.invitation.id }), "FORBIDDEN");
    await expectTrpcError(
      other.owner.api.invitations.revoke({ id: op.invitation.id }),
      "NOT_FOUND",
      "Invitation not found.",
    );
    await expectTrpcError(owner.api.invitations.revoke({ id: "nope" }), "BAD_REQUEST");
    expect((await marketer.api.invitations.revoke({ id: op.invitation.id })).map((i) => i.email)).toEqual([
      "boss@x.test",
    ]);
    const joiner = await w.addUser("Joiner");
    await expectTrpcError(
      callerFor(w.db, joiner, w.env).invitations.accept({ token: tokenOf(op.link) }),
      "PRECONDITION_FAILED",
      "This invitation was withdrawn. Ask owner for a new one.",
    );
  });
});

describe("invitations.describe and accept", () => {
  it("describe is public; unknown tokens are NOT_FOUND", async () => {
    const { owner } = await team();
    const { link } = await owner.api.members.invite({ email: "d@x.test", role: "marketer" });
    const anon = callerFor(w.db, null, w.env);
    const info = await anon.invitations.describe({ token: tokenOf(link) });
    expect(info).toEqual({
      state: "open",
      workspaceName: "WS owner",
      role: "marketer",
      email: "d@x.test",
      inviterName: "owner",
      expiresAt: expect.any(Date),
      viewerRole: null,
      workspaceId: null,
    });
    expect(await owner.api.invitations.describe({ token: tokenOf(link) })).toMatchObject({
      viewerRole: "owner",
      workspaceId: owner.workspaceId,
    });
    // Signed in but not a member: still no workspace id.
    const outsider = await w.member("owner");
    expect(await outsider.api.invitations.describe({ token: tokenOf(link) })).toMatchObject({
      viewerRole: null,
      workspaceId: null,
    });
    await expectTrpcError(anon.invitations.describe({ token: "A".repeat(43) }), "NOT_FOUND");
    await expectTrpcError(anon.invitations.describe({ token: "" }), "BAD_REQUEST");
  });

  it("accept needs a session; then the account is a member and its browser works in that workspace", async () => {
    const { owner, workspaceId } = await team();
    const { link } = await owner.api.members.invite({ email: "someone-else@x.test", role: "operator" });
    await expectTrpcError(
      callerFor(w.db, null, w.env).invitations.accept({ token: tokenOf(link) }),
      "UNAUTHORIZED",
    );
    // A new account with its personal workspace, whose browser works there.
    const newcomer = await w.member("owner");
    const browser = await w.browser(newcomer.userId, newcomer.workspaceId);
    expect((await browser.api.workspace.current()).id).toBe(newcomer.workspaceId);

    expect(await browser.api.invitations.accept({ token: tokenOf(link) })).toEqual({
      workspaceId,
      workspaceName: "WS owner",
      role: "operator",
      wasMember: false,
    });
    expect(await browser.api.workspace.current()).toMatchObject({ id: workspaceId, role: "operator" });
    expect((await owner.api.members.list()).map((m) => m.userId)).toContain(newcomer.userId);
    expect((await browser.api.workspace.list()).map((x) => [x.id, x.current])).toEqual(
      expect.arrayContaining([
        [workspaceId, true],
        [newcomer.workspaceId, false],
      ]),
    );
    // Single use.
    const late = await w.member("owner");
    await expectTrpcError(
      late.api.invitations.accept({ token: tokenOf(link) }),
      "CONFLICT",
      "This invitation has already been used. Invitation links work once.",
    );
  });

  it("a member who accepts keeps the higher role", async () => {
    const { owner, marketer, workspaceId } = await team();
    const { link } = await owner.api.members.invite({ email: "low@x.test", role: "operator" });
    expect(await marketer.api.invitations.accept({ token: tokenOf(link) })).toMatchObject({
      role: "marketer",
      wasMember: true,
    });
    expect(await roleIn(workspaceId, marketer.userId)).toBe("marketer");
  });
});

describe("members.list, changeRole, remove, leave", () => {
  it("list: any member sees the workspace's members; `you` is the caller", async () => {
    const { owner, marketer, operator } = await team();
    await w.member("owner"); // another workspace
    const list = await operator.api.members.list();
    expect(list.map((m) => [m.userId, m.role, m.you])).toEqual([
      [marketer.userId, "marketer", false],
      [operator.userId, "operator", true],
      [owner.userId, "owner", false],
    ]);
    expect(list[0]).toMatchObject({ name: "marketer", email: emailOf(marketer), joinedAt: expect.any(Date) });
  });

  it("changeRole: owners only, within the workspace, never leaving it without an owner", async () => {
    const { owner, marketer, operator } = await team();
    const stranger = await w.member("operator");
    await expectTrpcError(
      marketer.api.members.changeRole({ userId: operator.userId, role: "marketer" }),
      "FORBIDDEN",
      "Only an owner can change a member's role.",
    );
    await expectTrpcError(
      operator.api.members.changeRole({ userId: operator.userId, role: "owner" }),
      "FORBIDDEN",
      "Operators can't manage members.",
    );
    await expectTrpcError(
      owner.api.members.changeRole({ userId: stranger.userId, role: "marketer" }),
      "NOT_FOUND",
      "Member not found.",
    );
    expect(await roleIn(stranger.workspaceId, stranger.userId)).toBe("operator");
    await expectTrpcError(
      owner.api.members.changeRole({ userId: owner.userId, role: "marketer" }),
      "PRECONDITION_FAILED",
      "You are the only owner of this workspace. Make another member an owner first.",
    );
    const after = await owner.api.members.changeRole({ userId: operator.userId, role: "marketer" });
    expect(after.find((m) => m.userId === operator.userId)!.role).toBe("marketer");
    // The new role applies to the member's next call.
    expect((await operator.api.workspace.current()).role).toBe("marketer");
    await operator.api.flows.create({ name: "now allowed" });
  });

  it("remove: owners only; the removed member's next call no longer reaches the workspace", async () => {
    const { owner, marketer, operator, workspaceId } = await team();
    const stranger = await w.member("operator");
    await expectTrpcError(
      marketer.api.members.remove({ userId: operator.userId }),
      "FORBIDDEN",
      "Only an owner can remove members.",
    );
    await expectTrpcError(operator.api.members.remove({ userId: marketer.userId }), "FORBIDDEN");
    await expectTrpcError(owner.api.members.remove({ userId: stranger.userId }), "NOT_FOUND");
    await expectTrpcError(
      owner.api.members.remove({ userId: owner.userId }),
      "BAD_REQUEST",
      "To remove yourself, leave the workspace.",
    );
    const browser = await w.browser(operator.userId, workspaceId);
    const { members, requeued } = await owner.api.members.remove({ userId: operator.userId });
    expect(requeued).toBe(0);
    expect(members.map((m) => m.userId).sort()).toEqual([owner.userId, marketer.userId].sort());
    // Their only workspace is gone: no workspace at all.
    await expectTrpcError(
      browser.api.workspace.current(),
      "FORBIDDEN",
      "You are not a member of any workspace.",
    );
    await expectTrpcError(browser.api.bots.list(), "FORBIDDEN");
    expect(await browser.api.workspace.list()).toEqual([]);
  });

  it("leave: the session falls back to the next workspace; the only owner can't leave", async () => {
    const { owner, operator, workspaceId } = await team();
    const home = await w.member("owner");
    await w.db
      .insert(memberships)
      .values({ workspaceId: home.workspaceId, userId: operator.userId, role: "owner" });
    const browser = await w.browser(operator.userId, workspaceId);
    expect((await browser.api.workspace.current()).id).toBe(workspaceId);
    expect(await browser.api.members.leave()).toEqual({
      workspace: { id: home.workspaceId, name: "WS owner", role: "owner" },
    });
    expect((await browser.api.workspace.current()).id).toBe(home.workspaceId);
    expect(await roleIn(workspaceId, operator.userId)).toBeNull();
    await expectTrpcError(
      owner.api.members.leave(),
      "PRECONDITION_FAILED",
      /only owner of this workspace|only workspace/,
    );
  });
});

describe("workspace switching", () => {
  /** A user in two workspaces, each with rows of its own. */
  async function twoWorkspaces() {
    const a = await w.member("owner");
    const b = await w.member("owner");
    await w.db.update(workspaces).set({ name: "Alpha" }).where(eq(workspaces.id, a.workspaceId));
    await w.db.update(workspaces).set({ name: "Beta" }).where(eq(workspaces.id, b.workspaceId));
    await w.db.insert(memberships).values({ workspaceId: b.workspaceId, userId: a.userId, role: "operator" });
    const aFlow = await a.api.flows.create({ name: "Alpha's flow" });
    const bFlow = await b.api.flows.create({ name: "Beta's flow" });
    await a.api.contactFields.create({ key: "alpha", label: "Alpha field", type: "text" });
    await b.api.contactFields.create({ key: "beta", label: "Beta field", type: "text" });
    const { token } = await w.sandboxBot();
    const bBot = await b.api.bots.connect({ token });
    const browser = await w.browser(a.userId);
    return { a, b, aFlow, bFlow, bBot, browser };
  }

  /** What a member sees through the workspace procedures. */
  const view = async (api: Member["api"]) => ({
    current: (await api.workspace.current()).name,
    settings: (await api.workspace.settings()).name,
    flows: (await api.flows.list()).map((f) => f.name),
    fields: (await api.contactFields.list()).map((f) => f.label),
    bots: (await api.bots.list()).length,
    members: (await api.members.list()).length,
    workspaceMembers: (await api.workspace.members()).length,
    leads: (await api.leads.list()).length,
    conversations: (await api.conversations.list()).length,
    queue: await api.inbox.queue(),
  });

  it("list shows the user's workspaces with their role; switching changes what every procedure sees", async () => {
    const { a, b, aFlow, bFlow, bBot, browser } = await twoWorkspaces();
    expect(await browser.api.workspace.list()).toEqual([
      { id: a.workspaceId, name: "Alpha", role: "owner", current: true },
      { id: b.workspaceId, name: "Beta", role: "operator", current: false },
    ]);
    const inAlpha = {
      current: "Alpha",
      settings: "Alpha",
      flows: ["Alpha's flow"],
      fields: ["Alpha field"],
      bots: 0,
      members: 1,
      workspaceMembers: 1,
      leads: 0,
      conversations: 0,
      queue: { waiting: [], mine: [] },
    };
    expect(await view(browser.api)).toEqual(inAlpha);

    expect(await browser.api.workspace.switch({ workspaceId: b.workspaceId })).toEqual({
      id: b.workspaceId,
      name: "Beta",
      role: "operator",
    });
    expect(await view(browser.api)).toEqual({
      ...inAlpha,
      current: "Beta",
      settings: "Beta",
      flows: ["Beta's flow"],
      fields: ["Beta field"],
      bots: 1,
      members: 2,
      workspaceMembers: 2,
    });
    expect((await browser.api.workspace.current()).role).toBe("operator");
    // By id, too: Alpha's rows are out of reach, Beta's within it, with Beta's role.
    await expectTrpcError(browser.api.flows.get({ id: aFlow.id }), "NOT_FOUND");
    expect((await browser.api.flows.get({ id: bFlow.id })).name).toBe("Beta's flow");
    expect((await browser.api.operators.pool({ botId: bBot.id })).map((m) => m.userId)).toEqual([b.userId]);
    await expectTrpcError(
      browser.api.flows.rename({ id: bFlow.id, name: "x" }),
      "FORBIDDEN",
      "Operators can't change bots or flows.",
    );
    expect((await browser.api.workspace.list()).find((x) => x.current)!.id).toBe(b.workspaceId);
    // Another browser of the same user, and a call without a session, still work in Alpha.
    const other = await w.browser(a.userId);
    expect((await other.api.workspace.current()).id).toBe(a.workspaceId);
    expect((await a.api.workspace.current()).id).toBe(a.workspaceId);
    // Back.
    await browser.api.workspace.switch({ workspaceId: a.workspaceId });
    expect(await view(browser.api)).toEqual(inAlpha);
  });

  it("a workspace the user left is never used, even while the session still names it", async () => {
    const { a, b, browser } = await twoWorkspaces();
    await browser.api.workspace.switch({ workspaceId: b.workspaceId });
    // The membership ends behind the session's back (an owner removes them, another browser leaves).
    await b.api.members.remove({ userId: a.userId });
    const [row] = await w.db.select().from(session).where(eq(session.id, browser.sessionId));
    expect(row!.activeWorkspaceId).toBeNull();
    // Even if the row still named Beta (an older server, a manual edit), calls work in Alpha.
    await w.db
      .update(session)
      .set({ activeWorkspaceId: b.workspaceId })
      .where(eq(session.id, browser.sessionId));
    expect((await browser.api.workspace.current()).id).toBe(a.workspaceId);
    expect((await browser.api.flows.list()).map((f) => f.name)).toEqual(["Alpha's flow"]);
    expect(await browser.api.workspace.list()).toEqual([
      { id: a.workspaceId, name: "Alpha", role: "owner", current: true },
    ]);
    await expectTrpcError(browser.api.workspace.switch({ workspaceId: b.workspaceId }), "NOT_FOUND");
  });

  it("input can't pick a workspace: a workspaceId in any input is ignored or refused", async () => {
    const { a, b, browser } = await twoWorkspaces();
    // Extra keys are stripped by the input schemas: the session's workspace (Alpha) is used.
    const sneaky = { workspaceId: b.workspaceId } as never;
    expect((await browser.api.leads.list(sneaky)).length).toBe(0);
    expect((await browser.api.conversations.list(sneaky)).length).toBe(0);
    const flow = await browser.api.flows.create({ name: "Where?", workspaceId: b.workspaceId } as never);
    expect((await a.api.flows.list()).map((f) => f.id)).toContain(flow.id);
    expect((await b.api.flows.list()).map((f) => f.id)).not.toContain(flow.id);
    const invited = await browser.api.members.invite({
      email: "where@x.test",
      role: "operator",
      workspaceId: b.workspaceId,
    } as never);
    const [row] = await w.db.select().from(invitations).where(eq(invitations.id, invited.invitation.id));
    expect(row!.workspaceId).toBe(a.workspaceId);
    // Switching to a workspace one isn't a member of: NOT_FOUND, and nothing changes.
    const stranger = await w.member("owner");
    await expectTrpcError(
      browser.api.workspace.switch({ workspaceId: stranger.workspaceId }),
      "NOT_FOUND",
      "Workspace not found.",
    );
    await expectTrpcError(browser.api.workspace.switch({ workspaceId: "nope" }), "BAD_REQUEST");
    expect((await browser.api.workspace.current()).id).toBe(a.workspaceId);
  });

  it("switching needs a session; workspace.list and switch need a signed-in user", async () => {
    const { b, a } = await twoWorkspaces();
    await expectTrpcError(
      a.api.workspace.switch({ workspaceId: b.workspaceId }),
      "PRECONDITION_FAILED",
      "Switching workspaces needs a signed-in browser session.",
    );
    const anon = callerFor(w.db, null, w.env);
    await expectTrpcError(anon.workspace.list(), "UNAUTHORIZED");
    await expectTrpcError(anon.workspace.switch({ workspaceId: b.workspaceId }), "UNAUTHORIZED");
  });
});
