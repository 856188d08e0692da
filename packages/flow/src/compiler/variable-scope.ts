import type { FlowDocument } from "../document";
import { stepWrites } from "../steps/registry";
import { templateReferences } from "../template";

/** A connection between two steps, as drafts (`edges`) and compiled flows (`outputs`) both have them. */
export interface Link {
  source: string;
  target: string;
}

/**
 * The steps from which `stepId` can be reached by following connections: every step that may have run
 * before it in a conversation. The step itself is one only when it sits in a loop.
 */
export function upstreamOf(links: readonly Link[], stepId: string): Set<string> {
  const into = new Map<string, string[]>();
  for (const l of links) {
    const list = into.get(l.target);
    if (list) list.push(l.source);
    else into.set(l.target, [l.source]);
  }
  const seen = new Set<string>();
  const queue = [stepId];
  while (queue.length) {
    const id = queue.pop()!;
    for (const source of into.get(id) ?? []) {
      if (seen.has(source)) continue;
      seen.add(source);
      queue.push(source);
    }
  }
  return seen;
}

/**
 * The conversation variables (`vars.*`) a step can read: those written by some step upstream of it
 * (declared through each type's `writesVariables`), sorted. The builder's variable picker and the
 * compiler's unknown-variable warning share this rule.
 */
export function variablesInScope(doc: Pick<FlowDocument, "steps" | "edges">, stepId: string): string[] {
  const upstream = upstreamOf(doc.edges, stepId);
  const out = new Set<string>();
  for (const s of doc.steps) {
    if (!upstream.has(s.id)) continue;
    try {
      for (const v of stepWrites(s)) if (v) out.add(v);
    } catch {
      // A step whose config is half-edited in the builder declares nothing.
    }
  }
  return [...out].sort();
}

/**
 * Where in a step's config a template sits, as a problem path ("config.text",
 * "config.buttons.0.label"): the first string equal to it, or else the first one that reads `path`.
 * Undefined when no string of the config does (a type may assemble its templates).
 */
export function templateSpot(config: unknown, template: string, path: string): string | undefined {
  return (
    findString(config, "config", (s) => s === template) ??
    findString(
      config,
      "config",
      (s) => s.includes("{{") && templateReferences(s).some((r) => r.path === path),
    )
  );
}

function findString(value: unknown, path: string, match: (s: string) => boolean): string | undefined {
  if (typeof value === "string") return match(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findString(value[i], `${path}.${i}`, match);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const found = findString(v, `${path}.${k}`, match);
      if (found) return found;
    }
  }
  return undefined;
}

/** A problem path in words, for messages: "config.retryText" → "retry text", "config.buttons.1.label" → "buttons 2 label". */
export function spotLabel(path: string): string {
  return path
    .split(".")
    .slice(path.startsWith("config.") ? 1 : 0)
    .map((part) =>
      /^\d+$/.test(part)
        ? String(Number(part) + 1)
        : part.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase(),
    )
    .join(" ");
}
