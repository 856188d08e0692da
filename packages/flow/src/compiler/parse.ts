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
 * Parses untrusted JSON (an import, an API call, a stored draft) into a FlowDocument.
 * Broken steps and edges are reported with their id and left out, so the rest can still be checked.
 */
export function parseFlowDocument(raw: unknown): { document: FlowDocument | null; problems: Problem[] } {
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
    const parsed = stepSchema.safeParse(rawStep);
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
    const parsed = edgeSchema.safeParse(rawEdge);
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
