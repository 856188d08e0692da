import {
  type CompileEnvironment,
  type CompileResult,
  compileDraft,
  compileFlow,
  type Edge,
  edgeSchema,
  type FlowDocument,
  flowDocumentSchema,
  hasErrors,
  type Step,
  stepSchema,
} from "@switchboard/flow";

/*
 * compileDraft for the builder: the same result, but each step and connection is checked against the
 * schema once, not on every compile. The draft's objects are immutable, so an edit makes new objects
 * only for what it changed; for 2,000 steps this saves most of a compile (and of opening the flow).
 */

type Parse<T> = (raw: unknown) => { success: true; data: T } | { success: false };

const parsedSteps = new WeakMap<object, Step>();
const parsedEdges = new WeakMap<object, Edge>();

/** Each item as the schema returns it (remembered by identity), or null if the schema rejects one. */
function parsedAll<T>(items: readonly T[], parse: Parse<T>, cache: WeakMap<object, T>): T[] | null {
  const out: T[] = [];
  for (const item of items) {
    let parsed = typeof item === "object" && item !== null ? cache.get(item) : undefined;
    if (!parsed) {
      const result = parse(item);
      if (!result.success) return null;
      parsed = result.data;
      if (typeof item === "object" && item !== null) cache.set(item, parsed);
    }
    out.push(parsed);
  }
  return out;
}

/** A step the schema has just returned (loadDraft's): parsing it again would give the same step. */
export function rememberParsedStep(step: Step): void {
  parsedSteps.set(step, step);
}

const parseStep: Parse<Step> = (raw) => stepSchema.safeParse(raw);
const parseEdge: Parse<Edge> = (raw) => edgeSchema.safeParse(raw);

/** Same as compileDraft(draft, env). */
export function compileDraftCached(draft: FlowDocument, env: CompileEnvironment = {}): CompileResult {
  const top = flowDocumentSchema.safeParse(draft);
  const steps = top.success ? parsedAll(draft.steps, parseStep, parsedSteps) : null;
  const edges = steps ? parsedAll(draft.edges, parseEdge, parsedEdges) : null;
  // Something the schema rejects: compileDraft's own parse reports it, with its place in the draft.
  if (!top.success || !steps || !edges) return compileDraft(draft, env);
  const { format, version, entryStepId } = top.data;
  const { flow, problems } = compileFlow({ format, version, entryStepId, steps, edges }, env);
  return hasErrors(problems) ? { ok: false, flow: null, problems } : { ok: true, flow: flow!, problems };
}
