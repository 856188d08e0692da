"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "@/lib/trpc";
import {
  botVariablesFrom,
  customFieldsFrom,
  membersFrom,
  stagesFrom,
  testBotValuesFrom,
  type WorkspaceEnvironment,
} from "./workspace-environment";

/** Schedule runs move on by themselves; the rest changes only when someone edits Settings. */
const RUNS_REFRESH_MS = 60_000;
const LISTS_STALE_MS = 30_000;

/**
 * What the builder needs to know about the workspace, read once for the whole builder: custom fields,
 * members, pipeline stages, the time zone, the workspace's flows and secret names, and this flow's schedule runs. Lists that fail to load stay
 * unknown, which the compiler and the editors take on trust.
 */
export function useWorkspaceEnvironment(flowId: string): WorkspaceEnvironment {
  const trpc = useTRPC();
  const fields = useQuery({ ...trpc.contactFields.list.queryOptions(), staleTime: LISTS_STALE_MS });
  const members = useQuery({ ...trpc.workspace.members.queryOptions(), staleTime: LISTS_STALE_MS });
  const stages = useQuery({ ...trpc.leads.stages.queryOptions(), staleTime: LISTS_STALE_MS });
  const settings = useQuery({ ...trpc.workspace.settings.queryOptions(), staleTime: LISTS_STALE_MS });
  const targets = useQuery({ ...trpc.flows.targets.queryOptions(), staleTime: LISTS_STALE_MS });
  const bots = useQuery({ ...trpc.bots.list.queryOptions(), staleTime: LISTS_STALE_MS });
  const botVariables = useQuery({ ...trpc.botVariables.all.queryOptions(), staleTime: LISTS_STALE_MS });
  const secrets = useQuery({ ...trpc.secrets.list.queryOptions(), staleTime: LISTS_STALE_MS });
  const splits = useQuery({
    ...trpc.flows.splitCounts.queryOptions({ id: flowId }),
    refetchInterval: RUNS_REFRESH_MS,
  });
  const runs = useQuery({
    ...trpc.flows.scheduleRuns.queryOptions({ id: flowId }),
    refetchInterval: RUNS_REFRESH_MS,
  });
  // Each part keeps its identity while its answer does: the compiler only reruns when the lists it
  // checks change, not when the schedule runs are refetched.
  const customFields = useMemo(() => customFieldsFrom(fields.data), [fields.data]);
  const memberList = useMemo(() => membersFrom(members.data), [members.data]);
  const stageList = useMemo(() => stagesFrom(stages.data), [stages.data]);
  const botVariableInfo = useMemo(
    () => botVariablesFrom(flowId, bots.data, botVariables.data),
    [flowId, bots.data, botVariables.data],
  );
  const testBotValues = useMemo(
    () => testBotValuesFrom(flowId, bots.data, botVariables.data),
    [flowId, bots.data, botVariables.data],
  );
  const timeZone = settings.data?.timeZone ?? null;
  const scheduleRuns = runs.data ?? null;
  const splitCounts = splits.data ?? null;
  const flows = targets.data ?? null;
  const secretNames = useMemo(() => secrets.data?.map((s) => s.name) ?? null, [secrets.data]);
  return useMemo(
    () => ({
      customFields,
      members: memberList,
      stages: stageList,
      timeZone,
      scheduleRuns,
      splitCounts,
      flows,
      secretNames,
      botVariables: botVariableInfo,
      testBotValues,
    }),
    [
      customFields,
      memberList,
      stageList,
      timeZone,
      scheduleRuns,
      splitCounts,
      flows,
      secretNames,
      botVariableInfo,
      testBotValues,
    ],
  );
}
