"use client";

import { Button } from "@/components/ui/button";
import { AlertIcon, CheckIcon, RocketIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import { useBuilder } from "../builder-context";
import type { PublishResult } from "../publish-result";
import { publishPillLabel } from "../release-state";
import { PublishNote } from "./publish-note";

/** Publish, with the last publish's outcome beside it. */
export function PublishButton() {
  const { publish, compiled } = useBuilder();
  const { errorCount } = compiled;
  const hasErrors = errorCount > 0;
  const pill = publishPillLabel(publish.result, publish.release);
  return (
    <>
      {publish.result && pill && <PublishResultPill result={publish.result} label={pill} />}
      <Button
        size="sm"
        variant={hasErrors ? "secondary" : "primary"}
        className={cn(hasErrors && "text-zinc-400")}
        onClick={() => void publish.publish()}
        loading={publish.publishing}
        data-testid="publish-button"
        data-has-errors={hasErrors || undefined}
        title={
          hasErrors
            ? `Fix ${errorCount} error${errorCount === 1 ? "" : "s"} before publishing`
            : "Publish the draft"
        }
      >
        {!publish.publishing && <RocketIcon size={13} />} Publish
      </Button>
      <PublishNote disabled={publish.publishing} />
    </>
  );
}

function PublishResultPill({ result, label }: { result: PublishResult; label: string }) {
  return (
    <span
      data-testid="publish-result"
      data-ok={result.ok}
      className={cn(
        "animate-fade-in inline-flex max-w-64 items-center gap-1 truncate rounded-full px-2.5 py-1 text-xs font-medium",
        result.ok ? "bg-emerald-50 text-emerald-700" : "bg-red-50 text-red-700",
      )}
      title={result.ok ? undefined : result.message}
    >
      {result.ok ? <CheckIcon size={12} /> : <AlertIcon size={12} />}
      {label}
    </span>
  );
}
