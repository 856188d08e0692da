import { randomUUID } from "node:crypto";
import {
  contacts,
  conversationAssignments,
  invitations,
  leads,
  type MemberRole,
  memberships,
  operatorPools,
  operatorPresence,
  operatorQueue,
  realtimeEvents,
  secretKeyFrom,
  session,
  user,
  workspaces,
} from "@switchboard/db";
import { flowDoc, routeStep, textStep } from "@switchboard/flow/testing";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/actor";
import { pipelineStages } from "../src/leads/stages";
import {
  acceptInvitation,
  describeInvitation,
  type InvitationEnv,
  inviteMember,
  listInvitations,
  revokeInvitation,
} from "../src/members/invitations";
import type { MailMessage, MailTransport } from "../src/members/mail";
import {
  changeMemberRole,
  leaveWorkspace,
  listMembers,
  MEMBER_REMOVED_REASON,
  removeMember,
} from "../src/members/members";
import { hashInvitationToken } from "../src/members/tokens";
import { resolveWorkspace, switchWorkspace, workspacesOf } from "../src/members/workspaces";
import { takeConversation } from "../src/operators/inbox";
import { joinOperatorPool } from "../src/operators/pools";
import { ADMIN_BASE_URL, createWorld, ENV, errorCode, telegramUser, type World } from "./fixtures";

let w: World;
const INV: InvitationEnv = {
  adminBaseUrl: ADMIN_BASE_URL,
  secretKey: secretKeyFrom("core-members-secret-0123"),
};

beforeAll(async () => {
  w = await createWorld("core_members");
});
afterAll(async () => {
  await w?.close();
});

/** A workspace of its own with an owner (and the other members asked for). */
async function team(name = "Team", extra: MemberRole[] = []) {
  const [ws] = await w.db.insert(workspaces).values({ name }).returning();
  const workspaceId = ws!.id;
  const add = async (role: MemberRole, label: string = role): Promise<Actor> => {
    const userId = await w.addUser(`${label} of ${name}`);
    await w.db.insert(memberships).values({ workspaceId, userId, role });
    return { workspaceId, userId, role };
  };
  const owner = await add("owner");
  const others: Actor[] = [];
  for (const [i, role] of extra.entries()) others.push(await add(role, `${role}${i}`));
  return { workspaceId, owner, others, add };
}

/** A browser session row of the user, as better-auth writes it. */
async function newSession(userId: string, activeWorkspaceId: string | null = null) {
  const id = randomUUID();
  await w.db.insert(session).values({
    id,
    token: randomUUID(),
    userId,
    expiresAt: new Date(Date.now() + 86_400_000),
    activeWorkspaceId,
  });
  return id;
}

const activeOf = async (sessionId: string) =>
  (await w.db.select().from(session).where(eq(session.id, sessionId)))[0]!.activeWorkspaceId;

const tokenOf = (link: string) => link.split("/invite/")[1]!;

const roleIn = async (workspaceId: string, userId: string) =>
  (
    await w.db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
  )[0]?.role ?? null;

const emailOf = async (userId: string) =>
  (await w.db.select({ email: user.email }).from(user).where(eq(user.id, userId)))[0]!.email;

