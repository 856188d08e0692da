import type { Metadata } from "next";
import { CenteredShell } from "@/components/centered-shell";
import { InvitationPage, type Viewer } from "@/features/members/invitation-page";
import { getServerSession } from "@/server/auth";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invitation", robots: { index: false } };

/** An invitation link, outside the app's layout: it works signed in or out. */
export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let viewer: Viewer | null = null;
  try {
    const session = await getServerSession();
    if (session) viewer = { name: session.user.name, email: session.user.email };
  } catch {
    // The database may be unreachable: the page reports the invitation's own errors.
  }
  return (
    <CenteredShell>
      <InvitationPage token={token} viewer={viewer} />
    </CenteredShell>
  );
}
