import type { RouterOutputs } from "@/lib/trpc";

/** What `flows.stepAnalytics` answers: a published version's figures over a period. */
export type StepAnalytics = RouterOutputs["flows"]["stepAnalytics"];
type StepFigures = StepAnalytics["steps"][number];

/** The figures drawn on one step of the canvas. */
export interface NodeStat {
  stepId: string;
  reached: number;
  stopped: number;
  dropOff: boolean;
  /** Short text on the node: "12 reached · 3 stopped (25%)". */
  text: string;
  /** The longer explanation shown on hover. */
  title: string;
}

/** The figures drawn where one output of a step leaves it (the start of its connection). */
export interface OutputStat {
  stepId: string;
  handle: string;
  count: number;
  /** "8 · 67%": how many conversations left through the output and their share of those that reached the step. */
  text: string;
  /** The output leads nowhere in the version: those conversations ended there. */
  ended: boolean;
}

export interface OverlayStats {
  nodes: Map<string, NodeStat>;
  /** Keyed by outputKey(stepId, handle). */
  outputs: Map<string, OutputStat>;
  /** Steps on the canvas the version doesn't have (added since it was published): no figures. */
  notInVersion: number;
}

export const outputKey = (stepId: string, handle: string) => `${stepId}\n${handle}`;

/**
 * The overlay's figures for the steps on the canvas. The figures are the published version's; the
 * canvas shows the draft, so steps added since have none, and outputs nobody took are left bare.
 */
export function overlayStats(analytics: StepAnalytics, canvasStepIds: readonly string[]): OverlayStats {
  const byStep = new Map(analytics.steps.map((s) => [s.stepId, s]));
  const nodes = new Map<string, NodeStat>();
  const outputs = new Map<string, OutputStat>();
  let notInVersion = 0;
  for (const stepId of canvasStepIds) {
    const figures = byStep.get(stepId);
    if (!figures) {
      notInVersion++;
      continue;
    }
    nodes.set(stepId, nodeStat(figures));
    for (const o of figures.outputs) {
      if (o.count === 0) continue;
      outputs.set(outputKey(stepId, o.output), {
        stepId,
        handle: o.output,
        count: o.count,
        text: `${formatCount(o.count)} · ${percent(o.share)}`,
        ended: o.targetStepId === null,
      });
    }
  }
  return { nodes, outputs, notInVersion };
}

function nodeStat(f: StepFigures): NodeStat {
  // At a step that leads nowhere, stopping is how the conversation was meant to end.
  const leadsOn = f.outputs.some((o) => o.targetStepId !== null);
  const stoppedPart =
    f.stopped === 0
      ? ""
      : leadsOn
        ? ` · ${formatCount(f.stopped)} stopped (${percent(f.stopShare)})`
        : ` · ${formatCount(f.stopped)} ended here`;
  return {
    stepId: f.stepId,
    reached: f.reached,
    stopped: f.stopped,
    dropOff: f.dropOff,
    text: `${formatCount(f.reached)} reached${stoppedPart}`,
    title:
      `${conversations(f.reached)} reached this step; ${f.wentOn} went on through an output, ` +
      `${f.stopped} stopped here (still waiting, ended, or jumped away). ` +
      `Each conversation counts once a day however often it comes back (one active on two days counts on both).` +
      (f.dropOff ? " Many stop here: a drop-off." : ""),
  };
}

const conversations = (n: number) => (n === 1 ? "1 conversation" : `${n} conversations`);

/** A share as a whole percent; a share above zero never shows as "0%". */
export function percent(share: number): string {
  if (share > 0 && share < 0.005) return "<1%";
  return `${Math.round(share * 100)}%`;
}

/** 999, 1.2k, 12k, 1.2M: counts stay short on a node. */
export function formatCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${trim(n / 1000)}k`;
  if (n < 1_000_000) return `${Math.round(n / 1000)}k`;
  return `${trim(n / 1_000_000)}M`;
}
const trim = (x: number) => (Math.floor(x * 10) / 10).toFixed(1).replace(/\.0$/, "");

/** The periods the marketer picks from, in days ending today. */
export const PERIOD_PRESETS = [
  { days: 1, label: "Today" },
  { days: 7, label: "Last 7 days" },
  { days: 30, label: "Last 30 days" },
  { days: 90, label: "Last 90 days" },
  { days: 365, label: "Last 365 days" },
] as const;

/** The UTC days of the `days` days ending with `now`'s day (the counters are kept per UTC day). */
export function periodEnding(now: Date, days: number): { from: string; to: string } {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(Date.parse(to) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

/** The period the overlay counts: the last N days, or days the marketer picked. */
export type PeriodChoice = { kind: "last"; days: number } | { kind: "range"; from: string; to: string };

/** The API's longest period (MAX_ANALYTICS_DAYS in packages/api flows/schemas.ts). */
export const MAX_PERIOD_DAYS = 366;
const UTC_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC days a choice covers. */
export function periodOf(choice: PeriodChoice, now: Date): { from: string; to: string } {
  return choice.kind === "last" ? periodEnding(now, choice.days) : { from: choice.from, to: choice.to };
}

/** Why a picked range can't be counted, in the words the panel shows; null when it can. */
export function rangeProblem(from: string, to: string): string | null {
  if (!UTC_DAY.test(from) || !UTC_DAY.test(to)) return "Pick the first and the last day.";
  if (from > to) return "The period starts after it ends.";
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days > MAX_PERIOD_DAYS) return `Choose a period of at most ${MAX_PERIOD_DAYS} days.`;
  return null;
}

/** The drop-off rule in words (the server's DROP_OFF_SHARE and DROP_OFF_MIN_STOPPED). */
export const DROP_OFF_HINT = "at least 40% (and 3 or more) stopped at a step that leads on.";
