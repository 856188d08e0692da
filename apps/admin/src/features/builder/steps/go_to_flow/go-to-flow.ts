import type { GoToFlowConfig } from "@switchboard/flow";
import type { FlowTarget } from "../../workspace-environment";

export interface Option {
  value: string;
  label: string;
}

/** The flow picker: every workspace flow (unpublished ones marked), plus a kept id that no longer exists. */
export function flowOptions(flows: FlowTarget[] | null, flowId: string): Option[] {
  const options: Option[] = [{ value: "", label: "Pick a flow…" }];
  for (const f of flows ?? [])
    options.push({ value: f.id, label: f.published ? f.name : `${f.name} (not published)` });
  if (flowId && !(flows ?? []).some((f) => f.id === flowId))
    options.push({ value: flowId, label: flows ? "(deleted flow)" : "(loading…)" });
  return options;
}

/** The step picker: the target's start step, then the steps of its live version. */
export function stepOptions(flows: FlowTarget[] | null, config: GoToFlowConfig): Option[] {
  const target = flows?.find((f) => f.id === config.flowId);
  const options: Option[] = [{ value: "", label: "Its start step" }];
  for (const s of target?.steps ?? [])
    options.push({ value: s.id, label: s.title ? `${s.title} (${s.id})` : s.id });
  if (config.stepId && !options.some((o) => o.value === config.stepId))
    options.push({ value: config.stepId, label: `${config.stepId} (not in the live version)` });
  return options;
}

export type TargetStatus = "unset" | "unknown" | "ok" | "missing_flow" | "unpublished" | "missing_step";

/** What the canvas says about the target, as far as the workspace's flows are known. */
export function targetStatus(flows: FlowTarget[] | null, config: GoToFlowConfig): TargetStatus {
  if (!config.flowId) return "unset";
  if (!flows) return "unknown";
  const target = flows.find((f) => f.id === config.flowId);
  if (!target) return "missing_flow";
  if (!target.published) return "unpublished";
  if (config.stepId && !target.steps.some((s) => s.id === config.stepId)) return "missing_step";
  return "ok";
}

/** "Sales → Prices", "Sales", "Missing flow". */
export function targetLabel(flows: FlowTarget[] | null, config: GoToFlowConfig): string {
  const target = flows?.find((f) => f.id === config.flowId);
  if (!config.flowId) return "No flow picked";
  if (!target) return flows ? "Missing flow" : "…";
  if (!config.stepId) return target.name;
  const step = target.steps.find((s) => s.id === config.stepId);
  return `${target.name} → ${step?.title || config.stepId}`;
}
