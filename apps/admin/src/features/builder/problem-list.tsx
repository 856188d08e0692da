"use client";

import type { Problem } from "@switchboard/flow";
import { AlertIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";

export function ProblemList({
  problems,
  onSelect,
}: {
  problems: Problem[];
  onSelect?: (p: Problem) => void;
}) {
  return (
    <ul className="space-y-1.5">
      {problems.map((p, i) => (
        <li key={i}>
          <button
            type="button"
            disabled={!onSelect}
            onClick={() => onSelect?.(p)}
            data-testid="problem-item"
            data-code={p.code}
            className={cn(
              "flex w-full gap-2 rounded-lg px-2.5 py-2 text-left text-xs ring-1 ring-inset",
              p.severity === "error"
                ? "bg-red-50 text-red-800 ring-red-200"
                : "bg-amber-50 text-amber-900 ring-amber-200",
              onSelect && "cursor-pointer hover:brightness-[0.98]",
            )}
          >
            <AlertIcon
              size={13}
              className={cn("mt-px shrink-0", p.severity === "error" ? "text-red-500" : "text-amber-500")}
            />
            <span className="min-w-0 break-anywhere">{p.message}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
