"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { apiErrorDetails } from "@/lib/api-error";
import { useTRPC } from "@/lib/trpc";
import { validateValue, variableToken } from "./bot-variables-form";

/** One variable: its key (fixed: flows refer to it), its value edited in place, and remove. */
export function BotVariableRow({
  botId,
  variable,
  canEdit,
  onChanged,
}: {
  botId: string;
  variable: { key: string; value: string };
  canEdit: boolean;
  onChanged: () => void;
}) {
  const trpc = useTRPC();
  const [value, setValue] = useState(variable.value);
  const [error, setError] = useState<string | undefined>();
  const onError = (e: unknown) => setError(apiErrorDetails(e).message);
  const save = useMutation(trpc.botVariables.set.mutationOptions({ onSuccess: onChanged, onError }));
  const remove = useMutation(trpc.botVariables.remove.mutationOptions({ onSuccess: onChanged, onError }));

  function commit() {
    if (value === variable.value) return;
    const problem = validateValue(value);
    setError(problem);
    if (!problem) save.mutate({ botId, key: variable.key, value });
  }

  return (
    <li className="flex items-start gap-3 px-3 py-2" data-testid="bot-variable-row">
      <code className="mt-2 w-40 shrink-0 truncate text-xs text-zinc-700" title={variableToken(variable.key)}>
        {variable.key}
      </code>
      <div className="min-w-0 flex-1">
        <Input
          aria-label={`Value of ${variable.key}`}
          data-testid={`bot-variable-value-${variable.key}`}
          value={value}
          disabled={!canEdit}
          invalid={!!error}
          onChange={(e) => {
            setValue(e.target.value);
            setError(undefined);
          }}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === "Enter") (e.target as HTMLInputElement).blur();
            if (e.key === "Escape") {
              setValue(variable.value);
              setError(undefined);
            }
          }}
        />
        {error && <p className="mt-1 text-xs text-red-600">{error}</p>}
      </div>
      {canEdit && (
        <Button
          variant="ghost"
          size="sm"
          loading={remove.isPending}
          onClick={() => remove.mutate({ botId, key: variable.key })}
          data-testid={`bot-variable-remove-${variable.key}`}
        >
          Remove
        </Button>
      )}
    </li>
  );
}
