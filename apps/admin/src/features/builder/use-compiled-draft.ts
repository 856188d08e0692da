"use client";

import type { CompileEnvironment, CompileResult, FlowDocument, Problem } from "@switchboard/flow";
import { useDeferredValue, useMemo } from "react";
import { compileDraftCached } from "./cached-compile";
import { collectVariables } from "./draft";
import { useProblemsByStep } from "./use-stable-problems";

export interface CompiledDraft {
  result: CompileResult;
  /** The draft `result` was compiled from (the deferred one) and what it was checked against. */
  source: FlowDocument;
  environment: CompileEnvironment;
  problems: Problem[];
  /** Per step; a step's array keeps its identity while its problems don't change. */
  problemsByStep: Map<string, Problem[]>;
  errorCount: number;
  warningCount: number;
  /** Variables some step collects, for the template fields. */
  variables: string[];
}

/**
 * Compiles the draft in the browser, on the deferred draft so that typing stays smooth, against what
 * is known of the workspace (custom fields, members, stages), as publishing will.
 */
export function useCompiledDraft(draft: FlowDocument, environment: CompileEnvironment = {}): CompiledDraft {
  const deferredDraft = useDeferredValue(draft);
  const result = useMemo(() => compileDraftCached(deferredDraft, environment), [deferredDraft, environment]);
  const problemsByStep = useProblemsByStep(result.problems);
  const variables = useMemo(() => collectVariables(draft.steps), [draft.steps]);
  return useMemo(() => {
    const errorCount = result.problems.filter((p) => p.severity === "error").length;
    return {
      result,
      source: deferredDraft,
      environment,
      problems: result.problems,
      problemsByStep,
      errorCount,
      warningCount: result.problems.length - errorCount,
      variables,
    };
  }, [result, deferredDraft, environment, problemsByStep, variables]);
}
