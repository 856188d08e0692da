import {
  acceptInvitation,
  changeMemberRole,
  describeInvitation,
  inviteMember,
  leaveWorkspace,
  listInvitations,
  listMembers,
  removeMember,
  revokeInvitation,
} from "@switchboard/core";
import type { Db } from "@switchboard/db";
import { type ApiEnv, invitationEnvOf } from "../../context";
import type { ActorScope } from "../../trpc";
import type { ChangeRoleInput, InviteMemberInput } from "./schemas";

/*
 * Members and invitations: the rules (who may invite, change or remove whom; a workspace always has an
 * owner; a link works once) are the core's (packages/core/src/members).
 */

export const members = ({ db, actor }: ActorScope) => listMembers(db, actor);

export const invite = ({ db, actor }: ActorScope, env: ApiEnv, input: InviteMemberInput) =>
  inviteMember(db, actor, input, invitationEnvOf(env));

export const changeRole = ({ db, actor }: ActorScope, input: ChangeRoleInput) =>
  changeMemberRole(db, actor, input);

export const remove = ({ db, actor }: ActorScope, userId: string) => removeMember(db, actor, userId);

export async function leave({ db, actor }: ActorScope) {
  const { next } = await leaveWorkspace(db, actor);
  return { workspace: next };
}

export const invitations = ({ db, actor }: ActorScope, env: ApiEnv) =>
  listInvitations(db, actor, invitationEnvOf(env));

export const revoke = ({ db, actor }: ActorScope, env: ApiEnv, id: string) =>
  revokeInvitation(db, actor, id, invitationEnvOf(env));

/** Public: nothing secret (the page shows it before anyone signs in). */
export async function describe(db: Db, token: string, viewerUserId: string | null) {
  const info = await describeInvitation(db, token, viewerUserId);
  const { state, workspaceName, role, email, inviterName, expiresAt, viewerRole } = info;
  const workspaceId = viewerRole ? info.workspaceId : null;
  return { state, workspaceName, role, email, inviterName, expiresAt, viewerRole, workspaceId };
}

export const accept = (db: Db, input: { token: string; userId: string; sessionId: string | null }) =>
  acceptInvitation(db, input);
