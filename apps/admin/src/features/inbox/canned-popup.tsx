import Link from "next/link";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { preview } from "@/lib/format";
import type { CannedSuggestions } from "./use-canned-suggestions";

/** Above the reply box while `:shortcut` is typed: the matching canned replies. */
export function CannedPopup({ canned }: { canned: CannedSuggestions }) {
  if (!canned.open) return null;
  return (
    <div
      className="absolute right-0 bottom-full left-0 z-30 mb-2 overflow-hidden rounded-xl bg-white shadow-xl ring-1 ring-zinc-200"
      data-testid="canned-popup"
    >
      <p className="flex items-center justify-between border-b border-zinc-100 px-3 py-1.5 text-[11px] text-zinc-500">
        <span>
          Canned replies for <span className="font-mono text-zinc-700">:{canned.query}</span>
        </span>
        <span>↑↓ choose · Enter or Tab insert · Esc close</span>
      </p>
      {canned.loading ? (
        <div className="flex justify-center p-3">
          <Spinner />
        </div>
      ) : canned.suggestions.length === 0 ? (
        <p className="px-3 py-2.5 text-xs text-zinc-500" data-testid="canned-none">
          No canned reply starts with “{canned.query}”.{" "}
          <Link href="/settings#canned-replies" className="text-brand-600 hover:underline">
            Manage canned replies
          </Link>
        </p>
      ) : (
        <ul className="max-h-60 overflow-y-auto py-1" aria-label="Canned replies">
          {canned.suggestions.map((reply, i) => (
            <li key={reply.id}>
              <button
                type="button"
                // Keep the focus (and the caret) in the reply box.
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => canned.setHighlight(i)}
                onClick={() => canned.insert(reply)}
                data-testid="canned-option"
                data-highlighted={i === canned.highlight || undefined}
                data-shortcut={reply.shortcut}
                className={cn(
                  "flex w-full items-baseline gap-3 border-l-2 px-3 py-1.5 text-left text-sm",
                  i === canned.highlight
                    ? "border-brand-600 bg-brand-50"
                    : "border-transparent hover:bg-zinc-50",
                )}
              >
                <span className="shrink-0 font-mono text-xs font-medium text-brand-700">
                  :{reply.shortcut}
                </span>
                <span className="min-w-0 flex-1 truncate text-zinc-700">{preview(reply.text, 140)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