describe("inviting", () => {
  it("mints a single-use link valid for 7 days; only the token's hash is stored", async () => {
    const { owner } = await team("Acme");
    const { link, invitation, emailed } = await inviteMember(
      w.db,
      owner,
      { email: "  Newbie@Example.TEST ", role: "operator" },
      INV,
    );
    expect(link).toMatch(new RegExp(`^${ADMIN_BASE_URL}/invite/[A-Za-z0-9_-]{43}$`));
    expect(emailed).toBe(false);
    expect(invitation).toMatchObject({
      email: "newbie@example.test",
      role: "operator",
      invitedByName: "owner of Acme",
      link,
      canRevoke: true,
    });
    const [row] = await w.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row!.tokenHash).toBe(hashInvitationToken(tokenOf(link)));
    expect(row!.tokenHash).not.toContain(tokenOf(link));
    const days = (row!.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    expect(row).toMatchObject({ acceptedAt: null, revokedAt: null, invitedBy: owner.userId });
  });

  it("owners invite any role; marketers marketers and operators; operators nobody", async () => {
    const { owner, others } = await team("Roles", ["marketer", "operator"]);
    const [marketer, operator] = others as [Actor, Actor];
    for (const role of ["owner", "marketer", "operator"] as const)
      await inviteMember(w.db, owner, { email: `o-${role}@x.test`, role }, INV);
    await inviteMember(w.db, marketer, { email: "m-marketer@x.test", role: "marketer" }, INV);
    await inviteMember(w.db, marketer, { email: "m-operator@x.test", role: "operator" }, INV);
    await expect(
      inviteMember(w.db, marketer, { email: "m-owner@x.test", role: "owner" }, INV),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only an owner can invite an owner." });
    for (const role of ["owner", "marketer", "operator"] as const)
      await expect(
        inviteMember(w.db, operator, { email: `op-${role}@x.test`, role }, INV),
      ).rejects.toMatchObject({ code: "FORBIDDEN", message: "Operators can't manage members." });
    expect((await listInvitations(w.db, owner, INV)).map((i) => i.email).sort()).toEqual([
      "m-marketer@x.test",
      "m-operator@x.test",
      "o-marketer@x.test",
      "o-operator@x.test",
      "o-owner@x.test",
    ]);
  });

  it("refuses what is not an email address, and a member's address (CONFLICT, any case)", async () => {
    const { owner, others } = await team("Checks", ["operator"]);
    expect(await errorCode(() => inviteMember(w.db, owner, { email: "nope", role: "operator" }, INV))).toBe(
      "INVALID",
    );
    expect(await errorCode(() => inviteMember(w.db, owner, { email: "  ", role: "operator" }, INV))).toBe(
      "INVALID",
    );
    const email = (await emailOf(others[0]!.userId)).toUpperCase();
    await expect(inviteMember(w.db, owner, { email, role: "marketer" }, INV)).rejects.toMatchObject({
      code: "CONFLICT",
      message: `${email.toLowerCase()} is already a member of this workspace. Change their role instead.`,
    });
    expect(await listInvitations(w.db, owner, INV)).toEqual([]);
  });

  it("inviting the same address again replaces the earlier open invitation: its link stops working", async () => {
    const { owner } = await team("Again");
    const first = await inviteMember(w.db, owner, { email: "twice@x.test", role: "operator" }, INV);
    const second = await inviteMember(w.db, owner, { email: "TWICE@x.test", role: "marketer" }, INV);
    expect(second.link).not.toBe(first.link);
    expect((await describeInvitation(w.db, tokenOf(first.link), null)).state).toBe("revoked");
    expect(await describeInvitation(w.db, tokenOf(second.link), null)).toMatchObject({
      state: "open",
      role: "marketer",
    });
    expect((await listInvitations(w.db, owner, INV)).map((i) => i.id)).toEqual([second.invitation.id]);
    const someone = await w.addUser("Someone");
    expect(
      await errorCode(() =>
        acceptInvitation(w.db, { token: tokenOf(first.link), userId: someone, sessionId: null }),
      ),
    ).toBe("PRECONDITION_FAILED");
  });

  it("emails the link through a transport that delivers; a failing one still leaves the link", async () => {
    const { owner } = await team("Mail");
    const sent: MailMessage[] = [];
    const mail: MailTransport = { delivers: true, send: async (m) => void sent.push(m) };
    const result = await inviteMember(
      w.db,
      owner,
      { email: "mail@x.test", role: "marketer" },
      { ...INV, mail },
    );
    expect(result.emailed).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: "mail@x.test",
      subject: "owner of Mail invited you to Mail on Switchboard",
    });
    expect(sent[0]!.text).toContain(result.link);
    expect(sent[0]!.text).toContain('join the workspace "Mail" on Switchboard as a marketer');

    const broken: MailTransport = {
      delivers: true,
      send: async () => {
        throw new Error("SMTP down");
      },
    };
    const after = await inviteMember(
      w.db,
      owner,
      { email: "down@x.test", role: "operator" },
      { ...INV, mail: broken },
    );
    expect(after.emailed).toBe(false);
    expect((await describeInvitation(w.db, tokenOf(after.link), null)).state).toBe("open");
  });
});

