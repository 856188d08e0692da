"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type KeyboardEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/spinner";
import { apiErrorDetails } from "@/lib/api-error";
import { useTRPC } from "@/lib/trpc";
import { BotVariableRow } from "./bot-variable-row";
import { hasErrors, type VariableErrors, validateNewVariable } from "./bot-variables-form";

/**
 * The bot's variables (`{{bot.KEY}}` in flows): add, change a value in place, remove. Each change is
 * saved at once, apart from the settings form's Save.
 */
export function BotVariables({ botId, canEdit }: { botId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.botVariables.list.queryOptions({ botId }));
  const [key, setKey] = useState("");
  const [value, setValue] = useState("");
  const [errors, setErrors] = useState<VariableErrors>({});
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.botVariables.list.queryKey({ botId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.botVariables.all.queryKey() });
  };
  const add = useMutation(
    trpc.botVariables.set.mutationOptions({
      onSuccess: () => {
        setKey("");
        setValue("");
        refresh();
      },
      onError: (e) => {
        const { message, path } = apiErrorDetails(e);
        setErrors(path === "value" ? { value: message } : { key: message });
      },
    }),
  );

  const variables = list.data ?? [];
  const onEnter = (e: KeyboardEvent) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    submit();
  };
  function submit() {
    const problems = validateNewVariable(
      key,
      value,
      variables.map((v) => v.key),
    );
    setErrors(problems);
    if (!hasErrors(problems)) add.mutate({ botId, key: key.trim(), value });
  }

  return (
    <div className="space-y-3" data-testid="bot-variables">
      <p className="text-xs text-zinc-500">
        Values this bot's flows read as <code>{"{{bot.KEY}}"}</code>: a promo code, a support phone, a link
        that differs per bot.
      </p>
      {list.isPending ? (
        <Skeleton className="h-8 w-full" />
      ) : list.isError ? (
        <p className="text-xs text-red-600">Couldn't load the variables.</p>
      ) : variables.length === 0 ? (
        <p className="text-xs text-zinc-400" data-testid="bot-variables-empty">
          No variables yet.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-100 rounded-lg ring-1 ring-zinc-200">
          {variables.map((v) => (
            <BotVariableRow key={v.key} botId={botId} variable={v} canEdit={canEdit} onChanged={refresh} />
          ))}
        </ul>
      )}
      {canEdit && (
        <div className="grid grid-cols-[10rem_1fr_auto] items-start gap-2">
          <Field label="Key" htmlFor="bot-variable-key" error={errors.key}>
            <Input
              id="bot-variable-key"
              data-testid="bot-variable-key"
              value={key}
              placeholder="promo_code"
              invalid={!!errors.key}
              onChange={(e) => {
                setKey(e.target.value);
                setErrors((er) => ({ ...er, key: undefined }));
              }}
              onKeyDown={onEnter}
            />
          </Field>
          <Field label="Value" htmlFor="bot-variable-value" error={errors.value}>
            <Input
              id="bot-variable-value"
              data-testid="bot-variable-value"
              value={value}
              placeholder="SPRING10"
              invalid={!!errors.value}
              onChange={(e) => {
                setValue(e.target.value);
                setErrors((er) => ({ ...er, value: undefined }));
              }}
              onKeyDown={onEnter}
            />
          </Field>
          <Button className="mt-6" onClick={submit} loading={add.isPending} data-testid="bot-variable-add">
            Add
          </Button>
        </div>
      )}
    </div>
  );
}
