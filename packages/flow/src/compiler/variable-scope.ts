import type { FlowDocument, Step } from "../document";
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
  return upstreamIn(incomingOf(links), stepId);
}

/** For each step, the steps with a connection into it (build once, ask `upstreamIn` many times). */
export function incomingOf(links: readonly Link[]): Map<string, string[]> {
  const into = new Map<string, string[]>();
  for (const l of links) {
    const list = into.get(l.target);
    if (list) list.push(l.source);
    else into.set(l.target, [l.source]);
  }
  return into;
}

export function upstreamIn(into: ReadonlyMap<string, readonly string[]>, stepId: string): Set<string> {
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
 * For every step, the conversation variables (`vars.*`) written by some step upstream of it: a
 * fixpoint over the connections (what flows into a step is what each step before it had in scope plus
 * what that step writes), visited in reverse post-order so that a flow without loops settles in one
 * round; each loop adds at most a round.
 */
export function variableScopes(
  writes: ReadonlyMap<string, readonly string[]>,
  links: readonly Link[],
): Map<string, Set<string>> {
  const next = new Map<string, string[]>();
  for (const l of links) {
    const list = next.get(l.source);
    if (list) list.push(l.target);
    else next.set(l.source, [l.target]);
  }
  const ids = [...new Set([...writes.keys(), ...links.flatMap((l) => [l.source, l.target])])];
  const scope = new Map<string, Set<string>>(ids.map((id) => [id, new Set<string>()]));
  const order = reversePostOrder(ids, next);
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of order) {
      const targets = next.get(id);
      if (!targets) continue;
      const outgoing = [...scope.get(id)!, ...(writes.get(id) ?? [])];
      for (const target of targets) {
        const into = scope.get(target)!;
        const before = into.size;
        for (const v of outgoing) into.add(v);
        if (into.size !== before) changed = true;
      }
    }
  }
  return scope;
}

function reversePostOrder(ids: readonly string[], next: ReadonlyMap<string, readonly string[]>): string[] {
  const seen = new Set<string>();
  const post: string[] = [];
  for (const root of ids) {
    if (seen.has(root)) continue;
    seen.add(root);
    const stack: [string, number][] = [[root, 0]];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const targets = next.get(top[0]) ?? [];
      if (top[1] < targets.length) {
        const target = targets[top[1]++]!;
        if (!seen.has(target)) {
          seen.add(target);
          stack.push([target, 0]);
        }
      } else {
        post.push(top[0]);
        stack.pop();
      }
    }
  }
  return post.reverse();
}

/** What each step of a draft declares it writes; a half-edited step (in the builder) declares nothing. */
export function declaredWrites(steps: readonly Step[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of steps) {
    try {
      out.set(
        s.id,
        stepWrites(s).filter((v) => !!v),
      );
    } catch {
      out.set(s.id, []);
    }
  }
  return out;
}

/**
 * The conversation variables a step can read: those written by some step upstream of it (declared
 * through each type's `writesVariables`), sorted. The builder's variable picker and the compiler's
 * unknown-variable warning share this rule.
 */
export function variablesInScope(doc: Pick<FlowDocument, "steps" | "edges">, stepId: string): string[] {
  return [...(variableScopes(declaredWrites(doc.steps), doc.edges).get(stepId) ?? [])].sort();
}

/**
 * For each variable in scope at `stepId`, the upstream steps that write it (in document order): what
 * the builder's variable picker names as the variable's source ("Set by Ask email").
 */
export function variableWriters(
  doc: Pick<FlowDocument, "steps" | "edges">,
  stepId: string,
): Map<string, Step[]> {
  const upstream = upstreamOf(doc.edges, stepId);
  const writes = declaredWrites(doc.steps);
  const out = new Map<string, Step[]>();
  for (const step of doc.steps) {
    if (!upstream.has(step.id)) continue;
    for (const name of writes.get(step.id) ?? []) {
      const list = out.get(name);
      if (list) list.push(step);
      else out.set(name, [step]);
    }
  }
  return out;
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
