import { authedProcedure, publicProcedure, router, workspaceProcedure } from "../../trpc";
import {
  acceptInvitationOutput,
  changeRoleInput,
  describeInvitationOutput,
  invitationIdInput,
  invitationsOutput,
  invitationTokenInput,
  inviteMemberInput,
  inviteMemberOutput,
  leaveWorkspaceOutput,
  memberInput,
  membersOutput,
  removeMemberOutput,
} from "./schemas";
import { accept, changeRole, describe, invitations, invite, leave, members, remove, revoke } from "./service";

/**
 * The caller's workspace's members. Any member lists them and may leave; owners and marketers invite
 * (marketers: marketers and operators); owners change roles and remove members. The core says no
 * (FORBIDDEN) to anyone else, so these are member procedures.
 */
export const membersRouter = router({
  list: workspaceProcedure.output(membersOutput).query(({ ctx }) => members(ctx)),
  invite: workspaceProcedure
    .input(inviteMemberInput)
    .output(inviteMemberOutput)
    .mutation(({ ctx, input }) => invite(ctx, ctx.env, input)),
  changeRole: workspaceProcedure
    .input(changeRoleInput)
    .output(membersOutput)
    .mutation(({ ctx, input }) => changeRole(ctx, input)),
  remove: workspaceProcedure
    .input(memberInput)
    .output(removeMemberOutput)
    .mutation(({ ctx, input }) => remove(ctx, input.userId)),
  leave: workspaceProcedure.output(leaveWorkspaceOutput).mutation(({ ctx }) => leave(ctx)),
});

export const invitationsRouter = router({
  /** The workspace's open invitations (owners and marketers). */
  list: workspaceProcedure.output(invitationsOutput).query(({ ctx }) => invitations(ctx, ctx.env)),
  revoke: workspaceProcedure
    .input(invitationIdInput)
    .output(invitationsOutput)
    .mutation(({ ctx, input }) => revoke(ctx, ctx.env, input.id)),
  /** Public: the invitation page shows what the link is before anyone signs in. */
  describe: publicProcedure
    .input(invitationTokenInput)
    .output(describeInvitationOutput)
    .query(({ ctx, input }) => describe(ctx.db, input.token, ctx.userId)),
  /** Any signed-in user, whatever workspace their session works in: the link names its own. */
  accept: authedProcedure
    .input(invitationTokenInput)
    .output(acceptInvitationOutput)
    .mutation(({ ctx, input }) =>
      accept(ctx.db, { token: input.token, userId: ctx.userId, sessionId: ctx.sessionId }),
    ),
});
