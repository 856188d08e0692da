"use client";

import type { ReactNode } from "react";
import { FeedbackProvider } from "@/components/ui/feedback";
import { TRPCReactProvider } from "@/lib/trpc";

export function Providers({ children }: { children: ReactNode }) {
  return (
    <TRPCReactProvider>
      <FeedbackProvider>{children}</FeedbackProvider>
    </TRPCReactProvider>
  );
}