describe("describing a link", () => {
  it("names the workspace, role, inviter, address and state; the viewer's role when they are a member", async () => {
    const { owner, workspaceId } = await team("Described");
    const { link } = await inviteMember(w.db, owner, { email: "d@x.test", role: "marketer" }, INV);
    const info = await describeInvitation(w.db, tokenOf(link), null);
    expect(info).toMatchObject({
      state: "open",
      workspaceId,
      workspaceName: "Described",
      role: "marketer",
      email: "d@x.test",
      inviterName: "owner of Described",
      viewerRole: null,
    });
    expect((await describeInvitation(w.db, tokenOf(link), owner.userId)).viewerRole).toBe("owner");
  });

  it("expired after its 7 days; an unknown or malformed token is NOT_FOUND", async () => {
    const { owner } = await team("Old");
    const { link, invitation } = await inviteMember(
      w.db,
      owner,
      { email: "old@x.test", role: "operator" },
      INV,
    );
    await w.db
      .update(invitations)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(invitations.id, invitation.id));
    expect((await describeInvitation(w.db, tokenOf(link), null)).state).toBe("expired");
    expect(await listInvitations(w.db, owner, INV)).toEqual([]);
    const someone = await w.addUser();
    await expect(
      acceptInvitation(w.db, { token: tokenOf(link), userId: someone, sessionId: null }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This invitation has expired. Ask owner of Old for a new one.",
    });
    expect(await errorCode(() => describeInvitation(w.db, "A".repeat(43), null))).toBe("NOT_FOUND");
    expect(await errorCode(() => describeInvitation(w.db, "not a token", null))).toBe("NOT_FOUND");
  });
});

