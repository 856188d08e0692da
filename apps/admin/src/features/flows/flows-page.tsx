"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { PageContainer } from "@/components/page";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, EmptyState, ErrorNotice, PageHeader } from "@/components/ui/card";
import { useFeedback } from "@/components/ui/feedback";
import {
  ChevronRightIcon,
  FlowIcon,
  PencilIcon,
  PlusIcon,
  TrashIcon,
  UploadIcon,
} from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";
import { timeAgo } from "@/lib/format";
import { type RouterOutputs, useTRPC } from "@/lib/trpc";
import { CreateFlowModal } from "./create-flow-modal";

type FlowSummary = RouterOutputs["flows"]["list"][number];
function ImportButton() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();
  const input = useRef<HTMLInputElement>(null);
  const importJson = useMutation(
    trpc.flows.importJson.mutationOptions({
      onSuccess: ({ id }) => {
        toast({ tone: "success", title: "Flow imported" });
        void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
        router.push(`/flows/${id}`);
      },
      onError: (e) => toast({ tone: "error", title: "Couldn't import this file", message: errorMessage(e) }),
    }),
  );

  async function onFile(file: File) {
    if (file.size > 5_000_000) {
      toast({ tone: "error", title: "Couldn't import this file", message: "The file is larger than 5 MB." });
      return;
    }
    const json = await file.text();
    const name = file.name.replace(/(\.switchboard)?\.json$/i, "").slice(0, 120);
    importJson.mutate({ json, ...(name ? { name } : {}) });
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="hidden"
        data-testid="import-flow-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void onFile(file);
        }}
      />
      <Button onClick={() => input.current?.click()} loading={importJson.isPending} data-testid="import-flow">
        {!importJson.isPending && <UploadIcon size={15} />} Import JSON
      </Button>
    </>
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
    const ok = await confirm({
      title: `Delete “${flow.name}”?`,
      message:
        botNames.length > 0
          ? `It is running on ${botNames.map((b) => `@${b}`).join(", ")}. Choose another flow for those bots first.`
          : "The draft and all published versions are deleted. This can't be undone.",
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
