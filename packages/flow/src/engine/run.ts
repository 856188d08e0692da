import { audienceMatches } from "../audience";
import { type CompiledFlow, type CompiledStep, normalizeAlias } from "../compiler/compiled";
import { applyTags, type ContactFacts, withFieldValue } from "../contact-fields";
import { type FormattedText, renderFormatted } from "../format";
import { isPressableButton } from "../steps/buttons";
import { type Duration, durationMs, type Media } from "../steps/common";
import { FALLBACK_HANDLE, TIMEOUT_HANDLE } from "../steps/define-step";
import { stepRegistry } from "../steps/registry";
import type { TemplateContext } from "../template";
import { renderTemplate } from "../template";
import { decodeCallbackData } from "./callback-data";
import type { SideEffect, StepHandler, StepIO, StepSignal, Transition, UserInput } from "./step-io";
import {
  type ConversationState,
  type ConversationStatus,
  type EngineContext,
  type EngineEvent,
  type EngineResult,
  type InboundEvent,
  type Keyboard,
  normalizeState,
  type OutboundAction,
  type Pending,
  type TimerRequest,
} from "./types";

/** Steps one event may pass through before the engine stops (guards against runaway chains). */
export const MAX_STEPS_PER_EVENT = 100;

const handlerOf = (step: CompiledStep) => stepRegistry[step.type].handler as unknown as StepHandler<unknown>;

/**
 * The engine: (compiled flow, state, inbound event, context) -> (new state and status, outbound actions,
 * timers, events). Pure and synchronous: no I/O, no clock, no randomness. The same function drives
 * Telegram (runtime), the server core (operator actions, timers) and the builder's test chat.
 */
export function runEngine(
  flow: CompiledFlow,
  previous: ConversationState,
  event: InboundEvent,
  ctx: EngineContext,
): EngineResult {
  const run = new EngineRun(flow, normalizeState(previous), ctx);
  run.handle(event);
  return run.result();
}

class EngineRun {
  private readonly actions: OutboundAction[] = [];
  private readonly events: EngineEvent[] = [];
  private readonly timers: TimerRequest[] = [];
  private readonly cancelTimers: string[] = [];
  private status: ConversationStatus;
  /** The contact, with what this event's steps changed (Update contact) applied. */
  private contact: ContactFacts;
  private template: Omit<TemplateContext, "vars">;
  private readonly io: StepIO;

  constructor(
    private readonly flow: CompiledFlow,
    private readonly state: ConversationState,
    private readonly ctx: EngineContext,
  ) {
    this.status = ctx.status;
    this.contact = structuredClone(ctx.contact);
    this.template = { ...ctx.template, fields: { ...ctx.template.fields } };
    const run = this;
    this.io = {
      render: (template, escapeValue) =>
        renderTemplate(template, { ...this.template, vars: this.state.vars }, escapeValue),
      renderMessage: (template) => renderFormatted(template, { ...this.template, vars: this.state.vars }),
      send: (text, options = {}) => this.send(text, options.keyboard, options.media),
      setVar: (name, value) => {
        this.state.vars[name] = value;
        this.events.push({ type: "variable_set", name, value });
      },
      rejected: () => {
        if (this.state.stepId) this.events.push({ type: "answer_rejected", stepId: this.state.stepId });
      },
      act: (effect) => this.act(effect),
      newId: () => `${this.state.stepId ?? "flow"}:${++this.state.seq}`,
      startTimer: (id, delayMs) => {
        this.timers.push({ id, stepId: this.state.stepId ?? "", delayMs });
      },
      cancelTimer: (id) => {
        this.cancelTimers.push(id);
      },
      waitFor: (kind, id) => {
        this.state.pending = { kind, id };
      },
      setStatus: (status) => this.setStatus(status),
      get contact() {
        return run.contact;
      },
      settings: ctx.settings,
      random: () => {
        const r = ctx.random ? ctx.random() : 0;
        return Number.isFinite(r) && r >= 0 && r < 1 ? r : 0;
      },
      get splits() {
        return run.state.splits ?? {};
      },
      rememberSplit: (branchId) => {
        const stepId = this.state.stepId;
        if (!stepId) return;
        this.state.splits = { ...this.state.splits, [stepId]: branchId };
        this.events.push({ type: "split_chosen", stepId, branchId });
      },
      get vars() {
        return run.state.vars;
      },
      customField: (key) => this.flow.contactFields?.[key],
    };
  }

