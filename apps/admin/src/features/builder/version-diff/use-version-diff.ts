"use client";

import { diffFlows, type FlowDocument } from "@switchboard/flow";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "@/lib/trpc";
import { useBuilder } from "../builder-context";
import { loadDraft } from "../load";

/** A side of the comparison: a published version, or the draft being edited. */
export type DiffSource = number | "draft";

/** A published version's source, parsed like a draft (lenient, laid out when it has no positions). */
function useVersionDocument(flowId: string, source: DiffSource) {
  const trpc = useTRPC();
  const version = typeof source === "number" ? source : 0;
  const query = useQuery({
    ...trpc.flows.version.queryOptions({ id: flowId, version: Math.max(version, 1) }),
    enabled: version > 0,
    // A version never changes once published.
    staleTime: Number.POSITIVE_INFINITY,
  });
  const document = useMemo(() => (query.data ? loadDraft(query.data.source).document : null), [query.data]);
  return { document, error: query.error };
}

/** The two documents being compared and what changed from the first to the second. */
export function useVersionDiff(left: DiffSource, right: DiffSource) {
  const { flow, draft } = useBuilder();
  const a = useVersionDocument(flow.id, left);
  const b = useVersionDocument(flow.id, right);
  const before: FlowDocument | null = left === "draft" ? draft : a.document;
  const after: FlowDocument | null = right === "draft" ? draft : b.document;
  const diff = useMemo(() => (before && after ? diffFlows(before, after) : null), [before, after]);
  return { before, after, diff, error: a.error ?? b.error ?? null };
}
