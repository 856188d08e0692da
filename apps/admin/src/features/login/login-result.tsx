import { AlertIcon, CheckIcon, ExternalIcon, InfoIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import type { Outcome } from "./login-outcome";

/** The link's end: linked, refused, expired or already used, and the way back to Telegram. */
export function LoginResult({ outcome, botUsername }: { outcome: Outcome; botUsername: string }) {
  const Icon = outcome.kind === "linked" ? CheckIcon : outcome.kind === "used" ? InfoIcon : AlertIcon;
  return (
    <div className="text-center" data-testid="login-result" data-result={outcome.kind}>
      <span
        className={cn(
          "mx-auto flex size-12 items-center justify-center rounded-full",
          outcome.kind === "linked" && "bg-emerald-100 text-emerald-600",
          outcome.kind === "used" && "bg-sky-100 text-sky-600",
          (outcome.kind === "refused" || outcome.kind === "expired") && "bg-amber-100 text-amber-700",
        )}
      >
        <Icon size={22} />
      </span>
      <h1 className="mt-4 text-lg font-semibold tracking-tight text-zinc-900">{outcome.title}</h1>
      <p className="mt-1 text-sm text-zinc-500">{outcome.message}</p>
      {botUsername && (
        <a
          href={`https://t.me/${botUsername}`}
          className="mt-5 inline-flex items-center gap-1 text-sm font-medium text-brand-600 hover:text-brand-700"
          data-testid="login-back-to-telegram"
        >
          Back to @{botUsername} <ExternalIcon size={12} />
        </a>
      )}
    </div>
  );
}
