"use client";

import type { Problem } from "@switchboard/flow";
import { useCallback } from "react";
import { AlertIcon, CheckIcon } from "@/components/ui/icons";
import { Popover } from "@/components/ui/popover";
import { useClickOutside } from "@/components/ui/use-click-outside";
import { cn } from "@/lib/cn";
import { useBuilder } from "../builder-context";
import { ProblemList } from "../problem-list";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The draft's problem count; opens the list, where a click shows the step a problem is about. */
export function ProblemsMenu() {
  const { compiled, problemsMenu, selection } = useBuilder();
  const { problems, errorCount, warningCount } = compiled;
  const { open, setOpen } = problemsMenu;
  const { focusProblem } = selection;
  const ref = useClickOutside(open, () => setOpen(false));
  const onSelect = useCallback(
    (p: Problem) => {
      if (focusProblem(p)) setOpen(false);
    },
    [focusProblem, setOpen],
  );
  const hasErrors = errorCount > 0;

  return (
    <div className="relative" ref={ref}>
      <button
        type="button"
        onClick={() => setOpen(!open)}
        data-testid="problems-count"
        data-errors={errorCount}
        data-warnings={warningCount}
        className={cn(
          "inline-flex h-8 items-center gap-1.5 rounded-md px-2.5 text-xs font-medium ring-1 ring-inset transition",
          hasErrors
            ? "bg-red-50 text-red-700 ring-red-200 hover:bg-red-100"
            : warningCount
              ? "bg-amber-50 text-amber-800 ring-amber-200 hover:bg-amber-100"
              : "bg-emerald-50 text-emerald-700 ring-emerald-200 hover:bg-emerald-100",
        )}
      >
        {hasErrors || warningCount ? <AlertIcon size={13} /> : <CheckIcon size={13} />}
        {hasErrors || warningCount
          ? [
              errorCount ? plural(errorCount, "error", "errors") : null,
              warningCount ? plural(warningCount, "warning", "warnings") : null,
            ]
              .filter(Boolean)
              .join(" · ")
          : "No problems"}
      </button>
      {open && (
        <Popover className="w-[420px]">
          <div className="flex items-center justify-between border-b border-zinc-100 px-4 py-3">
            <p className="text-sm font-semibold text-zinc-900">Problems</p>
            <p className="text-xs text-zinc-500">Errors block publishing. Click one to find it.</p>
          </div>
          <div className="max-h-[60vh] overflow-y-auto p-3" data-testid="problems-list">
            {problems.length === 0 ? (
              <p className="py-6 text-center text-sm text-zinc-500">
                All clear — this flow is ready to publish.
              </p>
            ) : (
              <ProblemList
                problems={[...problems].sort((a, b) =>
                  a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1,
                )}
                onSelect={onSelect}
              />
            )}
          </div>
        </Popover>
      )}
    </div>
  );
}
