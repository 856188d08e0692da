import {
  type CompileEnvironment,
  type CompileResult,
  compileDraft,
  createParseMemo,
  type FlowDocument,
  type Step,
} from "@switchboard/flow";

/*
 * compileDraft for the builder: the same result, but each step and connection is checked against the
 * schema once (the flow package's ParseMemo), not on every compile. The draft's objects are immutable,
 * so an edit makes new objects only for what it changed; for 2,000 steps this saves most of a compile
 * (and of opening the flow).
 */
const memo = createParseMemo();

/** A step the schema has just returned (loadDraft's): parsing it again would give the same step. */
export function rememberParsedStep(step: Step): void {
  memo.steps.set(step, step);
}

/** Same as compileDraft(draft, env). */
export function compileDraftCached(draft: FlowDocument, env: CompileEnvironment = {}): CompileResult {
  return compileDraft(draft, env, memo);
}
