import { workspaceScopeOf } from "@switchboard/api";
import { getDb } from "@switchboard/db";
import { redirect } from "next/navigation";
import { landingFor } from "@/lib/roles";
import { getServerSession } from "@/server/auth";

export const dynamic = "force-dynamic";

/** Where "/" (and signing in without a `next`) goes: operators to the inbox, the others to their bots. */
export default async function Home() {
  const session = await getServerSession().catch(() => null);
  if (!session) redirect("/sign-in");
  let target = "/bots";
  try {
    const scope = await workspaceScopeOf(getDb(), session.user.id, session.session.id);
    target = landingFor(scope.actor.role);
  } catch {
    // No workspace (or the database is away): the bots page explains.
  }
  redirect(target);
}
