import type { ReactNode } from "react";
import { Logo } from "@/components/logo";

/** A page without the sidebar: the logo and one centred card (sign-in, sign-up, a Telegram login link). */
export function CenteredShell({ children }: { children: ReactNode }) {
  return (
    <main className="relative flex min-h-full flex-col items-center justify-center overflow-hidden bg-zinc-50 px-4 py-12">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 -top-40 h-96 bg-gradient-to-b from-brand-100/70 to-transparent blur-2xl"
      />
      <div className="relative w-full max-w-sm">
        <div className="mb-8 flex justify-center">
          <Logo />
        </div>
        {children}
        <p className="mt-8 text-center text-xs text-zinc-400">
          Draw Telegram bots. Publish. Watch them talk.
        </p>
      </div>
    </main>
  );
}
