import type { Problem } from "@switchboard/flow";
import { useMemo, useRef } from "react";

export const NO_PROBLEMS: Problem[] = [];

const keyOf = (list: Problem[]) =>
  list.map((p) => `${p.severity}|${p.code}|${p.path ?? ""}|${p.message}`).join("\n");

/**
 * Problems grouped by step. A step's array keeps its identity while its problems don't change,
 * so memoized canvas nodes only re-render when their own problems do.
 */
export function useProblemsByStep(problems: Problem[]): Map<string, Problem[]> {
  const cache = useRef(new Map<string, { key: string; list: Problem[] }>());
  return useMemo(() => {
    const grouped = new Map<string, Problem[]>();
    for (const p of problems) {
      if (!p.stepId) continue;
      const list = grouped.get(p.stepId) ?? [];
      list.push(p);
      grouped.set(p.stepId, list);
    }
    const result = new Map<string, Problem[]>();
    const nextCache = new Map<string, { key: string; list: Problem[] }>();
    for (const [stepId, list] of grouped) {
      const key = keyOf(list);
      const cached = cache.current.get(stepId);
      const stable = cached && cached.key === key ? cached.list : list;
      result.set(stepId, stable);
      nextCache.set(stepId, { key, list: stable });
    }
    cache.current = nextCache;
    return result;
  }, [problems]);
}
