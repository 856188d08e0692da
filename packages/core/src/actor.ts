import type { MemberRole } from "@switchboard/db";

/** Who is acting, as the transport established it (the session's membership, or an API key). */
export interface Actor {
  workspaceId: string;
  userId: string;
  role: MemberRole;
}