  result(): EngineResult {
    return {
      state: this.state,
      status: this.status,
      actions: this.actions,
      timers: this.timers,
      cancelTimers: this.cancelTimers,
      events: this.events,
    };
  }

  handle(event: InboundEvent): void {
    // A call's result for a step the conversation has left is stale, whatever the status: it changes nothing.
    if (event.type === "http_result" && this.state.pending?.id !== event.requestId) return;
    // Nobody can be reached: the flow stays silent. The runtime still stores what the user sent.
    if (this.status === "blocked") return this.answerCallbackSilently(event);
    // A human has the conversation: only the operator side of it is handled here.
    if (this.status === "operator") return this.withOperator(event);
    // A closed conversation reopens on the next event.
    if (this.status === "closed") this.setStatus("bot");

    switch (event.type) {
      case "start":
        return this.start(event.payload);
      case "text":
        return this.text(event.text);
      case "callback":
        return this.callback(event.data, event.callbackQueryId);
      case "contact":
        return this.answer({ kind: "contact", phone: event.phone, own: event.own ?? true });
      case "timer":
        return this.timer(event.timerId, event.stepId);
      case "schedule_fired":
        if (this.state.stepId === event.stepId && this.state.waiting)
          this.resume({ kind: "schedule_fired", runAt: event.runAt });
        return;
      case "login_result":
        if (this.state.pending?.kind === "login" && this.state.pending.id === event.loginId)
          this.resume({ kind: "login_result", loginId: event.loginId, ok: event.ok });
        return;
      case "flow_entered":
        // A Go to flow step switched the conversation into this flow (the core did the switch).
        return this.goTo(event.stepId ?? this.flow.entryStepId);
      case "http_result":
        if (this.state.pending?.kind === "http" && this.state.pending.id === event.requestId)
          this.resume({ ...event, kind: "http_result" });
        return;
      case "operator_unavailable":
      case "operator_joined":
      case "operator_returned":
      case "operator_closed":
        // The conversation is no longer with an operator (it timed out or was closed): stale.
        return;
    }
  }

  /* ---- the operator side (PRODUCT.md §4) ---- */

  private withOperator(event: InboundEvent): void {
    switch (event.type) {
      case "text":
        if (normalizeAlias(event.text) === "/end") this.endOperatorChat("user_ended");
        return;
      case "operator_joined": {
        // Taken: the maximum waiting time no longer applies.
        this.leaveWaitingState();
        const { texts, showOperatorName } = this.ctx.settings.operator;
        const connected = this.io.render(texts.connected);
        if (connected.trim())
          this.send(
            showOperatorName && event.operatorName
              ? `${event.operatorName} ${connected}`
              : capitalizeFirst(connected),
          );
        if (texts.howToEnd.trim()) this.send(this.io.render(texts.howToEnd));
        return;
      }
      case "operator_closed":
        return this.endOperatorChat(event.reason === "idle" ? "idle" : "closed");
      case "operator_returned": {
        this.act({ type: "release_operator", reason: "returned" });
        if (this.currentStep()?.type === "route_to_operator" && this.state.waiting)
          return this.resume({ kind: "operator_returned", targetStepId: event.targetStepId });
        this.setStatus("bot");
        if (event.targetStepId) this.goTo(event.targetStepId);
        return;
      }
      case "operator_unavailable":
        if (this.state.pending?.kind === "operator") this.resume({ kind: "operator_unavailable" });
        return;
      case "timer":
        if (this.state.pending?.kind === "operator" && this.state.pending.id === event.timerId)
          this.resume({ kind: "timer", timerId: event.timerId }, event.timerId);
        return;
      default:
        return this.answerCallbackSilently(event);
    }
  }

  /** /end from the user, or Close from the operator: the consultation is over. */
  private endOperatorChat(reason: "user_ended" | "closed" | "idle"): void {
    this.leaveWaitingState();
    this.act({ type: "release_operator", reason });
    const completed = this.ctx.settings.operator.texts.completed;
    if (completed.trim()) this.send(this.io.render(completed));
    this.setStatus("closed");
    // The next message starts the flow afresh (variables are kept).
    this.state.stepId = null;
    this.state.waiting = false;
  }

  private answerCallbackSilently(event: InboundEvent): void {
    if (event.type === "callback")
      this.actions.push({ type: "answer_callback", callbackQueryId: event.callbackQueryId });
  }

  /* ---- the user's side ---- */

  private start(payload: string | undefined): void {
    if (payload) this.events.push({ type: "deep_link", payload });
    this.goTo(this.flow.aliases["/start"] ?? this.flow.entryStepId);
  }

