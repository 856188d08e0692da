import { randomUUID } from "node:crypto";
import {
  type InvitationRow,
  invitations,
  type MemberRole,
  memberships,
  session,
  user,
  workspaces,
} from "@switchboard/db";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Actor } from "../actor";
import type { Db, Executor } from "../db";
import { conflict, forbidden, invalid, notFound, preconditionFailed } from "../errors";
import { lockWorkspaceMembers } from "./lock";
import { type MailTransport, noMail } from "./mail";
import { assertManagesMembers, assertMayInvite, higherRole, mayInvite } from "./roles";
import {
  hashInvitationToken,
  INVITATION_TTL_DAYS,
  invitationLink,
  invitationToken,
  isInvitationTokenShaped,
} from "./tokens";

export interface InvitationEnv {
  /** Where the admin runs: links point at its `/invite/<token>` page. */
  adminBaseUrl: string;
  /** The server's secret key (SWITCHBOARD_SECRET): invitation tokens are derived from it. */
  secretKey: Buffer;
  /** How invitations are emailed; by default nothing is sent and the admin shows the link. */
  mail?: MailTransport;
}

/** open: can be accepted; accepted: used (once, for good); revoked: withdrawn or replaced; expired: too late. */
export type InvitationState = "open" | "accepted" | "revoked" | "expired";

export function invitationState(
  row: Pick<InvitationRow, "acceptedAt" | "revokedAt" | "expiresAt">,
  now = new Date(),
): InvitationState {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt.getTime() <= now.getTime() ? "expired" : "open";
}

/** Trimmed and lower-cased; INVALID when it isn't an email address. */
export function normalizeEmail(email: string): string {
  const normalized = email.trim().toLowerCase();
  if (!normalized) throw invalid("Enter the email address of the person to invite.");
  if (normalized.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normalized))
    throw invalid(`"${email.trim()}" is not an email address.`);
  return normalized;
}

/** An open invitation as the members page shows it. */
export interface InvitationView {
  id: string;
  email: string;
  role: MemberRole;
  invitedByName: string | null;
  createdAt: Date;
  expiresAt: Date;
  /** The link to send, for the invitations the caller may manage (null for an owner's, to a marketer). */
  link: string | null;
  /** The caller may revoke it. */
  canRevoke: boolean;
}

const viewColumns = {
  row: invitations,
  invitedByName: user.name,
};

function toView(
  actor: Pick<Actor, "role">,
  env: InvitationEnv,
  { row, invitedByName }: { row: InvitationRow; invitedByName: string | null },
): InvitationView {
  const manages = mayInvite(actor, row.role);
  let link: string | null = null;
  if (manages) {
    const token = invitationToken(env.secretKey, row.id);
    // A link made under another secret (it was rotated) can't be derived again: invite anew.
    if (hashInvitationToken(token) === row.tokenHash) link = invitationLink(env.adminBaseUrl, token);
  }
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedByName,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    link,
    canRevoke: manages,
  };
}

const isOpen = () =>
  and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, sql`now()`));

/** The workspace's open invitations, newest first (owners and marketers). */
export async function listInvitations(db: Executor, actor: Actor, env: InvitationEnv) {
  assertManagesMembers(actor);
  const rows = await db
    .select(viewColumns)
    .from(invitations)
    .leftJoin(user, eq(user.id, invitations.invitedBy))
    .where(and(eq(invitations.workspaceId, actor.workspaceId), isOpen()))
    .orderBy(desc(invitations.createdAt), desc(invitations.id));
  return rows.map((r) => toView(actor, env, r));
}

