import type { MemberRole } from "@switchboard/db";
import type { Actor } from "../actor";
import { forbidden } from "../errors";

/** How much a role may do: owner > marketer > operator. */
const RANK: Record<MemberRole, number> = { owner: 3, marketer: 2, operator: 1 };

/** The higher of two roles (an existing member who accepts an invitation keeps the higher one). */
export const higherRole = (a: MemberRole, b: MemberRole): MemberRole => (RANK[a] >= RANK[b] ? a : b);

export const roleLabel = (role: MemberRole) =>
  role === "owner" ? "owner" : role === "marketer" ? "marketer" : "operator";

/**
 * Who may invite whom: owners anyone, marketers marketers and operators, operators nobody. The same
 * rule says whose open invitations a member may see the link of, and revoke.
 */
export function mayInvite(actor: Pick<Actor, "role">, role: MemberRole): boolean {
  if (actor.role === "owner") return true;
  if (actor.role === "marketer") return role !== "owner";
  return false;
}

/** Owners and marketers manage invitations; operators don't manage members at all. */
export function assertManagesMembers(actor: Pick<Actor, "role">) {
  if (actor.role === "operator") throw forbidden("Operators can't manage members.");
}

export function assertMayInvite(actor: Pick<Actor, "role">, role: MemberRole) {
  assertManagesMembers(actor);
  if (!mayInvite(actor, role)) throw forbidden("Only an owner can invite an owner.");
}

/** Changing roles and removing members is the owners' (`what`: "change a member's role"). */
export function assertOwner(actor: Pick<Actor, "role">, what: string) {
  assertManagesMembers(actor);
  if (actor.role !== "owner") throw forbidden(`Only an owner can ${what}.`);
}