  private text(text: string): void {
    const normalized = normalizeAlias(text);
    const startCommand = /^\/start(?:\s+(\S+))?$/.exec(normalized);
    if (startCommand) return this.start(text.trim().split(/\s+/)[1]);
    const aliasTarget = this.flow.aliases[normalized];
    if (aliasTarget) {
      if (this.aliasesAllowed()) return this.goTo(aliasTarget);
      this.events.push({ type: "alias_ignored", stepId: this.state.stepId ?? "" });
    }
    if (this.state.stepId === null) {
      if (this.ctx.settings.waitForStart) return this.send(this.ctx.settings.beforeStartText);
      return this.goTo(this.flow.entryStepId);
    }
    this.answer({ kind: "text", text });
  }

  /** A waiting step may shut aliases out (a Delay without "let aliases interrupt"). */
  private aliasesAllowed(): boolean {
    const step = this.currentStep();
    if (!step || !this.state.waiting) return true;
    return handlerOf(step).allowsAliases?.(step) ?? true;
  }

  private callback(data: string, callbackQueryId: string): void {
    const answer: Extract<OutboundAction, { type: "answer_callback" }> = {
      type: "answer_callback",
      callbackQueryId,
    };
    this.actions.push(answer);
    const decoded = decodeCallbackData(data);
    const step = decoded ? this.flow.steps[decoded.stepId] : undefined;
    if (!decoded || step?.type !== "buttons" || !isPressableButton(step.config, decoded.buttonId)) {
      // An old keyboard from a previous version of the flow: tell the user instead of doing nothing.
      answer.text = this.ctx.settings.staleButtonText;
      return;
    }
    // Pressing a button of an earlier message still works: the button knows its own step.
    if (step.id !== this.state.stepId) this.leaveWaitingState();
    this.state.stepId = step.id;
    this.state.waiting = true;
    this.answer({ kind: "button", buttonId: decoded.buttonId });
  }

  private answer(input: UserInput): void {
    const step = this.currentStep();
    if (!step || !this.state.waiting) return; // the flow has ended: nothing waits for an answer
    const receive = handlerOf(step).receive;
    if (!receive) return; // the step waits for something else (a schedule, a login)
    this.follow(receive(step, input, this.io));
  }

  /* ---- signals for the waiting step ---- */

  private timer(timerId: string, stepId: string): void {
    const pending = this.state.pending;
    if (!pending || pending.id !== timerId || this.state.stepId !== stepId || !this.state.waiting) return;
    const step = this.currentStep();
    if (!step) return;
    if (pending.kind === "timer") {
      // The step's "no answer within" timeout.
      this.events.push({ type: "step_timed_out", stepId: step.id });
      const target = step.outputs[TIMEOUT_HANDLE] ?? null;
      this.outputTaken(step, TIMEOUT_HANDLE, target);
      this.goTo(target, timerId);
      return;
    }
    this.resume({ kind: "timer", timerId }, timerId);
  }

  /** Hands a signal to the waiting step's handler; a null answer means it was not for this step. */
  private resume(signal: StepSignal, firedTimerId?: string): void {
    const step = this.currentStep();
    const resume = step && handlerOf(step).resume;
    if (!step || !resume) return;
    const transition = resume(step, signal, this.io);
    if (transition) this.follow(transition, firedTimerId);
  }

  /** A waiting step's answer: stay, or leave it (through an output) for the next step. */
  private follow(transition: Transition, firedTimerId?: string): void {
    if (!("go" in transition)) return;
    const step = this.currentStep();
    if (step) this.outputTaken(step, transition.output, transition.go);
    this.goTo(transition.go, firedTimerId);
  }

  /**
   * Reports the output a step was left through (`output_taken`, for the per-output counts). A handler
   * that doesn't name it left through the one output leading to the target; null: not along an output.
   */
  private outputTaken(step: CompiledStep, output: string | null | undefined, target: string | null): void {
    const handle = output === undefined ? soleOutputTo(step, target) : output;
    if (handle === null) return;
    this.events.push({ type: "output_taken", stepId: step.id, output: handle, targetStepId: target });
  }

  /** Forgets what the current step waited for; its timer must not fire any more (unless it just did). */
  private leaveWaitingState(firedTimerId?: string): void {
    const pending: Pending | null = this.state.pending;
    if (pending && pending.id !== firedTimerId) this.cancelTimers.push(pending.id);
    this.state.pending = null;
  }

