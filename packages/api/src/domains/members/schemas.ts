import { memberRole } from "@switchboard/db";
import { z } from "zod";

const role = z.enum(memberRole.enumValues);

// ---- inputs ----

/** The address is checked (and lower-cased) by the core: INVALID when it isn't one. */
export const inviteMemberInput = z.object({
  email: z.string().trim().min(1, "Enter the email address of the person to invite.").max(254),
  role,
});
export type InviteMemberInput = z.infer<typeof inviteMemberInput>;

export const changeRoleInput = z.object({ userId: z.string().min(1).max(200), role });
export type ChangeRoleInput = z.infer<typeof changeRoleInput>;

export const memberInput = z.object({ userId: z.string().min(1).max(200) });
export type MemberInput = z.infer<typeof memberInput>;

export const invitationIdInput = z.object({ id: z.uuid() });
export type InvitationIdInput = z.infer<typeof invitationIdInput>;

/** The token from the link's URL (`/invite/<token>`). */
export const invitationTokenInput = z.object({ token: z.string().min(1).max(200) });
export type InvitationTokenInput = z.infer<typeof invitationTokenInput>;

// ---- outputs ----

/** A member of the caller's workspace; `you` is the caller. */
export const memberOutput = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role,
  joinedAt: z.date(),
  you: z.boolean(),
});
export const membersOutput = z.array(memberOutput);
export type MembersOutput = z.infer<typeof membersOutput>;

/** An open invitation. `link` only for the invitations the caller may send (not an owner's, to a marketer). */
export const invitationOutput = z.object({
  id: z.string(),
  email: z.string(),
  role,
  invitedByName: z.string().nullable(),
  createdAt: z.date(),
  expiresAt: z.date(),
  link: z.string().nullable(),
  canRevoke: z.boolean(),
});
export const invitationsOutput = z.array(invitationOutput);
export type InvitationsOutput = z.infer<typeof invitationsOutput>;

/** The new invitation and its link; `emailed` when a mail transport sent it (else the admin shows it). */
export const inviteMemberOutput = z.object({
  link: z.string(),
  invitation: invitationOutput,
  emailed: z.boolean(),
});
export type InviteMemberOutput = z.infer<typeof inviteMemberOutput>;

/** The members after; `requeued`: the removed member's conversations that went back to the queue. */
export const removeMemberOutput = z.object({ members: membersOutput, requeued: z.number().int() });
export type RemoveMemberOutput = z.infer<typeof removeMemberOutput>;

const workspaceRef = z.object({ id: z.string(), name: z.string(), role });

/** Where the caller's session works now (their first remaining workspace). */
export const leaveWorkspaceOutput = z.object({ workspace: workspaceRef.nullable() });
export type LeaveWorkspaceOutput = z.infer<typeof leaveWorkspaceOutput>;

export const invitationState = z.enum(["open", "accepted", "revoked", "expired"]);

/** What the invitation page shows, signed in or not; `viewerRole`: the signed-in viewer's role there. */
export const describeInvitationOutput = z.object({
  state: invitationState,
  workspaceName: z.string(),
  role,
  /** The address the invitation was sent to (any account may accept it). */
  email: z.string(),
  inviterName: z.string().nullable(),
  expiresAt: z.date(),
  viewerRole: role.nullable(),
  /** The workspace's id, only for a viewer who is a member of it (to switch there). */
  workspaceId: z.string().nullable(),
});
export type DescribeInvitationOutput = z.infer<typeof describeInvitationOutput>;

/** The workspace joined and the caller's role in it; their session now works there. */
export const acceptInvitationOutput = z.object({
  workspaceId: z.string(),
  workspaceName: z.string(),
  role,
  /** They were a member already (they keep the higher role). */
  wasMember: z.boolean(),
});
export type AcceptInvitationOutput = z.infer<typeof acceptInvitationOutput>;
