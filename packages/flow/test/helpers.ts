import {
  type CompiledFlow,
  type ConversationState,
  compileDraft,
  defaultEngineSettings,
  type EngineContext,
  type EngineResult,
  type EngineSettings,
  type InboundEvent,
  initialState,
  type OutboundAction,
  runEngine,
} from "../src/index";

/* Builders for raw (unparsed) flow documents, as an import or the builder would send them. */

type Extra = { title?: string; aliases?: string[] };

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
export function compileOk(raw: unknown): CompiledFlow {
  const result = compileDraft(raw);
  if (!result.ok) throw new Error(`expected the flow to compile: ${JSON.stringify(result.problems)}`);
  return result.flow;
}

/* Engine helpers. */

export function makeCtx(
  settings: Partial<EngineSettings> = {},
  template: Partial<EngineContext["template"]> = {},
): EngineContext {
  return {
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
