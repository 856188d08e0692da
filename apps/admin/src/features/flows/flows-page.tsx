"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { PageContainer } from "@/components/page";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, ErrorNotice, PageHeader } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { FlowIcon, PlusIcon, SparklesIcon } from "@/components/ui/icons";
import { Modal } from "@/components/ui/modal";
import { Skeleton } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { FlowRow } from "./flow-row";
import { ImportButton } from "./import-button";

type Template = "empty" | "welcome";

const TEMPLATES: { value: Template; title: string; description: string }[] = [
  {
    value: "welcome",
    title: "Welcome bot",
    description: "A greeting, a menu with buttons and a question that collects an email.",
  },
  { value: "empty", title: "Blank canvas", description: "Start from scratch and draw every step yourself." },
];

function CreateFlowModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [template, setTemplate] = useState<Template>("welcome");
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(
    trpc.flows.create.mutationOptions({
      onSuccess: ({ id }) => {
        void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
        router.push(`/flows/${id}`);
      },
      onError: (e) => setError(errorMessage(e)),
    }),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setError("Give the flow a name.");
      return;
    }
    create.mutate({ name: name.trim(), template });
  }

  return (
    <Modal
      open={open}
      onClose={onClose}
      title="New flow"
      description="A flow is the conversation your bot has. You can change everything later."
      className="max-w-lg"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            type="submit"
            form="create-flow"
            loading={create.isPending}
            data-testid="create-flow-submit"
          >
            Create flow
          </Button>
        </>
      }
    >
      <form id="create-flow" onSubmit={submit} className="space-y-4" noValidate>
        <Field label="Name" htmlFor="flow-name" error={error}>
          <Input
            id="flow-name"
            data-testid="flow-name-field"
            value={name}
            maxLength={120}
            autoFocus
            invalid={!!error}
            placeholder="e.g. Lead capture"
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
          />
        </Field>
        <fieldset>
          <legend className="mb-1.5 text-xs font-medium text-zinc-700">Start from</legend>
          <div className="grid grid-cols-2 gap-2">
            {TEMPLATES.map((t) => (
              <label
                key={t.value}
                className={cn(
                  "cursor-pointer rounded-lg p-3 ring-1 transition",
                  template === t.value
                    ? "bg-brand-50 ring-2 ring-brand-500"
                    : "ring-zinc-200 hover:bg-zinc-50",
                )}
              >
                <input
                  type="radio"
                  name="template"
                  value={t.value}
                  checked={template === t.value}
                  onChange={() => setTemplate(t.value)}
                  className="sr-only"
                  data-testid={`template-${t.value}`}
                />
                <span className="flex items-center gap-1.5 text-sm font-medium text-zinc-900">
                  {t.value === "welcome" ? (
                    <SparklesIcon size={14} className="text-brand-600" />
                  ) : (
                    <FlowIcon size={14} className="text-zinc-500" />
                  )}
                  {t.title}
                </span>
                <span className="mt-1 block text-xs leading-snug text-zinc-500">{t.description}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </form>
    </Modal>
  );
}

export function FlowsPage() {
  const trpc = useTRPC();
  const flows = useQuery(trpc.flows.list.queryOptions());
  const bots = useQuery(trpc.bots.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const botName = new Map((bots.data ?? []).map((b) => [b.id, b.username]));

  return (
    <PageContainer>
      <PageHeader
        title="Flows"
        description="Draw conversations as steps on a canvas, test them, then publish them to your bots."
        actions={
          <>
            <ImportButton />
            <Button variant="primary" onClick={() => setCreating(true)} data-testid="new-flow">
              <PlusIcon size={15} /> New flow
            </Button>
          </>
        }
      />
      {flows.isPending ? (
        <Card className="divide-y divide-zinc-100">
          {[0, 1, 2].map((i) => (
            <div key={i} className="flex items-center gap-4 px-5 py-4">
              <Skeleton className="size-9" />
              <div className="flex-1 space-y-2">
                <Skeleton className="h-4 w-48" />
                <Skeleton className="h-3 w-32" />
              </div>
            </div>
          ))}
        </Card>
      ) : flows.error ? (
        <ErrorNotice
          title="Couldn't load your flows"
          message={errorMessage(flows.error)}
          action={
            <Button size="sm" onClick={() => flows.refetch()}>
              Retry
            </Button>
          }
        />
      ) : flows.data.length === 0 ? (
        <EmptyState
          icon={<FlowIcon size={22} />}
          title="No flows yet"
          description="Create your first flow from the welcome template, or import one you exported before."
          action={
            <Button variant="primary" onClick={() => setCreating(true)}>
              <PlusIcon size={15} /> Create a flow
            </Button>
          }
        />
      ) : (
        <Card>
          <ul className="divide-y divide-zinc-100" data-testid="flows-list">
            {flows.data.map((f) => (
              <FlowRow
                key={f.id}
                flow={f}
                botNames={f.botIds.map((id) => botName.get(id)).filter((n): n is string => !!n)}
              />
            ))}
          </ul>
        </Card>
      )}
      <CreateFlowModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
