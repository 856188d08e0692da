import type { z } from "zod";
import {
  type Edge,
  edgeSchema,
  type FlowDocument,
  flowDocumentSchema,
  type Step,
  stepSchema,
} from "../document";
import { type Problem, problem } from "./problems";

/** Longer step ids are not repeated in problems (valid ids have at most 24 characters). */
const MAX_NAMED_ID = 64;

const describeIssues = (error: z.ZodError) =>
  error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");

/**
 * Steps and edges already parsed, by the identity of the object given. For a caller that parses the same
 * immutable draft again and again (the builder compiles on every edit, and an edit makes new objects
 * only for what it changed): each object is checked against the schema once.
 */
export interface ParseMemo {
  steps: WeakMap<object, Step>;
  edges: WeakMap<object, Edge>;
}

export const createParseMemo = (): ParseMemo => ({ steps: new WeakMap(), edges: new WeakMap() });

type Parsed<T> = { success: true; data: T } | { success: false; error: z.ZodError };

/** `schema.safeParse(raw)`, answered from `cache` for an object parsed before (only successes are kept). */
function parseOnce<T>(raw: unknown, schema: z.ZodType<T>, cache: WeakMap<object, T> | undefined): Parsed<T> {
  const key = cache && typeof raw === "object" && raw !== null ? raw : null;
  const known = key ? cache!.get(key) : undefined;
  if (known) return { success: true, data: known };
  const parsed = schema.safeParse(raw) as Parsed<T>;
  if (key && parsed.success) cache!.set(key, parsed.data);
  return parsed;
}

/**
 * Parses untrusted JSON (an import, an API call, a stored draft) into a FlowDocument.
 * Broken steps and edges are reported with their id and left out, so the rest can still be checked.
 */
export function parseFlowDocument(
  raw: unknown,
  memo?: ParseMemo,
): { document: FlowDocument | null; problems: Problem[] } {
  const top = flowDocumentSchema.safeParse(raw);
  if (!top.success) {
    return {
      document: null,
      problems: [problem("INVALID_DOCUMENT", `The flow document is not valid: ${describeIssues(top.error)}`)],
    };
  }
  const problems: Problem[] = [];
  const steps: Step[] = [];
  top.data.steps.forEach((rawStep, index) => {
    const parsed = parseOnce(rawStep, stepSchema, memo?.steps);
    if (parsed.success) steps.push(parsed.data);
    else {
      // Named by its id (even a malformed one, so the builder can point at it) unless the id is absurdly
      // long: an upload's "id" may be 100,000 characters, and the problem is shown to a person.
      const rawId = (rawStep as { id?: unknown } | null)?.id;
      const id = typeof rawId === "string" && rawId.length <= MAX_NAMED_ID ? rawId : undefined;
      problems.push(
        problem(
          "INVALID_STEP",
          `Step ${id ?? `#${index + 1}`} is not valid: ${describeIssues(parsed.error)}`,
          {
            ...(id ? { stepId: id } : {}),
          },
        ),
      );
    }
  });
  const edges: Edge[] = [];
  top.data.edges.forEach((rawEdge, index) => {
    const parsed = parseOnce(rawEdge, edgeSchema, memo?.edges);
    if (parsed.success) edges.push(parsed.data);
    else
      problems.push(
        problem("INVALID_EDGE", `Connection #${index + 1} is not valid: ${describeIssues(parsed.error)}`),
      );
  });
  return {
    document: {
      format: top.data.format,
      version: top.data.version,
      entryStepId: top.data.entryStepId,
      steps,
      edges,
    },
    problems,
  };
}
