"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useFeedback } from "@/components/ui/feedback";
import { Field, Input } from "@/components/ui/field";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { secretProblem, secretReference } from "./secret-form";
import { DeleteButton, SettingsList } from "./settings-list";

interface Secret {
  name: string;
  updatedAt: Date;
}

function SecretRow({
  secret,
  canEdit,
  onReplace,
}: {
  secret: Secret;
  canEdit: boolean;
  onReplace: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast, confirm } = useFeedback();
  const remove = useMutation(
    trpc.secrets.remove.mutationOptions({
      onSuccess: () => {
        toast({ tone: "success", title: `${secret.name} was deleted` });
        void queryClient.invalidateQueries({ queryKey: trpc.secrets.list.pathKey() });
      },
      onError: (e) => toast({ tone: "error", title: "Couldn't delete the secret", message: errorMessage(e) }),
    }),
  );
  async function onDelete() {
    const ok = await confirm({
      title: `Delete ${secret.name}?`,
      message: "HTTP request steps that use it will fail until it is set again.",
      confirmLabel: "Delete",
      danger: true,
    });
    if (ok) remove.mutate({ name: secret.name });
  }
  return (
    <li className="flex items-center gap-4 px-5 py-3" data-testid="secret-row" data-name={secret.name}>
      <span className="min-w-0 flex-1 truncate font-mono text-sm text-zinc-800">
        {secretReference(secret.name)}
      </span>
      <span className="shrink-0 text-xs text-zinc-400">
        updated {new Date(secret.updatedAt).toLocaleString()}
      </span>
      {canEdit && (
        <div className="flex shrink-0 gap-1">
          <Button size="sm" variant="ghost" onClick={onReplace} data-testid="secret-replace">
            Replace
          </Button>
          <DeleteButton label={`Delete ${secret.name}`} onClick={onDelete} deleting={remove.isPending} />
        </div>
      )}
    </li>
  );
}

/** Settings → Secrets: values for HTTP request headers. Write-only: the values are never shown again. */
export function Secrets({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();
  const list = useQuery(trpc.secrets.list.queryOptions());
  const [name, setName] = useState("");
  const [value, setValue] = useState("");
  const [tried, setTried] = useState(false);
  const problem = secretProblem(name, value);
  const save = useMutation(
    trpc.secrets.set.mutationOptions({
      onSuccess: (s) => {
        toast({ tone: "success", title: `${s.name} was saved` });
        setName("");
        setValue("");
        setTried(false);
        void queryClient.invalidateQueries({ queryKey: trpc.secrets.list.pathKey() });
      },
      onError: (e) => toast({ tone: "error", title: "Couldn't save the secret", message: errorMessage(e) }),
    }),
  );
  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setTried(true);
    if (!problem) save.mutate({ name: name.trim(), value });
  }
  return (
    <Card className="overflow-hidden">
      <div id="secrets" className="border-b border-zinc-100 p-5">
        <h2 className="text-sm font-semibold text-zinc-900">Secrets</h2>
        <p className="mt-1 max-w-xl text-sm text-zinc-500">
          API keys and tokens for HTTP request steps: use{" "}
          <span className="font-mono">{"{{secrets.NAME}}"}</span> in a header value. Stored encrypted and
          never shown again; flows and their exports only hold the name.
          {!canEdit && " An owner or a marketer manages them."}
        </p>
        {canEdit && (
          <form onSubmit={onSubmit} className="mt-4 flex flex-wrap items-end gap-2" data-testid="secret-form">
            <Field label="Name" htmlFor="secret-name" className="w-48">
              <Input
                id="secret-name"
                data-testid="secret-name"
                value={name}
                placeholder="API_KEY"
                autoComplete="off"
                onChange={(e) => setName(e.target.value)}
              />
            </Field>
            <Field label="Value" htmlFor="secret-value" className="min-w-0 flex-1">
              <Input
                id="secret-value"
                data-testid="secret-value"
                type="password"
                autoComplete="new-password"
                value={value}
                onChange={(e) => setValue(e.target.value)}
              />
            </Field>
            <Button
              type="submit"
              variant="primary"
              size="sm"
              loading={save.isPending}
              data-testid="secret-save"
            >
              Save
            </Button>
            {tried && problem && <p className="w-full text-xs text-red-600">{problem}</p>}
          </form>
        )}
      </div>
      <SettingsList
        query={list}
        errorTitle="Couldn't load the secrets"
        empty="No secrets yet."
        testId="secrets"
      >
        {(s) => (
          <SecretRow
            key={s.name}
            secret={s}
            canEdit={canEdit}
            onReplace={() => {
              setName(s.name);
              setValue("");
              document.getElementById("secret-value")?.focus();
            }}
          />
        )}
      </SettingsList>
    </Card>
  );
}
