import type { Metadata } from "next";
import { SandboxPage } from "@/features/sandbox/sandbox-page";

export const metadata: Metadata = { title: "Sandbox chat" };

export default function Page() {
  return <SandboxPage />;
}