describe("accepting", () => {
  it("makes the account a member with the invitation's role (any address) and switches its session there", async () => {
    const { owner, workspaceId } = await team("Joined");
    const { link, invitation } = await inviteMember(
      w.db,
      owner,
      { email: "other@x.test", role: "operator" },
      INV,
    );
    const newcomer = await w.addUser("Newcomer");
    const home = await team("Newcomer's home");
    await w.db.insert(memberships).values({ workspaceId: home.workspaceId, userId: newcomer, role: "owner" });
    const sessionId = await newSession(newcomer, home.workspaceId);
    const otherSession = await newSession(newcomer, home.workspaceId);

    const result = await acceptInvitation(w.db, { token: tokenOf(link), userId: newcomer, sessionId });
    expect(result).toEqual({ workspaceId, workspaceName: "Joined", role: "operator", wasMember: false });
    expect(await roleIn(workspaceId, newcomer)).toBe("operator");
    expect(await activeOf(sessionId)).toBe(workspaceId);
    expect(await activeOf(otherSession)).toBe(home.workspaceId); // another browser keeps its workspace
    const [row] = await w.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row).toMatchObject({ acceptedBy: newcomer });
    expect(row!.acceptedAt).toBeInstanceOf(Date);
    expect(await describeInvitation(w.db, tokenOf(link), newcomer)).toMatchObject({
      state: "accepted",
      viewerRole: "operator",
    });
  });

  it("works once: another account gets a CONFLICT; the same account again gets the same answer", async () => {
    const { owner, workspaceId } = await team("Once");
    const { link } = await inviteMember(w.db, owner, { email: "once@x.test", role: "marketer" }, INV);
    const first = await w.addUser("First");
    const second = await w.addUser("Second");
    const token = tokenOf(link);
    await acceptInvitation(w.db, { token, userId: first, sessionId: null });
    await expect(acceptInvitation(w.db, { token, userId: second, sessionId: null })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This invitation has already been used. Invitation links work once.",
    });
    expect(await roleIn(workspaceId, second)).toBeNull();
    const sessionId = await newSession(first);
    expect(await acceptInvitation(w.db, { token, userId: first, sessionId })).toMatchObject({
      workspaceId,
      role: "marketer",
    });
    expect(await activeOf(sessionId)).toBe(workspaceId);
  });

  it("two accounts accepting at the same moment: exactly one becomes a member", async () => {
    const { owner, workspaceId } = await team("Race");
    const other = await w.newClient();
    for (let round = 0; round < 3; round++) {
      const { link } = await inviteMember(
        w.db,
        owner,
        { email: `race${round}@x.test`, role: "operator" },
        INV,
      );
      const a = await w.addUser("A");
      const b = await w.addUser("B");
      const results = await Promise.allSettled([
        acceptInvitation(w.db, { token: tokenOf(link), userId: a, sessionId: null }),
        acceptInvitation(other, { token: tokenOf(link), userId: b, sessionId: null }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const members = [await roleIn(workspaceId, a), await roleIn(workspaceId, b)].filter(Boolean);
      expect(members).toEqual(["operator"]);
    }
  });

  it("a member who accepts keeps the higher role: never demoted, promoted when the invitation is higher", async () => {
    const { owner, others, workspaceId } = await team("Higher", ["marketer", "operator"]);
    const [marketer, operator] = others as [Actor, Actor];
    const lower = await inviteMember(w.db, owner, { email: "low@x.test", role: "operator" }, INV);
    expect(
      await acceptInvitation(w.db, { token: tokenOf(lower.link), userId: marketer.userId, sessionId: null }),
    ).toMatchObject({ role: "marketer", wasMember: true });
    expect(await roleIn(workspaceId, marketer.userId)).toBe("marketer");
    const higher = await inviteMember(w.db, owner, { email: "high@x.test", role: "owner" }, INV);
    expect(
      await acceptInvitation(w.db, { token: tokenOf(higher.link), userId: operator.userId, sessionId: null }),
    ).toMatchObject({ role: "owner", wasMember: true });
    expect(await roleIn(workspaceId, operator.userId)).toBe("owner");
  });

  it("a revoked invitation can't be accepted", async () => {
    const { owner } = await team("Revoked");
    const { link, invitation } = await inviteMember(
      w.db,
      owner,
      { email: "r@x.test", role: "operator" },
      INV,
    );
    await revokeInvitation(w.db, owner, invitation.id, INV);
    const someone = await w.addUser();
    await expect(
      acceptInvitation(w.db, { token: tokenOf(link), userId: someone, sessionId: null }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This invitation was withdrawn. Ask owner of Revoked for a new one.",
    });
  });
});

describe("open invitations", () => {
  it("the link can be copied again (the same link); a marketer sees an owner's invitation but not its link", async () => {
    const { owner, others } = await team("Listed", ["marketer", "operator"]);
    const [marketer, operator] = others as [Actor, Actor];
    const toOwner = await inviteMember(w.db, owner, { email: "boss@x.test", role: "owner" }, INV);
    const toOperator = await inviteMember(w.db, marketer, { email: "op@x.test", role: "operator" }, INV);
    const byOwner = await listInvitations(w.db, owner, INV);
    expect(byOwner.map((i) => [i.email, i.link, i.canRevoke])).toEqual([
      ["op@x.test", toOperator.link, true],
      ["boss@x.test", toOwner.link, true],
    ]);
    const byMarketer = await listInvitations(w.db, marketer, INV);
    expect(byMarketer.map((i) => [i.email, i.link, i.canRevoke, i.invitedByName])).toEqual([
      ["op@x.test", toOperator.link, true, "marketer0 of Listed"],
      ["boss@x.test", null, false, "owner of Listed"],
    ]);
    expect(await errorCode(() => listInvitations(w.db, operator, INV))).toBe("FORBIDDEN");
    // Under another server secret the links can't be derived again: none is shown, rather than a wrong one.
    const rotated = await listInvitations(w.db, owner, {
      ...INV,
      secretKey: secretKeyFrom("another-secret-0123456"),
    });
    expect(rotated.map((i) => i.link)).toEqual([null, null]);
  });

  it("revoking: owners any, marketers not an owner's; an accepted one can't be; another workspace's is NOT_FOUND", async () => {
    const { owner, others } = await team("Revoking", ["marketer", "operator"]);
    const [marketer, operator] = others as [Actor, Actor];
    const toOwner = await inviteMember(w.db, owner, { email: "boss@x.test", role: "owner" }, INV);
    const toOp = await inviteMember(w.db, owner, { email: "op@x.test", role: "operator" }, INV);
    await expect(revokeInvitation(w.db, marketer, toOwner.invitation.id, INV)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only an owner can revoke an invitation to become an owner.",
    });
    expect(await errorCode(() => revokeInvitation(w.db, operator, toOp.invitation.id, INV))).toBe(
      "FORBIDDEN",
    );
    expect((await revokeInvitation(w.db, marketer, toOp.invitation.id, INV)).map((i) => i.email)).toEqual([
      "boss@x.test",
    ]);
    await revokeInvitation(w.db, marketer, toOp.invitation.id, INV); // twice is fine
    const stranger = await team("Stranger");
    expect(await errorCode(() => revokeInvitation(w.db, stranger.owner, toOwner.invitation.id, INV))).toBe(
      "NOT_FOUND",
    );
    const joiner = await w.addUser();
    await acceptInvitation(w.db, { token: tokenOf(toOwner.link), userId: joiner, sessionId: null });
    expect(await errorCode(() => revokeInvitation(w.db, owner, toOwner.invitation.id, INV))).toBe(
      "PRECONDITION_FAILED",
    );
  });
});

