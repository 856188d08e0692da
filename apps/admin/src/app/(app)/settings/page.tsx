import type { Metadata } from "next";
import { SettingsPage } from "@/features/settings/settings-page";
import { SigningSecretCard } from "@/features/webhooks/signing-secret-card";

export const metadata: Metadata = { title: "Settings" };

export default function Page() {
  return <SettingsPage editorSections={<SigningSecretCard showRecipe={false} />} />;
}
