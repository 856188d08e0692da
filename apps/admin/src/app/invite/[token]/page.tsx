import type { Metadata } from "next";
import { CenteredShell } from "@/components/centered-shell";
import { InvitationPage } from "@/features/members/invitation-page";
import { getOptionalViewer } from "@/server/auth";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invitation", robots: { index: false } };

/** An invitation link, outside the app's layout: it works signed in or out. */
export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const viewer = await getOptionalViewer();
  return (
    <CenteredShell>
      <InvitationPage token={token} viewer={viewer} />
    </CenteredShell>
  );
}