describe("roles", () => {
  it("members are listed by name with their role; `you` marks the caller", async () => {
    const { owner, others } = await team("Listing", ["operator"]);
    const list = await listMembers(w.db, others[0]!);
    expect(list.map((m) => [m.name, m.role, m.you])).toEqual([
      ["operator0 of Listing", "operator", true],
      ["owner of Listing", "owner", false],
    ]);
    expect(list[1]!.userId).toBe(owner.userId);
    expect(list[1]!.joinedAt).toBeInstanceOf(Date);
  });

  it("only owners change roles; the workspace always keeps an owner", async () => {
    const { owner, others, workspaceId } = await team("Changing", ["marketer", "operator"]);
    const [marketer, operator] = others as [Actor, Actor];
    await expect(
      changeMemberRole(w.db, marketer, { userId: operator.userId, role: "marketer" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only an owner can change a member's role." });
    expect(
      await errorCode(() => changeMemberRole(w.db, operator, { userId: operator.userId, role: "owner" })),
    ).toBe("FORBIDDEN");
    const after = await changeMemberRole(w.db, owner, { userId: operator.userId, role: "marketer" });
    expect(after.find((m) => m.userId === operator.userId)!.role).toBe("marketer");
    await expect(
      changeMemberRole(w.db, owner, { userId: owner.userId, role: "marketer" }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "You are the only owner of this workspace. Make another member an owner first.",
    });
    expect(await roleIn(workspaceId, owner.userId)).toBe("owner");
    // With a second owner, the first may step down.
    await changeMemberRole(w.db, owner, { userId: marketer.userId, role: "owner" });
    await changeMemberRole(w.db, owner, { userId: owner.userId, role: "operator" });
    expect(await roleIn(workspaceId, owner.userId)).toBe("operator");
    expect(
      await errorCode(() =>
        changeMemberRole(w.db, { ...marketer, role: "owner" }, { userId: randomUUID(), role: "owner" }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("two owners demoting each other at the same moment: one of them stays owner", async () => {
    const other = await w.newClient();
    for (let round = 0; round < 3; round++) {
      const { owner, add, workspaceId } = await team(`Duel${round}`);
      const second = await add("owner", "second");
      const results = await Promise.allSettled([
        changeMemberRole(w.db, owner, { userId: second.userId, role: "marketer" }),
        changeMemberRole(other, second, { userId: owner.userId, role: "marketer" }),
      ]);
      const owners = await w.db
        .select()
        .from(memberships)
        .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "owner")));
      expect(owners).toHaveLength(1);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    }
  });
});

describe("removing a member", () => {
  let flowId: string;
  beforeAll(async () => {
    ({ flowId } = await w.publish(
      flowDoc(
        [textStep("hi", "Hi"), routeStep("r", "Connecting you…"), textStep("none", "Nobody's here")],
        [
          ["hi", "next", "r"],
          ["r", "no_operator", "none"],
        ],
      ),
    ));
  });

  it("their conversations go back to the queue; pools, presence, owned leads and contacts, Login links and sessions let go", async () => {
    const owner = w.owner();
    const anna = await w.addMember("Anna", "marketer");
    const boris = await w.addMember("Boris", "operator");
    const bot = await w.addBot({ flowId });
    await joinOperatorPool(w.db, anna, bot.id);
    await joinOperatorPool(w.db, boris, bot.id);
    const kim = telegramUser("Kim");
    await w.say(bot, kim);
    const conversation = await w.conversationOf(bot.id, kim.id);
    await takeConversation(w.db, anna, conversation.id, ENV);
    await w.db.insert(operatorPresence).values({ workspaceId: w.workspaceId, userId: anna.userId });
    await w.db
      .update(contacts)
      .set({ ownerUserId: anna.userId, linkedUserId: anna.userId, linkedAt: sql`now()` })
      .where(eq(contacts.id, conversation.contactId));
    const [stage] = await pipelineStages(w.db, w.workspaceId);
    const [lead] = await w.db
      .insert(leads)
      .values({
        workspaceId: w.workspaceId,
        contactId: conversation.contactId,
        stageId: stage!.id,
        title: "Kim's lead",
        ownerUserId: anna.userId,
        source: "manual",
      })
      .returning();
    const sessionId = await newSession(anna.userId, w.workspaceId);
    const annasInvite = await inviteMember(w.db, anna, { email: "friend@x.test", role: "operator" }, INV);

    const { members, requeued } = await removeMember(w.db, owner, anna.userId);
    expect(requeued).toBe(1);
    // The inbox hears it waits again.
    const [lastEvent] = await w.db
      .select()
      .from(realtimeEvents)
      .where(and(eq(realtimeEvents.conversationId, conversation.id), eq(realtimeEvents.type, "conversation")))
      .orderBy(desc(realtimeEvents.id))
      .limit(1);
    expect(lastEvent!.payload).toMatchObject({ status: "operator", assigneeId: null });
    expect(members.map((m) => m.userId)).not.toContain(anna.userId);
    expect(await roleIn(w.workspaceId, anna.userId)).toBeNull();

    const [queued] = await w.db
      .select()
      .from(operatorQueue)
      .where(eq(operatorQueue.conversationId, conversation.id));
    expect(queued).toMatchObject({ botId: bot.id, stepId: "r", workspaceId: w.workspaceId });
    const [assignment] = await w.db
      .select()
      .from(conversationAssignments)
      .where(eq(conversationAssignments.conversationId, conversation.id));
    expect(assignment).toMatchObject({ operatorUserId: anna.userId, endReason: MEMBER_REMOVED_REASON });
    expect(assignment!.endedAt).toBeInstanceOf(Date);
    expect((await w.conversation(conversation.id)).status).toBe("operator");
    // The next operator takes it from the queue.
    await takeConversation(w.db, boris, conversation.id, ENV);

    expect(await w.db.select().from(operatorPools).where(eq(operatorPools.userId, anna.userId))).toEqual([]);
    expect(
      await w.db.select().from(operatorPresence).where(eq(operatorPresence.userId, anna.userId)),
    ).toEqual([]);
    const [contact] = await w.db.select().from(contacts).where(eq(contacts.id, conversation.contactId));
    expect(contact).toMatchObject({ ownerUserId: null, linkedUserId: null, linkedAt: null });
    expect((await w.db.select().from(leads).where(eq(leads.id, lead!.id)))[0]!.ownerUserId).toBeNull();
    expect(await activeOf(sessionId)).toBeNull();
    expect((await describeInvitation(w.db, tokenOf(annasInvite.link), null)).state).toBe("revoked");
    // Boris is untouched.
    expect(await roleIn(w.workspaceId, boris.userId)).toBe("operator");
    expect(
      await w.db
        .select()
        .from(conversationAssignments)
        .where(
          and(
            eq(conversationAssignments.operatorUserId, boris.userId),
            isNull(conversationAssignments.endedAt),
          ),
        ),
    ).toHaveLength(1);
  });

  it("owners only; not yourself (leave instead); a non-member is NOT_FOUND", async () => {
    const { owner, others } = await team("Removal", ["marketer", "operator"]);
    const [marketer, operator] = others as [Actor, Actor];
    await expect(removeMember(w.db, marketer, operator.userId)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only an owner can remove members.",
    });
    expect(await errorCode(() => removeMember(w.db, operator, marketer.userId))).toBe("FORBIDDEN");
    await expect(removeMember(w.db, owner, owner.userId)).rejects.toMatchObject({
      code: "INVALID",
      message: "To remove yourself, leave the workspace.",
    });
    const stranger = await team("Elsewhere");
    expect(await errorCode(() => removeMember(w.db, owner, stranger.owner.userId))).toBe("NOT_FOUND");
    expect(await roleIn(stranger.workspaceId, stranger.owner.userId)).toBe("owner");
    // An owner may remove another owner (one is left).
    const { owner: first, add, workspaceId } = await team("Two owners");
    const second = await add("owner", "second");
    await removeMember(w.db, first, second.userId);
    expect(await roleIn(workspaceId, second.userId)).toBeNull();
  });
});

describe("leaving", () => {
  it("any member may leave; the sessions that worked there fall back to their next workspace", async () => {
    const a = await team("Left");
    const b = await team("Stays");
    const traveller = await a.add("operator", "traveller");
    await w.db
      .insert(memberships)
      .values({ workspaceId: b.workspaceId, userId: traveller.userId, role: "marketer" });
    const sessionId = await newSession(traveller.userId, a.workspaceId);
    const result = await leaveWorkspace(w.db, traveller);
    expect(result.next).toEqual({ id: b.workspaceId, name: "Stays", role: "marketer" });
    expect(await roleIn(a.workspaceId, traveller.userId)).toBeNull();
    expect(await activeOf(sessionId)).toBeNull();
    expect(await resolveWorkspace(w.db, { userId: traveller.userId, sessionId })).toMatchObject({
      workspaceId: b.workspaceId,
      role: "marketer",
    });
  });

  it("the only owner can't leave, nor can anyone leave their only workspace", async () => {
    const { owner, workspaceId } = await team("Sole");
    const elsewhere = await team("Elsewhere2");
    await w.db
      .insert(memberships)
      .values({ workspaceId: elsewhere.workspaceId, userId: owner.userId, role: "operator" });
    await expect(leaveWorkspace(w.db, owner)).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "You are the only owner of this workspace. Make another member an owner before you leave.",
    });
    expect(await roleIn(workspaceId, owner.userId)).toBe("owner");
    const { others } = await team("Only", ["operator"]);
    await expect(leaveWorkspace(w.db, others[0]!)).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This is your only workspace, so you can't leave it.",
    });
  });
});