function invitationEmail(input: {
  inviterName: string;
  workspaceName: string;
  role: MemberRole;
  link: string;
  expiresAt: Date;
}) {
  const article = input.role === "operator" || input.role === "owner" ? "an" : "a";
  return {
    subject: `${input.inviterName} invited you to ${input.workspaceName} on Switchboard`,
    text: [
      `${input.inviterName} invited you to join the workspace "${input.workspaceName}" on Switchboard as ${article} ${input.role}.`,
      "",
      `Accept the invitation: ${input.link}`,
      "",
      `The link works once, until ${input.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
    ].join("\n"),
  };
}

/**
 * Invites someone by email with a role (owners: any role; marketers: marketers and operators). Mints a
 * single-use link valid for 7 days, replacing (revoking) the email's earlier open invitation to this
 * workspace, and emails it through `env.mail` when a transport that delivers is configured. Inviting
 * someone who is already a member is a CONFLICT: change their role instead.
 */
export async function inviteMember(
  db: Db,
  actor: Actor,
  input: { email: string; role: MemberRole },
  env: InvitationEnv,
) {
  assertMayInvite(actor, input.role);
  const email = normalizeEmail(input.email);
  const { workspace, id, token } = await db.transaction(async (tx) => {
    const workspace = await lockWorkspaceMembers(tx, actor.workspaceId);
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(user, eq(user.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, actor.workspaceId), sql`lower(${user.email}) = ${email}`));
    if (member) throw conflict(`${email} is already a member of this workspace. Change their role instead.`);
    await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(invitations.workspaceId, actor.workspaceId),
          eq(invitations.email, email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const id = randomUUID();
    const token = invitationToken(env.secretKey, id);
    await tx.insert(invitations).values({
      id,
      workspaceId: actor.workspaceId,
      email,
      role: input.role,
      tokenHash: hashInvitationToken(token),
      invitedBy: actor.userId,
      expiresAt: sql`now() + ${INVITATION_TTL_DAYS} * interval '1 day'`,
    });
    return { workspace, id, token };
  });

  const [row] = await db
    .select(viewColumns)
    .from(invitations)
    .leftJoin(user, eq(user.id, invitations.invitedBy))
    .where(eq(invitations.id, id));
  const invitation = toView(actor, env, row!);
  const link = invitationLink(env.adminBaseUrl, token);

  const mail = env.mail ?? noMail;
  let emailed = false;
  if (mail.delivers) {
    try {
      await mail.send({
        to: email,
        ...invitationEmail({
          inviterName: row!.invitedByName ?? "A member",
          workspaceName: workspace.name,
          role: input.role,
          link,
          expiresAt: invitation.expiresAt,
        }),
      });
      emailed = true;
    } catch {
      // The invitation stands: the admin shows the link to send by hand.
    }
  }
  return { link, invitation, emailed };
}

async function findByToken(db: Executor, token: string) {
  if (!isInvitationTokenShaped(token)) return null;
  const [row] = await db
    .select({ row: invitations, workspaceName: workspaces.name, inviterName: user.name })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .leftJoin(user, eq(user.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  return row ?? null;
}

/**
 * What the invitation page shows about a link, signed in or not: the workspace, the role, who invited,
 * the address it was sent to, its state; and the viewer's current role there when they are a member.
 */
export async function describeInvitation(db: Executor, token: string, viewerUserId: string | null) {
  const found = await findByToken(db, token);
  if (!found) throw notFound("Invitation");
  const { row } = found;
  let viewerRole: MemberRole | null = null;
  if (viewerUserId) {
    const [m] = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, row.workspaceId), eq(memberships.userId, viewerUserId)));
    viewerRole = m?.role ?? null;
  }
  return {
    state: invitationState(row),
    workspaceId: row.workspaceId,
    workspaceName: found.workspaceName,
    role: row.role,
    email: row.email,
    inviterName: found.inviterName,
    expiresAt: row.expiresAt,
    viewerRole,
  };
}

/**
 * The signed-in user accepts: they become a member with the invitation's role, and the session they
 * accepted in (`sessionId`) switches to the workspace. Single use: the row is locked and must be open.
 * Any account may accept, whatever address the invitation went to (the page shows both). Someone who
 * is already a member keeps the higher of their role and the invitation's (an invitation never demotes).
 * Accepting again with the same account is harmless: it answers as the first time did.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; userId: string; sessionId: string | null },
) {
  const found = await findByToken(db, input.token);
  if (!found) throw notFound("Invitation");
  const askFor = found.inviterName ? `Ask ${found.inviterName} for a new one.` : "Ask for a new one.";
  return db.transaction(async (tx) => {
    const workspace = await lockWorkspaceMembers(tx, found.row.workspaceId);
    const [row] = await tx.select().from(invitations).where(eq(invitations.id, found.row.id)).for("update");
    if (!row) throw notFound("Invitation");
    const state = invitationState(row);
    const [existing] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, row.workspaceId), eq(memberships.userId, input.userId)));
    let role: MemberRole;
    if (state === "accepted") {
      if (row.acceptedBy !== input.userId || !existing)
        throw conflict("This invitation has already been used. Invitation links work once.");
      role = existing.role;
    } else if (state === "revoked") {
      throw preconditionFailed(`This invitation was withdrawn. ${askFor}`);
    } else if (state === "expired") {
      throw preconditionFailed(`This invitation has expired. ${askFor}`);
    } else {
      role = existing ? higherRole(existing.role, row.role) : row.role;
      if (!existing)
        await tx.insert(memberships).values({ workspaceId: row.workspaceId, userId: input.userId, role });
      else if (role !== existing.role)
        await tx
          .update(memberships)
          .set({ role })
          .where(and(eq(memberships.workspaceId, row.workspaceId), eq(memberships.userId, input.userId)));
      await tx
        .update(invitations)
        .set({ acceptedAt: sql`now()`, acceptedBy: input.userId })
        .where(eq(invitations.id, row.id));
    }
    if (input.sessionId)
      await tx
        .update(session)
        .set({ activeWorkspaceId: row.workspaceId })
        .where(and(eq(session.id, input.sessionId), eq(session.userId, input.userId)));
    return {
      workspaceId: row.workspaceId,
      workspaceName: workspace.name,
      role,
      /** They were a member before this invitation. */
      wasMember: state === "open" ? !!existing : false,
    };
  });
}

/**
 * Withdraws an open invitation: its link stops working. Owners revoke any; marketers those they could
 * have sent (marketers and operators). Revoking twice is fine; an accepted one can't be (remove the
 * member instead). Answers the open invitations after.
 */
export async function revokeInvitation(db: Db, actor: Actor, invitationId: string, env: InvitationEnv) {
  assertManagesMembers(actor);
  await db.transaction(async (tx) => {
    await lockWorkspaceMembers(tx, actor.workspaceId);
    const [row] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, invitationId), eq(invitations.workspaceId, actor.workspaceId)))
      .for("update");
    if (!row) throw notFound("Invitation");
    if (!mayInvite(actor, row.role))
      throw forbidden("Only an owner can revoke an invitation to become an owner.");
    if (row.acceptedAt)
      throw preconditionFailed("This invitation was already accepted. Remove the member instead.");
    if (!row.revokedAt)
      await tx.update(invitations).set({ revokedAt: sql`now()` }).where(eq(invitations.id, row.id));
  });
  return listInvitations(db, actor, env);
}
