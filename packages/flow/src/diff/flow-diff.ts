import type { Edge, FlowDocument, Step } from "../document";
import type { StepType } from "../steps/registry";

/*
 * What changed between two versions of a flow, for the version history's side-by-side view: steps
 * added, removed or changed (with which fields), connections added or removed, and the start step.
 * Pure and order-insensitive, so the same two documents always give the same diff.
 */

export interface DiffStep {
  id: string;
  title: string;
  type: StepType;
}

export interface ChangedStep extends DiffStep {
  /** What differs, as paths: "title", "aliases", "audience", "type", "config.text", "config.buttons"… */
  fields: string[];
}

/** A connection, told apart by what it links (ids of edges are not stable across edits). */
export interface DiffConnection {
  source: string;
  sourceHandle: string;
  target: string;
}

export interface FlowDiff {
  added: DiffStep[];
  removed: DiffStep[];
  changed: ChangedStep[];
  /** Steps that only moved on the canvas: not a change to the bot, listed so the view can say so. */
  moved: string[];
  connectionsAdded: DiffConnection[];
  connectionsRemoved: DiffConnection[];
  /** The start step, when it differs. */
  entry: { before: string | null; after: string | null } | null;
}

export type StepDiffStatus = "added" | "removed" | "changed";

const summary = (s: Step): DiffStep => ({ id: s.id, title: s.title, type: s.type });

/** Structural equality of JSON values; object key order does not matter. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    return a.length === bs.length && a.every((x, i) => sameJson(x, bs[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  // An absent key and an undefined one are the same document once stored as JSON.
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!sameJson(ao[k], bo[k])) return false;
  return true;
}

const asRecord = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The fields of one step that differ, position left out (moving a step changes nothing for the bot). */
export function changedFields(before: Step, after: Step): string[] {
  const fields: string[] = [];
  if (before.type !== after.type) fields.push("type");
  if (before.title !== after.title) fields.push("title");
  if (!sameJson(before.aliases, after.aliases)) fields.push("aliases");
  if (!sameJson(before.audience ?? null, after.audience ?? null)) fields.push("audience");
  if (before.type !== after.type) return fields;
  const a = asRecord(before.config);
  const b = asRecord(after.config);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const k of keys) if (!sameJson(a[k], b[k])) fields.push(`config.${k}`);
  return fields;
}

const connectionKey = (c: DiffConnection) => `${c.source}\u0000${c.sourceHandle}\u0000${c.target}`;
const connectionOf = (e: Edge): DiffConnection => ({
  source: e.source,
  sourceHandle: e.sourceHandle,
  target: e.target,
});

function connectionsOnlyIn(a: readonly Edge[], b: readonly Edge[]): DiffConnection[] {
  const inB = new Set(b.map((e) => connectionKey(connectionOf(e))));
  const seen = new Set<string>();
  const out: DiffConnection[] = [];
  for (const e of a) {
    const c = connectionOf(e);
    const key = connectionKey(c);
    if (inB.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

/** The changes that turn `before` into `after`, in `after`'s step order (removed ones in `before`'s). */
export function diffFlows(before: FlowDocument, after: FlowDocument): FlowDiff {
  const old = new Map(before.steps.map((s) => [s.id, s]));
  const now = new Map(after.steps.map((s) => [s.id, s]));
  const diff: FlowDiff = {
    added: [],
    removed: [],
    changed: [],
    moved: [],
    connectionsAdded: connectionsOnlyIn(after.edges, before.edges),
    connectionsRemoved: connectionsOnlyIn(before.edges, after.edges),
    entry:
      before.entryStepId === after.entryStepId
        ? null
        : { before: before.entryStepId, after: after.entryStepId },
  };
  for (const s of after.steps) {
    const was = old.get(s.id);
    if (!was) {
      diff.added.push(summary(s));
      continue;
    }
    const fields = changedFields(was, s);
    if (fields.length) diff.changed.push({ ...summary(s), fields });
    else if (!sameJson(was.position, s.position)) diff.moved.push(s.id);
  }
  for (const s of before.steps) if (!now.has(s.id)) diff.removed.push(summary(s));
  return diff;
}

/** True when the two documents run the same bot (only positions may differ). */
export const isEmptyDiff = (d: FlowDiff) =>
  !d.added.length &&
  !d.removed.length &&
  !d.changed.length &&
  !d.connectionsAdded.length &&
  !d.connectionsRemoved.length &&
  !d.entry;

/** Each step's colour in the diff view; steps absent from the map are unchanged. */
export function stepDiffStatuses(d: FlowDiff): Map<string, StepDiffStatus> {
  const out = new Map<string, StepDiffStatus>();
  for (const s of d.added) out.set(s.id, "added");
  for (const s of d.removed) out.set(s.id, "removed");
  for (const s of d.changed) out.set(s.id, "changed");
  return out;
}

const FIELD_LABELS: Record<string, string> = {
  type: "step type",
  title: "title",
  aliases: "keywords",
  audience: "audience",
};

/** "config.retryText" -> "retry text": how the diff list names a changed field. */
export function diffFieldLabel(path: string): string {
  const known = FIELD_LABELS[path];
  if (known) return known;
  const key = path.startsWith("config.") ? path.slice("config.".length) : path;
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
}
