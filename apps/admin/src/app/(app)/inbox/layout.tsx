import type { Metadata } from "next";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { InboxRoute } from "@/features/inbox/inbox-route";
import { getServerSession } from "@/server/auth";

export const metadata: Metadata = { title: "Inbox" };

/**
 * The inbox lives in the layout, so opening another conversation (`/inbox/<id>`) keeps the list, its
 * scroll and the live feed; the pages below only name the conversation.
 */
export default async function InboxLayout({ children }: { children: ReactNode }) {
  const session = await getServerSession();
  if (!session) redirect("/sign-in?next=/inbox");
  return (
    <>
      <InboxRoute userId={session.user.id} />
      {children}
    </>
  );
}
