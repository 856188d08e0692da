import { hasAudience } from "../audience";
import type { CustomFieldDefinition } from "../contact-fields";
import type { FlowDocument, Step } from "../document";
import type { StepDefinition } from "../steps/define-step";
import { definitionOf, stepOutputs, stepTemplates, stepWaits } from "../steps/registry";
import { isKnownPath, templateReferences } from "../template";
import { checkAudience } from "./check-helpers";
import { COMPILED_FORMAT_VERSION, type CompiledFlow, type CompiledStep, normalizeAlias } from "./compiled";
import type { CompileEnvironment } from "./environment";
import { type ParseMemo, parseFlowDocument } from "./parse";
import { hasErrors, type Problem, problem } from "./problems";
import { declaredWrites, type Link, spotLabel, templateSpot, variableScopes } from "./variable-scope";

export type CompileResult =
  | { ok: true; flow: CompiledFlow; problems: Problem[] }
  | { ok: false; flow: null; problems: Problem[] };

const stepName = (s: Step) => (s.title ? `"${s.title}"` : `${definitionOf(s.type).label} step`);

/**
 * Parses untrusted JSON and compiles it: the single entry point for publish, import and the API. A
 * `memo` (createParseMemo) lets a caller that compiles the same immutable draft over and over skip
 * parsing the steps and edges it has seen (the builder).
 */
export function compileDraft(raw: unknown, env: CompileEnvironment = {}, memo?: ParseMemo): CompileResult {
  const { document, problems } = parseFlowDocument(raw, memo);
  if (!document) return { ok: false, flow: null, problems };
  const result = compileFlow(document, env);
  const all = [...problems, ...result.problems];
  return hasErrors(all)
    ? { ok: false, flow: null, problems: all }
    : { ok: true, flow: result.flow!, problems: all };
}

/** Validates a parsed draft and builds the indexed, immutable form the engine runs. */
export function compileFlow(doc: FlowDocument, env: CompileEnvironment = {}): CompileResult {
  const problems: Problem[] = [];
  if (doc.steps.length === 0) problems.push(problem("FLOW_EMPTY", "The flow has no steps yet."));

  const steps = new Map<string, Step>();
  for (const s of doc.steps) {
    if (steps.has(s.id))
      problems.push(problem("DUPLICATE_STEP_ID", `Two steps share the id "${s.id}".`, { stepId: s.id }));
    else steps.set(s.id, s);
  }

  for (const s of steps.values()) {
    const definition = definitionOf(s.type) as unknown as StepDefinition<string, unknown>;
    problems.push(...definition.check(s, env));
    if (hasAudience(s.audience)) problems.push(...checkAudience(env, s.audience, s.id));
  }

  const outputs = connectOutputs(doc, steps, problems);
  const aliases = indexAliases(steps, problems);

  const entryStepId = doc.entryStepId ?? aliases["/start"] ?? null;
  if (doc.steps.length > 0 && (!entryStepId || !steps.has(entryStepId)))
    problems.push(problem("NO_ENTRY_STEP", "Choose the step where conversations start (the start step)."));

  const roots = [entryStepId, ...Object.values(aliases)].filter((id): id is string => !!id && steps.has(id));
  reportUnreachable(steps, outputs, roots, problems);
  reportLoopsWithoutWait(steps, outputs, problems);
  reportApiLoops(steps, outputs, problems);
  reportUnknownVariables(steps, outputs, env, problems);

  if (hasErrors(problems) || !entryStepId) return { ok: false, flow: null, problems };

  const compiledSteps: Record<string, CompiledStep> = {};
  for (const s of steps.values()) {
    compiledSteps[s.id] = {
      id: s.id,
      type: s.type,
      title: s.title,
      config: s.config,
      outputs: outputs.get(s.id) ?? {},
      ...(hasAudience(s.audience) ? { audience: s.audience } : {}),
    } as CompiledStep;
  }
  return {
    ok: true,
    problems,
    flow: {
      format: "switchboard.compiled",
      version: COMPILED_FORMAT_VERSION,
      entryStepId,
      steps: compiledSteps,
      aliases,
      contactFields: referencedFields(steps, env),
    },
  };
}

