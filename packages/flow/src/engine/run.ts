import { type CompiledFlow, type CompiledStep, normalizeAlias } from "../compiler/compiled";
import { renderTemplate } from "../template";
import { decodeCallbackData } from "./callback-data";
import { type StepHandler, type StepIO, stepHandlers, type Transition, type UserInput } from "./handlers";
import type {
  ConversationState,
  EngineContext,
  EngineEvent,
  EngineResult,
  InboundEvent,
  Keyboard,
  OutboundAction,
} from "./types";

/** Steps one event may pass through before the engine stops (guards against runaway chains). */
export const MAX_STEPS_PER_EVENT = 100;

const handlerOf = (step: CompiledStep) =>
  stepHandlers[step.type] as unknown as StepHandler<CompiledStep["type"]>;

/**
 * The engine: (compiled flow, state, inbound event) -> (new state, outbound actions, timers, events).
 * Pure and synchronous: no I/O, no clock, no randomness. The same function drives Telegram (runtime)
 * and the builder's test chat.
 */
export function runEngine(
  flow: CompiledFlow,
  previous: ConversationState,
  event: InboundEvent,
  ctx: EngineContext,
): EngineResult {
  const run = new EngineRun(flow, structuredClone(previous), ctx);
  run.handle(event);
  return run.result();
}

class EngineRun {
  private readonly actions: OutboundAction[] = [];
  private readonly events: EngineEvent[] = [];
  private readonly io: StepIO;

  constructor(
    private readonly flow: CompiledFlow,
    private readonly state: ConversationState,
    private readonly ctx: EngineContext,
  ) {
    this.io = {
      render: (template) => renderTemplate(template, { ...this.ctx.template, vars: this.state.vars }),
      send: (text, keyboard) => this.send(text, keyboard),
      setVar: (name, value) => {
        this.state.vars[name] = value;
        this.events.push({ type: "variable_set", name, value });
      },
      rejected: () => {
        if (this.state.stepId) this.events.push({ type: "answer_rejected", stepId: this.state.stepId });
      },
    };
  }

  result(): EngineResult {
    return { state: this.state, actions: this.actions, timers: [], cancelTimers: [], events: this.events };
  }

  handle(event: InboundEvent): void {
    // A human (or nobody) has this conversation: the flow stays silent. The runtime stores the message.
    if (this.state.status === "operator" || this.state.status === "blocked") {
      if (event.type === "callback")
        this.actions.push({ type: "answer_callback", callbackQueryId: event.callbackQueryId });
      return;
    }
    if (this.state.status === "closed") this.state.status = "bot";

    switch (event.type) {
      case "start":
        return this.start(event.payload);
      case "text":
        return this.text(event.text);
      case "callback":
        return this.callback(event.data, event.callbackQueryId);
      case "contact":
        return this.answer({ kind: "contact", phone: event.phone });
      case "timer":
        // No step type sets timers yet; a timer for a step the user has left is stale and ignored.
        return;
    }
  }

  private start(payload: string | undefined): void {
    if (payload) this.events.push({ type: "deep_link", payload });
    this.goTo(this.flow.aliases["/start"] ?? this.flow.entryStepId);
  }

  private text(text: string): void {
    const normalized = normalizeAlias(text);
    const startCommand = /^\/start(?:\s+(\S+))?$/.exec(normalized);
    if (startCommand) return this.start(text.trim().split(/\s+/)[1]);
    const aliasTarget = this.flow.aliases[normalized];
    if (aliasTarget) return this.goTo(aliasTarget);
    if (this.state.stepId === null) {
      if (this.ctx.settings.waitForStart) return this.send(this.ctx.settings.beforeStartText);
      return this.goTo(this.flow.entryStepId);
    }
    this.answer({ kind: "text", text });
  }

  private callback(data: string, callbackQueryId: string): void {
    this.actions.push({ type: "answer_callback", callbackQueryId });
    const decoded = decodeCallbackData(data);
    const step = decoded ? this.flow.steps[decoded.stepId] : undefined;
    const pressable =
      step?.type === "buttons" &&
      step.config.buttons.some((b) => b.id === decoded!.buttonId && b.kind === "goto");
    if (!step || !decoded || !pressable) {
      // An old keyboard from a previous version of the flow: tell the user instead of doing nothing.
      (this.actions[this.actions.length - 1] as { text?: string }).text = this.ctx.settings.staleButtonText;
      return;
    }
    // Pressing a button of an earlier message still works: the button knows its own step.
    this.state.stepId = step.id;
    this.state.waiting = true;
    this.answer({ kind: "button", buttonId: decoded.buttonId });
  }

  private answer(input: UserInput): void {
    const step = this.state.stepId ? this.flow.steps[this.state.stepId] : undefined;
    if (!step || !this.state.waiting) return; // the flow has ended: nothing waits for an answer
    const receive = handlerOf(step).receive;
    if (!receive) return;
    const transition: Transition = receive(step, input, this.io);
    if ("go" in transition) this.goTo(transition.go);
  }

  /** Enters steps one after another until one waits or the chain ends. */
  private goTo(firstStepId: string | null): void {
    let stepId = firstStepId;
    this.state.waiting = false;
    for (let budget = MAX_STEPS_PER_EVENT; stepId !== null; budget--) {
      const step = this.flow.steps[stepId];
      if (!step) return;
      if (budget === 0) {
        this.events.push({ type: "step_limit_reached", stepId });
        return;
      }
      this.state.stepId = step.id;
      this.events.push({ type: "step_reached", stepId: step.id });
      const entered = handlerOf(step).enter(step, this.io);
      if (entered.wait) {
        this.state.waiting = true;
        return;
      }
      stepId = entered.next;
    }
  }

  /** Queues a message and keeps track of the reply keyboard on the user's screen. */
  private send(text: string, keyboard?: Keyboard): void {
    let markup = keyboard;
    if (markup?.kind === "reply") this.state.replyKeyboardShown = true;
    else if (!markup && this.state.replyKeyboardShown) {
      markup = { kind: "remove" };
      this.state.replyKeyboardShown = false;
    }
    this.actions.push({
      type: "send_message",
      text,
      stepId: this.state.stepId,
      ...(markup ? { keyboard: markup } : {}),
    });
  }
}
