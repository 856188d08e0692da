import type { Metadata } from "next";
import { CenteredShell } from "@/components/centered-shell";
import { LoginLinkPage, type Viewer } from "@/features/login/login-link-page";
import { getServerSession } from "@/server/auth";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Log in from Telegram", robots: { index: false } };

/** A Login step's one-time link, outside the app's layout: it works signed in or out. */
export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let viewer: Viewer | null = null;
  try {
    const session = await getServerSession();
    if (session) viewer = { name: session.user.name, email: session.user.email };
  } catch {
    // The database may be unreachable: the page reports the link's own errors.
  }
  return (
    <CenteredShell>
      <LoginLinkPage token={token} viewer={viewer} />
    </CenteredShell>
  );
}