function connectOutputs(doc: FlowDocument, steps: Map<string, Step>, problems: Problem[]) {
  const outputs = new Map<string, Record<string, string | null>>();
  for (const s of steps.values()) {
    const record: Record<string, string | null> = {};
    for (const o of stepOutputs(s)) record[o.handle] = null;
    outputs.set(s.id, record);
  }
  for (const e of doc.edges) {
    const source = steps.get(e.source);
    if (!source) {
      problems.push(
        problem("EDGE_UNKNOWN_SOURCE", `A connection starts at a missing step "${e.source}".`, {
          edgeId: e.id,
        }),
      );
      continue;
    }
    if (!steps.has(e.target)) {
      problems.push(
        problem("EDGE_UNKNOWN_TARGET", `${stepName(source)} is connected to a missing step "${e.target}".`, {
          stepId: e.source,
          edgeId: e.id,
        }),
      );
      continue;
    }
    const record = outputs.get(e.source)!;
    if (!(e.sourceHandle in record)) {
      problems.push(
        problem("EDGE_UNKNOWN_HANDLE", `${stepName(source)} has no output "${e.sourceHandle}".`, {
          stepId: e.source,
          edgeId: e.id,
        }),
      );
      continue;
    }
    if (record[e.sourceHandle] !== null) {
      problems.push(
        problem("DUPLICATE_OUTPUT", `${stepName(source)}: one output is connected to two steps.`, {
          stepId: e.source,
          edgeId: e.id,
        }),
      );
      continue;
    }
    record[e.sourceHandle] = e.target;
  }
  for (const s of steps.values()) {
    const record = outputs.get(s.id)!;
    for (const o of stepOutputs(s)) {
      if (record[o.handle] !== null) continue;
      if (o.required)
        problems.push(
          problem(
            "BUTTON_NO_TARGET",
            `${stepName(s)}: button "${o.label}" leads nowhere. Connect it to a step.`,
            {
              stepId: s.id,
              path: o.handle,
            },
          ),
        );
      // A step marked as an intended end may leave its optional outputs unconnected.
      else if (!s.endsConversation)
        problems.push(
          problem(
            "DANGLING_OUTPUT",
            `${stepName(s)} is not connected to a next step; the conversation ends here.`,
            {
              stepId: s.id,
              path: o.handle,
            },
          ),
        );
    }
  }
  return outputs;
}

function indexAliases(steps: Map<string, Step>, problems: Problem[]) {
  const aliases: Record<string, string> = {};
  for (const s of steps.values()) {
    for (const raw of s.aliases) {
      const alias = normalizeAlias(raw);
      const owner = aliases[alias];
      if (owner !== undefined && owner !== s.id)
        problems.push(
          problem("DUPLICATE_ALIAS", `The alias "${raw}" is used by two steps.`, {
            stepId: s.id,
            path: "aliases",
          }),
        );
      else aliases[alias] = s.id;
    }
  }
  return aliases;
}