  /* ---- the step loop ---- */

  /** Enters steps one after another until one waits or the chain ends. */
  private goTo(firstStepId: string | null, firedTimerId?: string): void {
    this.leaveWaitingState(firedTimerId);
    let stepId = firstStepId;
    this.state.waiting = false;
    for (let budget = MAX_STEPS_PER_EVENT; stepId !== null; budget--) {
      const step = this.flow.steps[stepId];
      if (!step) {
        this.events.push({ type: "step_missing", stepId });
        return;
      }
      if (budget === 0) {
        this.events.push({ type: "step_limit_reached", stepId });
        return;
      }
      if (step.audience && !audienceMatches(step.audience, this.contact)) {
        this.events.push({ type: "audience_skipped", stepId: step.id });
        stepId = step.outputs[FALLBACK_HANDLE] ?? null;
        this.outputTaken(step, FALLBACK_HANDLE, stepId);
        continue;
      }
      this.state.stepId = step.id;
      this.events.push({ type: "step_reached", stepId: step.id });
      const entered = handlerOf(step).enter(step, this.io);
      if (entered.wait) {
        this.state.waiting = true;
        this.startStepTimeout(step);
        return;
      }
      this.outputTaken(step, entered.output, entered.next);
      stepId = entered.next;
    }
  }

  /** A waiting step with a "no answer within" timeout gets its timer (unless it waits on its own). */
  private startStepTimeout(step: CompiledStep): void {
    const timeout = (step.config as { timeout?: Duration }).timeout;
    if (!timeout || this.state.pending || step.type === "login") return;
    const id = this.io.newId();
    this.io.startTimer(id, durationMs(timeout));
    this.io.waitFor("timer", id);
  }

  private currentStep(): CompiledStep | undefined {
    return this.state.stepId ? this.flow.steps[this.state.stepId] : undefined;
  }

  /* ---- effects ---- */

  private setStatus(status: ConversationStatus): void {
    if (status === this.status) return;
    this.events.push({ type: "status_changed", from: this.status, to: status });
    this.status = status;
  }

  private act(effect: SideEffect): void {
    this.actions.push(effect);
    if (effect.type !== "update_contact") return;
    // Later steps of the same event (templates, audience filters) see the new values.
    let contact = this.contact;
    for (const [key, value] of Object.entries(effect.set))
      contact = withFieldValue(
        contact,
        { kind: "contact", key: key as keyof typeof effect.set },
        value ?? "",
      );
    for (const [key, value] of Object.entries(effect.fields)) {
      contact = withFieldValue(contact, { kind: "custom", key }, value);
      this.template.fields[key] = value;
    }
    if (effect.set.first_name !== undefined) this.template.name = effect.set.first_name;
    this.contact = { ...contact, tags: applyTags(contact.tags, effect.addTags, effect.removeTags) };
  }

  /** Queues a message and keeps track of the reply keyboard on the user's screen. */
  private send(message: string | FormattedText, keyboard?: Keyboard, media?: Media): void {
    const { text, entities } = typeof message === "string" ? { text: message, entities: [] } : message;
    let markup = keyboard;
    if (markup?.kind === "reply") this.state.replyKeyboardShown = true;
    else if (!markup && this.state.replyKeyboardShown) {
      markup = { kind: "remove" };
      this.state.replyKeyboardShown = false;
    }
    this.actions.push({
      type: "send_message",
      text,
      ...(entities.length ? { entities } : {}),
      stepId: this.state.stepId,
      ...(markup ? { keyboard: markup } : {}),
      ...(media ? { media } : {}),
    });
  }
}

/**
 * The output of `step` that leads to `target`, when exactly one does (null target: the one unconnected
 * output, e.g. a lone Next); otherwise null, since the move can't be told apart.
 */
function soleOutputTo(step: CompiledStep, target: string | null): string | null {
  let found: string | null = null;
  for (const [handle, to] of Object.entries(step.outputs)) {
    if ((to ?? null) !== target) continue;
    if (found !== null) return null;
    found = handle;
  }
  return found;
}

/**
 * The default "connected" text is written to follow the operator's name ("Julia connected to chat");
 * standing alone it starts a sentence, so its first letter is raised ("Connected to chat").
 */
export function capitalizeFirst(text: string): string {
  const first = text.trimStart().charAt(0);
  const at = text.length - text.trimStart().length;
  return first ? text.slice(0, at) + first.toLocaleUpperCase() + text.slice(at + 1) : text;
}
