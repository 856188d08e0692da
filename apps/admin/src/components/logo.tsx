import { cn } from "@/lib/cn";

export function Logo({ className, withText = true }: { className?: string; withText?: boolean }) {
  return (
    <span className={cn("inline-flex items-center gap-2", className)}>
      <span className="flex size-8 items-center justify-center rounded-lg bg-gradient-to-br from-brand-500 to-brand-700 text-white shadow-sm ring-1 ring-brand-700/20">
        <svg width="18" height="18" viewBox="0 0 24 24" fill="none" aria-hidden="true">
          <circle cx="6" cy="6" r="2.5" fill="currentColor" />
          <circle cx="18" cy="12" r="2.5" fill="currentColor" />
          <circle cx="6" cy="18" r="2.5" fill="currentColor" />
          <path
            d="M8 7.2 15.8 11M8 16.8l7.8-3.8"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
          />
        </svg>
      </span>
      {withText && (
        <span className="text-[15px] font-semibold tracking-tight text-zinc-900">Switchboard</span>
      )}
    </span>
  );
}
