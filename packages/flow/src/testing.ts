/**
 * Test fixtures for flows, shared by every suite that needs them (this package's tests, the step
 * slices' tests, the runtime's and the API's integration tests): `@switchboard/flow/testing`.
 * Builders make raw (unparsed) documents, as an import or the builder would send them.
 */

import { expect } from "vitest";
import {
  type CompiledFlow,
  type CompileEnvironment,
  type ContactFacts,
  type ConversationState,
  type ConversationStatus,
  compileDraft,
  defaultEngineSettings,
  type EngineContext,
  type EngineResult,
  type EngineSettings,
  emptyContactFacts,
  type InboundEvent,
  initialState,
  type OutboundAction,
  PROBLEM_CODES,
  type ProblemCode,
  runEngine,
} from "./index";

type Extra = { title?: string; aliases?: string[]; audience?: unknown };

export const textStep = (id: string, text: string, extra: Extra = {}) => ({
  id,
  type: "text",
  config: { text },
  ...extra,
});

export type RawButton =
  | { id: string; kind: "goto"; label: string }
  | { id: string; kind: "url"; label: string; url: string };

export const goto = (id: string, label: string): RawButton => ({ id, kind: "goto", label });
export const link = (id: string, label: string, url: string): RawButton => ({ id, kind: "url", label, url });

export const buttonsStep = (
  id: string,
  text: string,
  buttons: RawButton[],
  config: Record<string, unknown> = {},
  extra: Extra = {},
) => ({ id, type: "buttons", config: { text, buttons, ...config }, ...extra });

export const freeInputStep = (
  id: string,
  text: string,
  variable: string,
  config: Record<string, unknown> = {},
  extra: Extra = {},
) => ({ id, type: "free_input", config: { text, variable, ...config }, ...extra });

export const updateContactStep = (
  id: string,
  text: string,
  config: Record<string, unknown> = {},
  extra: Extra = {},
) => ({
  id,
  type: "update_contact",
  config: { text, ...config },
  ...extra,
});

export const routeStep = (
  id: string,
  text = "Connecting you…",
  config: Record<string, unknown> = {},
  extra: Extra = {},
) => ({
  id,
  type: "route_to_operator",
  config: { text, ...config },
  ...extra,
});

export const createLeadStep = (id: string, config: Record<string, unknown> = {}, extra: Extra = {}) => ({
  id,
  type: "create_lead",
  config,
  ...extra,
});

export const scheduleStep = (
  id: string,
  text: string,
  config: Record<string, unknown> = {},
  extra: Extra = {},
) => ({
  id,
  type: "schedule",
  config: { text, startAt: "2026-12-07T09:00", ...config },
  ...extra,
});

export const loginStep = (
  id: string,
  text = "Please log in",
  config: Record<string, unknown> = {},
  extra: Extra = {},
) => ({
  id,
  type: "login",
  config: { text, ...config },
  ...extra,
});

export const delayStep = (id: string, config: Record<string, unknown> = {}, extra: Extra = {}) => ({
  id,
  type: "delay",
  config: { amount: 30, unit: "seconds", ...config },
  ...extra,
});

export const goToFlowStep = (
  id: string,
  flowId: string,
  stepId: string | null = null,
  extra: Extra = {},
) => ({
  id,
  type: "go_to_flow",
  config: { flowId, stepId },
  ...extra,
});
export const sendWebhookStep = (
  id: string,
  url: string,
  config: Record<string, unknown> = {},
  extra: Extra = {},
) => ({ id, type: "send_webhook", config: { url, ...config }, ...extra });
export const httpStep = (
  id: string,
  url: string,
  config: Record<string, unknown> = {},
  extra: Extra = {},
) => ({
  id,
  type: "http_request",
  config: { url, ...config },
  ...extra,
});

/** A stored file attached to a step (any uuid; the size decides the limit checks). */
export const media = (
  kind: "photo" | "video" | "audio" | "document" = "photo",
  size = 1000,
  name = "pic.jpg",
) => ({
  fileId: "00000000-0000-4000-8000-000000000001",
  kind,
  name,
  size,
  mimeType: kind === "photo" ? "image/jpeg" : "application/octet-stream",
});

/** [source, sourceHandle, target] */
export type RawEdge = [string, string, string];

/** A flow document; the entry step defaults to the first step's id. */
export function flowDoc(steps: unknown[], edges: RawEdge[] = [], entryStepId?: string | null) {
  const first = steps[0] as { id?: string } | undefined;
  return {
    format: "switchboard.flow",
    version: 1,
    entryStepId: entryStepId === undefined ? (first?.id ?? null) : entryStepId,
    steps,
    edges: edges.map(([source, sourceHandle, target], i) => ({
      id: `e${i + 1}`,
      source,
      sourceHandle,
      target,
    })),
  };
}

