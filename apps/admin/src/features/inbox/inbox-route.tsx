"use client";

import { useParams } from "next/navigation";
import { Suspense } from "react";
import { PageLoading } from "@/components/ui/spinner";
import { InboxPage } from "./inbox-page";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The inbox with the conversation the address names (`/inbox/<id>`), if any. */
export function InboxRoute({ userId }: { userId: string }) {
  const params = useParams<{ conversationId?: string }>();
  const id = params.conversationId && UUID.test(params.conversationId) ? params.conversationId : null;
  return (
    <Suspense fallback={<PageLoading label="Loading the inbox…" />}>
      <InboxPage userId={userId} conversationId={id} />
    </Suspense>
  );
}
