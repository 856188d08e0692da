"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { overlayStats, type PeriodChoice, periodOf, rangeProblem, type StepAnalytics } from "./overlay-model";

/** Conversations keep moving while the overlay is open: its figures refresh this often. */
const REFRESH_MS = 15_000;

export interface StepAnalyticsView {
  open: boolean;
  setOpen: (open: boolean) => void;
  /** The period: the last N days (UTC), or a picked range. */
  period: PeriodChoice;
  setPeriod: (period: PeriodChoice) => void;
  /** Why the picked range can't be counted (nothing is asked then), or null. */
  periodProblem: string | null;
  /** A published version's number; undefined: the live one. */
  version: number | undefined;
  setVersion: (version: number | undefined) => void;
  versions: { version: number; live: boolean }[];
  analytics: StepAnalytics | undefined;
  loading: boolean;
  error: unknown;
}

/** The overlay's state (shown, period, version) and its figures, read only while it is shown. */
export function useStepAnalytics(flowId: string): StepAnalyticsView {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [period, setPeriod] = useState<PeriodChoice>({ kind: "last", days: 30 });
  const [version, setVersion] = useState<number | undefined>(undefined);
  const range = useMemo(() => periodOf(period, new Date()), [period]);
  const periodProblem = period.kind === "range" ? rangeProblem(period.from, period.to) : null;
  const figures = useQuery({
    ...trpc.flows.stepAnalytics.queryOptions({ id: flowId, ...range, ...(version ? { version } : {}) }),
    enabled: open && periodProblem === null,
    refetchInterval: open ? REFRESH_MS : false,
  });
  const versions = useQuery({ ...trpc.flows.versions.queryOptions({ id: flowId }), enabled: open });
  return {
    open,
    setOpen,
    period,
    setPeriod,
    periodProblem,
    version,
    setVersion,
    versions: useMemo(
      () => (versions.data ?? []).map((v) => ({ version: v.version, live: v.live })),
      [versions.data],
    ),
    analytics: figures.data,
    loading: periodProblem === null && figures.isLoading,
    error: figures.error,
  };
}

/** The overlay's labels for the steps on the canvas; stable while neither changes. */
export function useOverlayStats(analytics: StepAnalytics | undefined, stepIds: readonly string[]) {
  return useMemo(() => (analytics ? overlayStats(analytics, stepIds) : null), [analytics, stepIds]);
}
