import type { RouterOutputs } from "@/lib/trpc";

export type MemberRole = RouterOutputs["workspace"]["current"]["role"];

export const ROLES: readonly MemberRole[] = ["owner", "marketer", "operator"];

export const ROLE_LABEL: Record<MemberRole, string> = {
  owner: "Owner",
  marketer: "Marketer",
  operator: "Operator",
};

/** What a role may do, in a line (the invite form's hint, the role menu). */
export const ROLE_HINT: Record<MemberRole, string> = {
  owner: "Everything, including members and their roles.",
  marketer: "Builds bots and flows; invites marketers and operators.",
  operator: "Answers conversations in the inbox; sees the rest.",
};

/** The roles a member may invite people with (the API says the same: owners any, marketers not owners). */
export function invitableRoles(role: MemberRole | undefined): MemberRole[] {
  if (role === "owner") return ["owner", "marketer", "operator"];
  if (role === "marketer") return ["marketer", "operator"];
  return [];
}

/** Owners and marketers see the Members page in the sidebar. */
export const managesMembers = (role: MemberRole | undefined) => role === "owner" || role === "marketer";

/** Where a member lands in a workspace: operators work the inbox, the others the bots. */
export const landingFor = (role: MemberRole) => (role === "operator" ? "/inbox" : "/bots");

/** "an operator", "a marketer". */
export const withArticle = (role: MemberRole) => `${role === "marketer" ? "a" : "an"} ${role}`;

/** The invitation page's own path. */
export const invitationPath = (token: string) => `/invite/${encodeURIComponent(token)}`;

/**
 * Sign-up or sign-in for an invitation: back to the invitation page afterwards (`next`), the address
 * it was sent to prefilled (`email`).
 */
export function authPathForInvitation(page: "/sign-in" | "/sign-up", token: string, email: string) {
  const params = new URLSearchParams({ next: invitationPath(token), email });
  return `${page}?${params.toString()}`;
}

/**
 * After switching workspaces, the page to reload: the current section's list ("/flows/abc" → "/flows"),
 * since a detail page's row belongs to the workspace left behind.
 */
export function sectionRoot(pathname: string): string {
  const first = pathname.split("/").filter(Boolean)[0];
  return first ? `/${first}` : "/bots";
}