function reportUnreachable(
  steps: Map<string, Step>,
  outputs: Map<string, Record<string, string | null>>,
  roots: string[],
  problems: Problem[],
) {
  const seen = new Set<string>(roots);
  const queue = [...roots];
  while (queue.length) {
    const id = queue.pop()!;
    for (const target of Object.values(outputs.get(id) ?? {})) {
      if (target && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  for (const s of steps.values())
    if (!seen.has(s.id))
      problems.push(
        problem("UNREACHABLE_STEP", `${stepName(s)} can't be reached from the start step or any alias.`, {
          stepId: s.id,
        }),
      );
}

/** A cycle of steps that never wait would send messages forever; it must contain a waiting step. */
function reportLoopsWithoutWait(
  steps: Map<string, Step>,
  outputs: Map<string, Record<string, string | null>>,
  problems: Problem[],
) {
  const state = new Map<string, "visiting" | "done">();
  const reported = new Set<string>();
  const visit = (id: string) => {
    const s = steps.get(id);
    if (!s || stepWaits(s)) return;
    const st = state.get(id);
    if (st === "done") return;
    if (st === "visiting") {
      if (!reported.has(id)) {
        reported.add(id);
        problems.push(
          problem(
            "LOOP_WITHOUT_WAIT",
            `${stepName(s)} loops back to itself without waiting for the user; add a question in the loop.`,
            { stepId: id },
          ),
        );
      }
      return;
    }
    state.set(id, "visiting");
    for (const t of Object.values(outputs.get(id) ?? {})) if (t) visit(t);
    state.set(id, "done");
  };
  for (const id of steps.keys()) visit(id);
}

/**
 * A cycle whose only waiting steps are HTTP requests calls the API again and again without anyone
 * answering (e.g. `failure` wired back to the same request): a warning on the request, since a Delay
 * or a question in the loop is what the author almost always meant.
 */
function reportApiLoops(
  steps: Map<string, Step>,
  outputs: Map<string, Record<string, string | null>>,
  problems: Problem[],
) {
  const pausesForSomeone = (s: Step) => stepWaits(s) && s.type !== "http_request";
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const reported = new Set<string>();
  const visit = (id: string) => {
    const s = steps.get(id);
    if (!s || pausesForSomeone(s)) return;
    const st = state.get(id);
    if (st === "done") return;
    if (st === "visiting") {
      const cycle = stack.slice(stack.indexOf(id));
      const call = cycle.find((c) => steps.get(c)?.type === "http_request");
      if (call && !reported.has(call)) {
        reported.add(call);
        problems.push(
          problem(
            "HTTP_REQUEST_LOOP",
            `${stepName(steps.get(call)!)} is in a loop with nothing but HTTP requests: it would call the API again and again. Add a Delay or a question in the loop.`,
            { stepId: call },
          ),
        );
      }
      return;
    }
    state.set(id, "visiting");
    stack.push(id);
    for (const t of Object.values(outputs.get(id) ?? {})) if (t) visit(t);
    stack.pop();
    state.set(id, "done");
  };
  for (const id of steps.keys()) visit(id);
}

/**
 * Templates that read something that will be empty: an unknown path; a `vars.KEY` that no step
 * upstream writes; a `fields.KEY` the workspace has no custom field for; a `bot.KEY` none of the bots
 * running the flow has. `tracker.*` is never checked (any deep-link key may come). A default
 * (`| "…"`) says the author expects it to be missing, so it silences all but the unknown-path case.
 */
function reportUnknownVariables(
  steps: Map<string, Step>,
  outputs: Map<string, Record<string, string | null>>,
  env: CompileEnvironment,
  problems: Problem[],
) {
  const links: Link[] = [];
  for (const [source, record] of outputs)
    for (const target of Object.values(record)) if (target) links.push({ source, target });
  const scopes = variableScopes(declaredWrites([...steps.values()]), links);
  const customKeys = env.customFields ? new Set(env.customFields.map((f) => f.key)) : null;
  const botKeys = env.botVariableKeys ? new Set(env.botVariableKeys) : null;
  for (const s of steps.values()) {
    const templates = stepTemplates(s);
    if (!templates.some((t) => t.includes("{{"))) continue;
    const inScope = scopes.get(s.id) ?? new Set<string>();
    const reported = new Set<string>();
    for (const t of templates)
      for (const ref of templateReferences(t)) {
        const why = unknownReason(ref.path, ref.hasDefault, inScope, customKeys, botKeys);
        if (!why) continue;
        const spot = templateSpot(s.config, t, ref.path);
        const key = `${spot ?? ""}\u0000${ref.path}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const where = spot ? `${stepName(s)}, ${spotLabel(spot)}` : stepName(s);
        problems.push(
          problem("UNKNOWN_VARIABLE", `${where}: {{${ref.path}}} ${why}; it will be empty.`, {
            stepId: s.id,
            ...(spot ? { path: spot } : {}),
          }),
        );
      }
  }
}

function unknownReason(
  path: string,
  hasDefault: boolean,
  written: ReadonlySet<string>,
  customKeys: Set<string> | null,
  botKeys: Set<string> | null,
): string | null {
  if (!isKnownPath(path)) return "is not a known variable";
  if (hasDefault) return null;
  const dot = path.indexOf(".");
  const root = path.slice(0, dot);
  const key = path.slice(dot + 1);
  if ((root === "vars" || root === "variables") && !written.has(key))
    return "is not set by any step before this one";
  if (root === "fields" && customKeys && !customKeys.has(key))
    return "is not a custom field of this workspace";
  if (root === "bot" && botKeys && !botKeys.has(key)) return "is not a variable of any bot running this flow";
  return null;
}

/** The workspace's definitions of the custom fields the flow uses, kept with the version. */
function referencedFields(steps: Map<string, Step>, env: CompileEnvironment) {
  const out: Record<string, CustomFieldDefinition> = {};
  const keep = (key: string) => {
    const definition = env.customFields?.find((f) => f.key === key);
    if (definition) out[key] = definition;
  };
  for (const s of steps.values()) {
    if (s.type === "update_contact" && s.config.field.kind === "custom") keep(s.config.field.key);
    if (s.type === "condition")
      for (const b of s.config.branches)
        for (const r of b.rules) if (r.subject.startsWith("fields.")) keep(r.subject.slice(7));
    if (s.type === "set_values")
      for (const op of s.config.operations)
        if (op.kind === "set" && op.target.startsWith("fields.")) keep(op.target.slice(7));
    for (const rule of s.audience?.rules ?? [])
      if (rule.kind === "field" && rule.field.kind === "custom") keep(rule.field.key);
  }
  return out;
}
