import type { Metadata } from "next";
import { BotLogsPage } from "@/features/bot-logs/bot-logs-page";

export const metadata: Metadata = { title: "Bot logs" };

export default async function BotLogsRoute({ params }: { params: Promise<{ botId: string }> }) {
  const { botId } = await params;
  return <BotLogsPage botId={botId} />;
}
