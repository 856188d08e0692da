import type { ReactNode } from "react";
import { CenteredShell } from "@/components/centered-shell";

export const dynamic = "force-dynamic";

/** Sign-in and sign-up; each page sends a signed-in user on (to its `next`). */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <CenteredShell>{children}</CenteredShell>;
}
