"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { PageContainer } from "@/components/page";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, EmptyState, ErrorNotice, PageHeader } from "@/components/ui/card";
import { useFeedback } from "@/components/ui/feedback";
import { Field, Input } from "@/components/ui/field";
import {
  ChevronRightIcon,
  FlowIcon,
  PencilIcon,
  PlusIcon,
  SparklesIcon,
  TrashIcon,
} from "@/components/ui/icons";
import { Modal } from "@/components/ui/modal";
import { Skeleton } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { errorMessage } from "@/lib/errors";
import { timeAgo } from "@/lib/format";
import { type RouterOutputs, useTRPC } from "@/lib/trpc";
import { ImportButton } from "./import-button";

type FlowSummary = RouterOutputs["flows"]["list"][number];
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

function FlowRow({ flow, botNames }: { flow: FlowSummary; botNames: string[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast, confirm } = useFeedback();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(flow.name);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
  const rename = useMutation(
    trpc.flows.rename.mutationOptions({
      onSuccess: invalidate,
      onError: (e) => {
        setName(flow.name);
        toast({ tone: "error", title: "Couldn't rename the flow", message: errorMessage(e) });
      },
    }),
  );
  const remove = useMutation(
    trpc.flows.remove.mutationOptions({
      onSuccess: () => {
        toast({ tone: "success", title: `“${flow.name}” was deleted` });
        void invalidate();
      },
      onError: (e) => toast({ tone: "error", title: "Couldn't delete the flow", message: errorMessage(e) }),
    }),
  );

  function commit() {
    setEditing(false);
    const next = name.trim();
    if (!next) setName(flow.name);
    else if (next !== flow.name) rename.mutate({ id: flow.id, name: next });
  }

  async function onDelete() {
    // A flow a bot runs can't be deleted (the server refuses it too): say why instead of offering Delete.
    const runsOn = flow.botIds.length > 0;
    const ok = await confirm({
      title: `Delete “${flow.name}”?`,
      message: "The draft and all published versions are deleted. This can't be undone.",
      ...(runsOn && {
        blockedReason: `It can't be deleted while ${
          botNames.length > 0 ? botNames.map((b) => `@${b}`).join(", ") : "a bot"
        } ${botNames.length > 1 ? "run" : "runs"} it. Choose another flow for ${
          botNames.length > 1 ? "those bots" : "that bot"
        } first.`,
      }),
      confirmLabel: "Delete flow",
      danger: true,
    });
    if (ok) remove.mutate({ id: flow.id });
  }

  return (
    <li
      className="group flex items-center gap-4 px-5 py-3.5 hover:bg-zinc-50/80"
      data-testid="flow-row"
      data-flow-id={flow.id}
    >
      <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-brand-50 text-brand-600 ring-1 ring-brand-100">
        <FlowIcon size={17} />
      </span>
      <div className="min-w-0 flex-1">
        {editing ? (
          <input
            autoFocus
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === "Enter") e.currentTarget.blur();
              if (e.key === "Escape") {
                setName(flow.name);
                setEditing(false);
              }
            }}
            className="h-7 w-full max-w-sm rounded-md px-2 text-sm font-medium ring-2 ring-brand-500 focus:outline-none"
            aria-label="Flow name"
            data-testid="flow-rename-input"
          />
        ) : (
          <Link
            href={`/flows/${flow.id}`}
            className="block truncate text-sm font-medium text-zinc-900 hover:text-brand-700"
            data-testid="flow-link"
          >
            {rename.isPending ? name : flow.name}
          </Link>
        )}
        <p className="mt-0.5 truncate text-xs text-zinc-500">
          Edited {timeAgo(flow.updatedAt)}
          {botNames.length > 0 && <> · runs on {botNames.map((b) => `@${b}`).join(", ")}</>}
        </p>
      </div>
      {flow.publishedVersion !== null ? (
        <Badge tone="green" dot data-testid="flow-published">
          v{flow.publishedVersion} live
        </Badge>
      ) : (
        <Badge tone="gray" data-testid="flow-published">
          Draft
        </Badge>
      )}
      <div className="flex items-center gap-1 opacity-60 transition group-hover:opacity-100">
        <Button
          size="icon"
          variant="ghost"
          onClick={() => setEditing(true)}
          aria-label="Rename"
          title="Rename"
          data-testid="flow-rename"
        >
          <PencilIcon size={14} />
        </Button>
        <Button
          size="icon"
          variant="ghost"
          onClick={onDelete}
          loading={remove.isPending}
          aria-label="Delete"
          title="Delete"
          data-testid="flow-delete"
          className="hover:bg-red-50 hover:text-red-600"
        >
          {!remove.isPending && <TrashIcon size={14} />}
        </Button>
      </div>
      <Link href={`/flows/${flow.id}`} data-testid="flow-open" className={buttonClass("secondary", "sm")}>
        Open builder <ChevronRightIcon size={13} />
      </Link>
    </li>
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
