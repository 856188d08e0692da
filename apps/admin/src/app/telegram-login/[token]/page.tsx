import type { Metadata } from "next";
import { CenteredShell } from "@/components/centered-shell";
import { LoginLinkPage } from "@/features/login/login-link-page";
import { getOptionalViewer } from "@/server/auth";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Log in from Telegram", robots: { index: false } };

/** A Login step's one-time link, outside the app's layout: it works signed in or out. */
export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const viewer = await getOptionalViewer();
  return (
    <CenteredShell>
      <LoginLinkPage token={token} viewer={viewer} />
    </CenteredShell>
  );
}
