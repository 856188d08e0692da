import type { Metadata } from "next";
import { BotsPage } from "@/features/bots/bots-page";

export const metadata: Metadata = { title: "Bots" };

export default function Page() {
  return <BotsPage />;
}
