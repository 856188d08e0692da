import {
  type Edge,
  edgeSchema,
  type FlowDocument,
  type Step,
  stepOutputs,
  stepSchema,
} from "@switchboard/flow";
import { estimatedBox } from "./elk-layout";

/*
 * Copy / paste / duplicate of steps: selection → payload (JSON on the clipboard) → pasted into a
 * draft, the same flow's or another's. Pure, so it is unit-tested.
 */

export const CLIPBOARD_FORMAT = "switchboard.steps";
export const CLIPBOARD_VERSION = 1;

/** What goes on the clipboard: the copied steps and the connections between them. */
export interface StepsPayload {
  format: typeof CLIPBOARD_FORMAT;
  version: typeof CLIPBOARD_VERSION;
  steps: Step[];
  edges: Edge[];
  /** The copied step that was the flow's start step, if one was. */
  entryStepId: string | null;
}

/** The selected steps (in the draft's order) with the connections between them; null if none. */
export function copySteps(doc: FlowDocument, ids: readonly string[]): StepsPayload | null {
  const selected = new Set(ids);
  const steps = doc.steps.filter((s) => selected.has(s.id));
  if (steps.length === 0) return null;
  // A connection to a step left behind has nowhere to go in the copy.
  const edges = doc.edges.filter((e) => selected.has(e.source) && selected.has(e.target));
  return {
    format: CLIPBOARD_FORMAT,
    version: CLIPBOARD_VERSION,
    steps: structuredClone(steps),
    edges: structuredClone(edges),
    entryStepId: doc.entryStepId && selected.has(doc.entryStepId) ? doc.entryStepId : null,
  };
}

export const serializePayload = (payload: StepsPayload) => JSON.stringify(payload);

/**
 * The payload in clipboard text, or null if the text is something else (a user's own text, another
 * app's data, a future version). Each step and connection is checked against the flow model.
 */
export function parsePayload(text: string): StepsPayload | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== "object") return null;
  const r = raw as Record<string, unknown>;
  if (r.format !== CLIPBOARD_FORMAT || r.version !== CLIPBOARD_VERSION) return null;
  if (!Array.isArray(r.steps) || !Array.isArray(r.edges)) return null;
  const steps: Step[] = [];
  for (const s of r.steps) {
    const parsed = stepSchema.safeParse(s);
    if (!parsed.success) return null;
    steps.push(parsed.data);
  }
  const edges: Edge[] = [];
  for (const e of r.edges) {
    const parsed = edgeSchema.safeParse(e);
    if (!parsed.success) return null;
    edges.push(parsed.data);
  }
  if (steps.length === 0) return null;
  const entryStepId = typeof r.entryStepId === "string" ? r.entryStepId : null;
  return { format: CLIPBOARD_FORMAT, version: CLIPBOARD_VERSION, steps, edges, entryStepId };
}

/** How far each try moves the pasted steps from where they were copied. */
export const PASTE_OFFSET = 40;
const MAX_TRIES = 200;

export interface PasteIds {
  newStepId: () => string;
  newEdgeId: () => string;
  /** A step's size on the canvas by its id, where measured (else it is estimated). */
  sizeOf?: (stepId: string) => { width: number; height: number } | undefined;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const boxOf = (s: Step, sizeOf: PasteIds["sizeOf"]): Box => {
  const { width, height } = sizeOf?.(s.id) ?? estimatedBox(s);
  return { x: s.position.x, y: s.position.y, width, height };
};

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * The draft with the payload's steps added: new ids (connections between them follow), moved down
 * and right until none lies on a step already there, aliases the draft already answers to dropped
 * (an alias must lead to one step). Config is kept as it is, so references to other flows (go to
 * flow) and variables still hold. Returns the pasted steps' ids, to select them.
 */
export function pasteSteps(
  doc: FlowDocument,
  payload: StepsPayload,
  ids: PasteIds,
): { document: FlowDocument; pastedIds: string[] } {
  const idMap = new Map(payload.steps.map((s) => [s.id, ids.newStepId()]));
  const taken = new Set(doc.steps.flatMap((s) => s.aliases.map((a) => a.toLowerCase())));
  const existing = doc.steps.map((s) => boxOf(s, ids.sizeOf));

  let shift = PASTE_OFFSET;
  const shifted = (d: number) =>
    payload.steps.map((s) => ({ ...boxOf(s, ids.sizeOf), x: s.position.x + d, y: s.position.y + d }));
  for (let i = 0; i < MAX_TRIES; i++) {
    const boxes = shifted(shift);
    if (!boxes.some((b) => existing.some((e) => overlaps(b, e)))) break;
    shift += PASTE_OFFSET;
  }

  const steps = payload.steps.map((s) => {
    const copy = structuredClone(s);
    copy.id = idMap.get(s.id)!;
    copy.position = { x: s.position.x + shift, y: s.position.y + shift };
    copy.aliases = s.aliases.filter((a) => {
      const key = a.toLowerCase();
      if (taken.has(key)) return false;
      taken.add(key);
      return true;
    });
    return copy;
  });

  const handlesOf = new Map(steps.map((s) => [s.id, new Set(safeHandles(s))]));
  const edges = payload.edges.flatMap((e) => {
    const source = idMap.get(e.source);
    const target = idMap.get(e.target);
    if (!source || !target || !handlesOf.get(source)?.has(e.sourceHandle)) return [];
    // Both its steps moved by the same shift, so a route between them still fits once shifted too.
    const route = e.route?.map((p) => ({ x: p.x + shift, y: p.y + shift }));
    return [{ id: ids.newEdgeId(), source, sourceHandle: e.sourceHandle, target, ...(route && { route }) }];
  });

  // Into an empty flow (or one without a start), the copied start step — or else the first pasted
  // step — becomes the start, as the first step added to a flow does.
  const entryStepId =
    doc.entryStepId ??
    (doc.steps.length === 0
      ? (idMap.get(payload.entryStepId ?? "") ?? steps[0]?.id ?? null)
      : payload.entryStepId
        ? (idMap.get(payload.entryStepId) ?? null)
        : null);

  return {
    document: { ...doc, entryStepId, steps: [...doc.steps, ...steps], edges: [...doc.edges, ...edges] },
    pastedIds: steps.map((s) => s.id),
  };
}

function safeHandles(step: Step): string[] {
  try {
    return stepOutputs(step).map((o) => o.handle);
  } catch {
    return [];
  }
}
