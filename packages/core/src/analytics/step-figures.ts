import { WENT_ON_OUTPUT } from "@switchboard/db";
import { branchHandle, type CompiledFlow, splitPercentages, stepOutputs } from "@switchboard/flow";

/**
 * A summed counter of a period, in conversations counted once a day: reached a step (output null),
 * went on from it (WENT_ON_OUTPUT) or left it through an output.
 */
export interface StepCountSum {
  stepId: string;
  output: string | null;
  count: number;
}

export interface OutputFigures {
  output: string;
  /** The step this output leads to in the version; null: it ends the conversation. */
  targetStepId: string | null;
  /** Conversations that left through it, each once a day. */
  count: number;
  /** count / the step's reached, 0..1 (0 when nobody reached it). */
  share: number;
}

export interface StepFigures {
  stepId: string;
  /**
   * Conversations that came to the step, each once a day however often it looped back (one active on
   * two days of the period counts on both).
   */
  reached: number;
  /** Of those, left through an output that leads on to another step (once a day, whichever output). */
  wentOn: number;
  /**
   * Reached but did not go on that day: still waiting there, ended there, or jumped away (an alias,
   * /start). reached − wentOn, never below zero.
   */
  stopped: number;
  /** stopped / reached, 0..1. */
  stopShare: number;
  /** Many stop at a step that has somewhere to go: worth the marketer's look. */
  dropOff: boolean;
  outputs: OutputFigures[];
}

export interface SplitBranchFigures {
  branchId: string;
  label: string;
  /** The share the branch's weight asks for, in whole percent. */
  intendedPercent: number;
  count: number;
  /** count / all the split's branch counts, 0..1. */
  share: number;
}

export interface SplitFigures {
  stepId: string;
  total: number;
  branches: SplitBranchFigures[];
}

export interface FlowFigures {
  steps: StepFigures[];
  splits: SplitFigures[];
}

/** A drop-off: at least this share of the conversations that reached the step stopped there… */
export const DROP_OFF_SHARE = 0.4;
/** …and at least this many (a single stray conversation is no pattern). */
export const DROP_OFF_MIN_STOPPED = 3;

type VersionShape = Pick<CompiledFlow, "steps">;

/**
 * The canvas' figures of a published version over a period: per step the conversations that reached
 * it, went on, left through each output, stopped, the drop-off flag, and its Random splits side by
 * side. Pure: counters in, figures out. Counts of steps or outputs the version doesn't have are
 * ignored (they can't be drawn on it).
 */
export function flowFigures(version: VersionShape, sums: readonly StepCountSum[]): FlowFigures {
  const reached = new Map<string, number>();
  const wentOnBy = new Map<string, number>();
  const taken = new Map<string, Map<string, number>>();
  for (const s of sums) {
    if (s.output === null) reached.set(s.stepId, (reached.get(s.stepId) ?? 0) + s.count);
    else if (s.output === WENT_ON_OUTPUT) wentOnBy.set(s.stepId, (wentOnBy.get(s.stepId) ?? 0) + s.count);
    else {
      const outs = taken.get(s.stepId) ?? new Map<string, number>();
      taken.set(s.stepId, outs);
      outs.set(s.output, (outs.get(s.output) ?? 0) + s.count);
    }
  }

  const steps: StepFigures[] = [];
  const splits: SplitFigures[] = [];
  for (const step of Object.values(version.steps)) {
    const arrivals = reached.get(step.id) ?? 0;
    const outs = taken.get(step.id);
    const outputs = outputsInOrder(step).map(([output, targetStepId]) => {
      const count = outs?.get(output) ?? 0;
      return { output, targetStepId: targetStepId ?? null, count, share: ratio(count, arrivals) };
    });
    // Its own counter, not the sum of the outputs': a conversation that left through two buttons on one
    // day went on once.
    const wentOn = wentOnBy.get(step.id) ?? 0;
    // A day can count going on from a step reached on an earlier day (it waited there overnight): never below zero.
    const stopped = Math.max(0, arrivals - wentOn);
    const leadsOn = outputs.some((o) => o.targetStepId);
    steps.push({
      stepId: step.id,
      reached: arrivals,
      wentOn,
      stopped,
      stopShare: ratio(stopped, arrivals),
      dropOff: leadsOn && stopped >= DROP_OFF_MIN_STOPPED && ratio(stopped, arrivals) >= DROP_OFF_SHARE,
      outputs,
    });
    if (step.type === "random_split") splits.push(splitFigures(step.id, step.config.branches, outs));
  }
  return { steps, splits };
}

function splitFigures(
  stepId: string,
  branches: readonly { id: string; label: string; weight: number }[],
  outs: Map<string, number> | undefined,
): SplitFigures {
  const counts = branches.map((b) => outs?.get(branchHandle(b.id)) ?? 0);
  const total = counts.reduce((a, b) => a + b, 0);
  const intended = splitPercentages(branches.map((b) => b.weight));
  return {
    stepId,
    total,
    branches: branches.map((b, i) => ({
      branchId: b.id,
      label: b.label,
      intendedPercent: intended[i]!,
      count: counts[i]!,
      share: ratio(counts[i]!, total),
    })),
  };
}

/** A step's outputs as the step lists them (stored JSON keeps its own key order). */
function outputsInOrder(step: CompiledFlow["steps"][string]): [string, string | null][] {
  const order = stepOutputs(step).map((o) => o.handle);
  const rank = (handle: string) => {
    const i = order.indexOf(handle);
    return i < 0 ? order.length : i;
  };
  return Object.entries(step.outputs).sort(([a], [b]) => rank(a) - rank(b));
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
