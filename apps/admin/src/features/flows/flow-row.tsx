"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { useFeedback } from "@/components/ui/feedback";
import { ChevronRightIcon, FlowIcon, PencilIcon, TrashIcon } from "@/components/ui/icons";
import { errorMessage } from "@/lib/errors";
import { timeAgo } from "@/lib/format";
import { type RouterOutputs, useTRPC } from "@/lib/trpc";

type FlowSummary = RouterOutputs["flows"]["list"][number];

/** One flow on the Flows page: open, rename in place, delete (not while a bot runs it). */
export function FlowRow({ flow, botNames }: { flow: FlowSummary; botNames: string[] }) {
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
      message: runsOn ? undefined : "The draft and all published versions are deleted. This can't be undone.",
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
