import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export type Tone = "gray" | "green" | "red" | "amber" | "brand" | "blue";

const tones: Record<Tone, string> = {
  gray: "bg-zinc-100 text-zinc-700 ring-zinc-500/15",
  green: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  red: "bg-red-50 text-red-700 ring-red-600/20",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/25",
  brand: "bg-brand-50 text-brand-700 ring-brand-600/20",
  blue: "bg-sky-50 text-sky-700 ring-sky-600/20",
};

const dots: Record<Tone, string> = {
  gray: "bg-zinc-400",
  green: "bg-emerald-500",
  red: "bg-red-500",
  amber: "bg-amber-500",
  brand: "bg-brand-500",
  blue: "bg-sky-500",
};

export function Badge({
  tone = "gray",
  dot,
  children,
  className,
  title,
  ...rest
}: {
  tone?: Tone;
  dot?: boolean;
  children: ReactNode;
  className?: string;
  title?: string;
  "data-testid"?: string;
}) {
  return (
    <span
      title={title}
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        tones[tone],
        className,
      )}
      {...rest}
    >
      {dot && <span className={cn("size-1.5 rounded-full", dots[tone])} />}
      {children}
    </span>
  );
}