describe("the session's workspace", () => {
  it("the session's choice when still a member, else the first workspace; switching checks the membership", async () => {
    const first = await team("First");
    const second = await team("Second");
    const userId = first.owner.userId;
    await w.db.insert(memberships).values({ workspaceId: second.workspaceId, userId, role: "operator" });
    const sessionId = await newSession(userId);
    const otherSession = await newSession(userId);

    expect(await resolveWorkspace(w.db, { userId, sessionId })).toEqual({
      workspaceId: first.workspaceId,
      userId,
      role: "owner",
    });
    expect(await switchWorkspace(w.db, { userId, sessionId, workspaceId: second.workspaceId })).toEqual({
      id: second.workspaceId,
      name: "Second",
      role: "operator",
    });
    expect(await resolveWorkspace(w.db, { userId, sessionId })).toMatchObject({
      workspaceId: second.workspaceId,
      role: "operator",
    });
    // Another session, and no session, still get the first workspace.
    expect((await resolveWorkspace(w.db, { userId, sessionId: otherSession }))!.workspaceId).toBe(
      first.workspaceId,
    );
    expect((await resolveWorkspace(w.db, { userId, sessionId: null }))!.workspaceId).toBe(first.workspaceId);
    // Someone else's session id names nothing for this user.
    const stranger = await team("Strange");
    const strangersSession = await newSession(stranger.owner.userId, stranger.workspaceId);
    expect((await resolveWorkspace(w.db, { userId, sessionId: strangersSession }))!.workspaceId).toBe(
      first.workspaceId,
    );
    expect(
      await errorCode(() => switchWorkspace(w.db, { userId, sessionId, workspaceId: stranger.workspaceId })),
    ).toBe("NOT_FOUND");
    expect(
      await errorCode(() =>
        switchWorkspace(w.db, { userId, sessionId: strangersSession, workspaceId: second.workspaceId }),
      ),
    ).toBe("PRECONDITION_FAILED");
    expect(await activeOf(strangersSession)).toBe(stranger.workspaceId);

    // A membership that ended is never used, whatever the session still names.
    await w.db
      .delete(memberships)
      .where(and(eq(memberships.workspaceId, second.workspaceId), eq(memberships.userId, userId)));
    expect(await activeOf(sessionId)).toBe(second.workspaceId);
    expect((await resolveWorkspace(w.db, { userId, sessionId }))!.workspaceId).toBe(first.workspaceId);
    expect(await resolveWorkspace(w.db, { userId: await w.addUser(), sessionId: null })).toBeNull();
    expect((await workspacesOf(w.db, userId)).map((x) => x.name)).toEqual(["First"]);
  });
});
