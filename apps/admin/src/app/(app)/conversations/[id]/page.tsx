import type { Metadata } from "next";
import { TranscriptPage } from "@/features/conversations/transcript-page";

export const metadata: Metadata = { title: "Conversation" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <TranscriptPage id={id} />;
}
