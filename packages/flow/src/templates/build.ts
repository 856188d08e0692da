import { type Edge, emptyFlowDocument, type FlowDocument, type Step } from "../document";
import type { StepConfigOf, StepType } from "../steps/registry";

/*
 * Small helpers that keep the templates readable: a step is one call, a connection one tuple. The
 * config is typed by the step type, so a template that drifts from a step's schema fails to compile.
 */

/** Canvas spacing of the templates' hand-made layout (a step card is about 260 px wide). */
export const COLUMN = 320;
export const ROW = 200;

export function step<T extends StepType>(
  type: T,
  id: string,
  title: string,
  [column, row]: [number, number],
  config: StepConfigOf<T>,
  aliases: string[] = [],
): Step {
  return { id, type, title, position: { x: column * COLUMN, y: row * ROW }, aliases, config } as Step;
}

/** [source, sourceHandle, target]. */
export type Link = [string, string, string];

export function flowOf(steps: Step[], links: Link[]): FlowDocument {
  const edges: Edge[] = links.map(([source, sourceHandle, target]) => ({
    id: `e_${source}_${sourceHandle.replace(/[^A-Za-z0-9_-]/g, "_")}`.slice(0, 80),
    source,
    sourceHandle,
    target,
  }));
  return { ...emptyFlowDocument(), entryStepId: steps[0]?.id ?? null, steps, edges };
}
