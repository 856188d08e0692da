import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/** A panel under its (relatively positioned) parent, aligned to the right unless `className` says otherwise. */
export function Popover({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div
      className={cn(
        "animate-fade-in absolute top-full right-0 z-40 mt-2 rounded-xl bg-white shadow-xl ring-1 ring-zinc-200",
        className,
      )}
    >
      {children}
    </div>
  );
}