/** Compiles a document that must be publishable; the thrown error lists the problems otherwise. */
export function compileOk(raw: unknown, env: CompileEnvironment = {}): CompiledFlow {
  const result = compileDraft(raw, env);
  if (!result.ok) throw new Error(`expected the flow to compile: ${JSON.stringify(result.problems)}`);
  return result.flow;
}

/** One row of a table of compiler problem cases (every code has at least one, see compiler.test.ts). */
export interface ProblemCase {
  code: ProblemCode;
  /** What the case shows, for the test name. */
  what: string;
  severity: "error" | "warning";
  /** The step the problem must point at (undefined: the problem is about the document or an edge). */
  stepId: string | undefined;
  doc: unknown;
  env?: CompileEnvironment;
}

/* Engine helpers. */

export function makeCtx(
  settings: Partial<EngineSettings> = {},
  template: Partial<EngineContext["template"]> = {},
  over: { status?: ConversationStatus; contact?: Partial<ContactFacts> } = {},
): EngineContext {
  return {
    status: over.status ?? "bot",
    contact: { ...emptyContactFacts(), firstName: "Ann", ...over.contact },
    template: {
      name: "Ann",
      username: "ann",
      chatId: "42",
      createdAt: "2026-01-01",
      fields: {},
      bot: {},
      tracker: {},
      ...template,
    },
    settings: { ...defaultEngineSettings, ...settings },
  };
}

/** Runs events one after another, threading the state; returns every result. */
export function drive(
  flow: CompiledFlow,
  events: InboundEvent[],
  state: ConversationState = initialState(),
  ctx: EngineContext = makeCtx(),
): { results: EngineResult[]; state: ConversationState; last: EngineResult } {
  const results: EngineResult[] = [];
  let current = state;
  for (const event of events) {
    const result = runEngine(flow, current, event, ctx);
    results.push(result);
    current = result.state;
  }
  const last = results[results.length - 1];
  if (!last) throw new Error("drive() needs at least one event");
  return { results, state: current, last };
}

export const texts = (actions: OutboundAction[]) =>
  actions.flatMap((a) => (a.type === "send_message" ? [a.text] : []));

export const sends = (actions: OutboundAction[]) =>
  actions.filter((a): a is Extract<OutboundAction, { type: "send_message" }> => a.type === "send_message");

export const stateAt = (stepId: string | null, over: Partial<ConversationState> = {}): ConversationState => ({
  ...initialState(),
  stepId,
  ...over,
});

export const text = (t: string): InboundEvent => ({ type: "text", text: t });
export const press = (data: string, callbackQueryId = "cq1"): InboundEvent => ({
  type: "callback",
  data,
  callbackQueryId,
});
export const start = (payload?: string): InboundEvent =>
  payload === undefined ? { type: "start" } : { type: "start", payload };

/** Small deterministic PRNG (mulberry32) for the property tests. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}

/** Compiles a problem case and checks the problem is reported as the case says. */
export function expectProblemCase({ code, severity, stepId, doc, env }: ProblemCase) {
  const result = compileDraft(doc, env);
  const found = result.problems.filter((p) => p.code === code);
  expect(found.length, JSON.stringify(result.problems)).toBeGreaterThan(0);
  const p = found[0]!;
  expect(p.severity).toBe(severity);
  expect(PROBLEM_CODES[code]).toBe(severity);
  expect(p.stepId).toBe(stepId);
  expect(p.message.trim().length).toBeGreaterThan(10);
  if (severity === "error") {
    expect(result.ok).toBe(false);
    expect(result.flow).toBeNull();
  } else {
    // Warning cases are otherwise valid: warnings never block publishing.
    expect(result.problems.filter((x) => x.severity === "error")).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.flow).not.toBeNull();
  }
}

export const actionsOf = <T extends OutboundAction["type"]>(actions: OutboundAction[], type: T) =>
  actions.filter((a): a is Extract<OutboundAction, { type: T }> => a.type === type);

export type RawRule = { subject: string; op: string; value?: string };
export type RawBranch = { id: string; name: string; combine?: "all" | "any"; rules: RawRule[] };

export const conditionStep = (id: string, branches: RawBranch[], extra: Extra = {}) => ({
  id,
  type: "condition",
  config: { branches },
  ...extra,
});

export const setValuesStep = (id: string, operations: unknown[], extra: Extra = {}) => ({
  id,
  type: "set_values",
  config: { operations },
  ...extra,
});

export const randomSplitStep = (
  id: string,
  branches: { id: string; label: string; weight?: number }[],
  extra: Extra = {},
) => ({ id, type: "random_split", config: { branches }, ...extra });
