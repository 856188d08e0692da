"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useFeedback } from "@/components/ui/feedback";
import { errorMessage } from "@/lib/errors";
import { useTRPC, useTRPCClient } from "@/lib/trpc";
import { useBuilder } from "../builder-context";

/** The flow's name; click to rename (Enter or blur saves, Escape cancels). */
export function FlowName() {
  const { flow } = useBuilder();
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();
  const [name, setName] = useState(flow.name);
  const [draftName, setDraftName] = useState(flow.name);
  const [editing, setEditing] = useState(false);

  async function commit() {
    setEditing(false);
    const next = draftName.trim();
    if (!next || next === name) {
      setDraftName(name);
      return;
    }
    const previous = name;
    setName(next);
    try {
      await client.flows.rename.mutate({ id: flow.id, name: next });
      void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
    } catch (e) {
      setName(previous);
      setDraftName(previous);
      toast({ tone: "error", title: "Couldn't rename the flow", message: errorMessage(e) });
    }
  }

  if (editing)
    return (
      <input
        autoFocus
        value={draftName}
        maxLength={120}
        onChange={(e) => setDraftName(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") e.currentTarget.blur();
          if (e.key === "Escape") {
            setDraftName(name);
            setEditing(false);
          }
        }}
        className="h-8 w-64 rounded-md px-2 text-sm font-semibold ring-2 ring-brand-500 focus:outline-none"
        data-testid="flow-name-input"
        aria-label="Flow name"
      />
    );
  return (
    <button
      type="button"
      onClick={() => setEditing(true)}
      className="max-w-72 truncate rounded-md px-2 py-1 text-left text-sm font-semibold text-zinc-900 hover:bg-zinc-100"
      title="Rename flow"
      data-testid="flow-name"
    >
      {name}
    </button>
  );
}
