"use client";

import { compileForTest, type TestCompileResult } from "@switchboard/flow";
import { useMemo } from "react";
import type { CompiledDraft } from "./use-compiled-draft";

/**
 * What the test chat runs: the draft compiled for a test (compileForTest), so a half-built flow runs
 * up to where it is broken. Only while the test chat is open; a draft without errors reuses the
 * builder's compile.
 */
export function useTestRun(compiled: CompiledDraft): TestCompileResult {
  const { result, source, environment } = compiled;
  return useMemo(
    () =>
      result.ok
        ? { ok: true, flow: result.flow, stops: {}, problems: result.problems }
        : compileForTest(source, environment),
    [result, source, environment],
  );
}
