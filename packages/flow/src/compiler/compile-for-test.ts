import { hasAudience } from "../audience";
import type { Step } from "../document";
import { stepLabel } from "../step-label";
import { stepOutputs } from "../steps/registry";
import { compileDraft } from "./compile";
import { COMPILED_FORMAT_VERSION, type CompiledFlow, type CompiledStep, normalizeAlias } from "./compiled";
import type { CompileEnvironment } from "./environment";
import { parseFlowDocument } from "./parse";
import type { Problem, ProblemCode } from "./problems";

/*
 * The builder's test chat runs the reachable, valid part of a half-built flow. Publishing still
 * refuses any error; a test run instead stops, with the problem, where the conversation reaches a
 * step that can't run or an output that leads nowhere.
 */

/** Where a test run stops: the step to show and why it can't go on. */
export interface TestStop {
  stepId: string;
  message: string;
}

export type TestCompileResult =
  | {
      ok: true;
      /** The runnable steps; a broken step is left out and its id is a key of `stops`. */
      flow: CompiledFlow;
      /** By the id the engine fails to find (a broken step's, or an unconnected button's stand-in). */
      stops: Record<string, TestStop>;
      /** Everything the compiler reports, as for publishing. */
      problems: Problem[];
    }
  /** Nothing can run at all (no steps, no start step, not a flow document). */
  | { ok: false; reason: string; problems: Problem[] };

/**
 * Errors that don't stop their step from running in a test: the engine copes the way a reader
 * expects (the first of two aliases or connections wins, a connection to nowhere is left out, a
 * loop stops at the engine's step limit), and an unconnected button gets its own stop.
 */
const RUNNABLE_ERRORS: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  "BUTTON_NO_TARGET",
  "LOOP_WITHOUT_WAIT",
  "DUPLICATE_ALIAS",
  "DUPLICATE_OUTPUT",
  "DUPLICATE_STEP_ID",
  "EDGE_UNKNOWN_TARGET",
  "EDGE_UNKNOWN_HANDLE",
  "EDGE_UNKNOWN_SOURCE",
]);

/**
 * A stand-in target for an output that must be connected and isn't. Step ids can't contain "!", so it
 * never names a real step; the engine doesn't find it and reports `step_missing` with it.
 */
export const missingTargetId = (stepId: string, handle: string) => `!${stepId}!${handle}`;

/** Compiles a draft for a test run: what can run runs; the rest becomes stops (see TestStop). */
export function compileForTest(raw: unknown, env: CompileEnvironment = {}): TestCompileResult {
  const checked = compileDraft(raw, env);
  if (checked.ok) return { ok: true, flow: checked.flow, stops: {}, problems: checked.problems };
  const problems = checked.problems;
  const { document } = parseFlowDocument(raw);
  if (!document) return { ok: false, reason: problems[0]?.message ?? "Not a flow.", problems };
  if (document.steps.length === 0 && !problems.some((p) => p.code === "INVALID_STEP"))
    return { ok: false, reason: "The flow has no steps yet.", problems };

  const steps = new Map<string, Step>();
  for (const s of document.steps) if (!steps.has(s.id)) steps.set(s.id, s);

  // A step the parser couldn't read, or with an error of its own, can't run: reaching it stops the test.
  const stops: Record<string, TestStop> = {};
  for (const p of problems) {
    if (p.severity !== "error" || !p.stepId || RUNNABLE_ERRORS.has(p.code) || stops[p.stepId]) continue;
    const step = steps.get(p.stepId);
    const name = step ? stepLabel(step) : p.stepId;
    stops[p.stepId] = { stepId: p.stepId, message: `“${name}” can't run yet: ${p.message}` };
  }
  const known = (id: string) => steps.has(id) || id in stops;

  const aliases: Record<string, string> = {};
  for (const s of steps.values())
    for (const raw of s.aliases) {
      const alias = normalizeAlias(raw);
      if (!(alias in aliases)) aliases[alias] = s.id;
    }
  const entryStepId = document.entryStepId ?? aliases["/start"] ?? null;
  if (!entryStepId || !known(entryStepId))
    return { ok: false, reason: "Choose the step where conversations start (the start step).", problems };

  const compiled: Record<string, CompiledStep> = {};
  for (const s of steps.values()) {
    if (stops[s.id]) continue;
    const outputs: Record<string, string | null> = {};
    const handles = stepOutputs(s);
    for (const o of handles) outputs[o.handle] = null;
    for (const e of document.edges)
      if (e.source === s.id && outputs[e.sourceHandle] === null && known(e.target))
        outputs[e.sourceHandle] = e.target;
    for (const o of handles) {
      if (!o.required || outputs[o.handle] !== null) continue;
      const id = missingTargetId(s.id, o.handle);
      outputs[o.handle] = id;
      stops[id] = {
        stepId: s.id,
        message: `“${stepLabel(s)}”: the button “${o.label}” leads nowhere yet. Connect it to a step.`,
      };
    }
    compiled[s.id] = {
      id: s.id,
      type: s.type,
      title: s.title,
      config: s.config,
      outputs,
      ...(hasAudience(s.audience) ? { audience: s.audience } : {}),
    } as CompiledStep;
  }
  const contactFields = Object.fromEntries((env.customFields ?? []).map((f) => [f.key, f]));
  return {
    ok: true,
    flow: {
      format: "switchboard.compiled",
      version: COMPILED_FORMAT_VERSION,
      entryStepId,
      steps: compiled,
      aliases,
      contactFields,
    },
    stops,
    problems,
  };
}
