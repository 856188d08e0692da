import {
  type CompiledFlow,
  type ContactFacts,
  type ConversationState,
  type ConversationStatus,
  defaultEngineSettings,
  describeRepeat,
  type EngineContext,
  type EngineResult,
  emptyContactFacts,
  type InboundEvent,
  initialState,
  runEngine,
  stepRegistry,
  type TestStop,
  type TimerRequest,
} from "@switchboard/flow";
import type { ChatBubble, ReplyKey } from "@/components/chat/chat-view";
import { describeDuration } from "./fields/duration";
import { actionLine, applyContactUpdate, eventLine, messageBubbles, replyKeys } from "./test-chat-actions";

/* The builder's test chat as a pure model: one event in, the next chat state out. */

export interface ChatState {
  conversation: ConversationState;
  status: ConversationStatus;
  contact: ContactFacts;
  messages: ChatBubble[];
  replyKeyboard: ReplyKey[][] | null;
  /** The flow ended (nothing waits). */
  ended: boolean;
  /** Timers the engine asked for and hasn't cancelled or seen fire. */
  timers: TimerRequest[];
  /** An operator took the conversation (while its status is `operator`). */
  operatorJoined: boolean;
}

export const testContact = (): ContactFacts => ({
  ...emptyContactFacts(),
  firstName: "Test",
  lastName: "User",
});

export const emptyChat = (): ChatState => ({
  conversation: initialState(),
  status: "bot",
  contact: testContact(),
  messages: [],
  replyKeyboard: null,
  ended: false,
  timers: [],
  operatorJoined: false,
});

export function chatContext(chat: ChatState, botValues: Record<string, string> = {}): EngineContext {
  return {
    status: chat.status,
    contact: chat.contact,
    template: {
      name: "Test User",
      username: "test_user",
      chatId: "100001",
      createdAt: "2026-01-01T00:00:00.000Z",
      fields: chat.contact.fields,
      bot: botValues,
      tracker: {},
    },
    settings: defaultEngineSettings,
  };
}

export interface ChatEventOptions {
  newId: () => string;
  now: number;
  /** Where Random split steps draw, in [0, 1) (the chat passes Math.random; tests a fixed value). */
  random?: () => number;
  /** `{{bot.KEY}}` values (a bot running this flow; none by default). */
  botValues?: Record<string, string>;
  /** What the user "sent", shown as their bubble. */
  userText?: string;
  /** A system line saying what was simulated ("Operator joins"). */
  note?: string;
  /** Where a test run of a half-built flow stops (compileForTest), by the id the engine can't find. */
  stops?: Record<string, TestStop>;
}

const stepNameIn = (flow: CompiledFlow) => (stepId: string) => {
  const step = flow.steps[stepId];
  if (!step) return stepId;
  return step.title ? `“${step.title}”` : `the ${stepRegistry[step.type].label} step`;
};

/** The contact as the engine should see this event: a confirmed login links it before the flow runs. */
function contactBefore(chat: ChatState, event: InboundEvent): ContactFacts {
  const pending = chat.conversation.pending;
  if (event.type === "login_result" && event.ok && pending?.kind === "login" && pending.id === event.loginId)
    return { ...chat.contact, loggedIn: true };
  return chat.contact;
}

/** Runs one event through the engine and shows its result. An engine error becomes a system line. */
export function runChatEvent(
  chat: ChatState,
  flow: CompiledFlow,
  event: InboundEvent,
  opts: ChatEventOptions,
): ChatState {
  const system = (text: string): ChatBubble => ({ id: opts.newId(), from: "system", text });
  const messages = [...chat.messages];
  if (opts.note) messages.push(system(opts.note));
  if (opts.userText !== undefined)
    messages.push({ id: opts.newId(), from: "user", text: opts.userText, time: opts.now });
  const before = { ...chat, contact: contactBefore(chat, event) };
  let result: EngineResult;
  try {
    const ctx = chatContext(before, opts.botValues);
    result = runEngine(flow, before.conversation, event, opts.random ? { ...ctx, random: opts.random } : ctx);
  } catch (e) {
    messages.push(system(`The engine stopped: ${e instanceof Error ? e.message : String(e)}`));
    return { ...chat, messages };
  }
  return applyResult({ ...before, messages }, flow, event, result, opts);
}

function applyResult(
  chat: ChatState,
  flow: CompiledFlow,
  event: InboundEvent,
  result: EngineResult,
  opts: ChatEventOptions,
): ChatState {
  const system = (text: string): ChatBubble => ({ id: opts.newId(), from: "system", text });
  const { messages } = chat;
  let { contact, replyKeyboard } = chat;
  for (const action of result.actions) {
    if (action.type === "send_message") {
      messages.push(...messageBubbles(action, opts.newId, opts.now));
      if (action.keyboard?.kind === "reply") replyKeyboard = replyKeys(action.keyboard);
      else if (action.keyboard?.kind === "remove") replyKeyboard = null;
      continue;
    }
    if (action.type === "update_contact") contact = applyContactUpdate(contact, action);
    const line = actionLine(action);
    if (line) messages.push(system(line));
  }
  const stepName = stepNameIn(flow);
  for (const e of result.events) {
    if (e.type === "step_missing") {
      messages.push(stopBubble(opts.stops?.[e.stepId], e.stepId, opts.newId()));
      continue;
    }
    const line = eventLine(e, stepName);
    if (line) messages.push(system(line));
  }

  const fired = event.type === "timer" ? event.timerId : null;
  const timers = [
    ...chat.timers.filter((t) => t.id !== fired && !result.cancelTimers.includes(t.id)),
    ...result.timers,
  ];
  const { state } = result;
  const at = state.stepId ? flow.steps[state.stepId] : undefined;
  if (
    state.waiting &&
    at?.type === "schedule" &&
    (chat.conversation.stepId !== at.id || !chat.conversation.waiting)
  )
    messages.push(system(`Waiting for the schedule of ${stepName(at.id)} (${describeRepeat(at.config)})`));
  const answerTimer =
    state.pending?.kind === "timer" ? result.timers.find((t) => t.id === state.pending?.id) : null;
  if (answerTimer) messages.push(system(`Waiting up to ${waitText(answerTimer.delayMs)} for an answer`));
  const delay =
    state.pending?.kind === "delay" ? result.timers.find((t) => t.id === state.pending?.id) : null;
  if (delay) messages.push(system(`Waiting ${waitText(delay.delayMs)} (Delay)`));

  return {
    conversation: state,
    status: result.status,
    contact,
    messages,
    replyKeyboard,
    ended: !state.waiting,
    timers,
    operatorJoined: result.status === "operator" && (chat.operatorJoined || event.type === "operator_joined"),
  };
}

/** The line where a test run stops at a broken step: what is wrong, and the step to show. */
function stopBubble(stop: TestStop | undefined, missingId: string, id: string): ChatBubble {
  if (!stop)
    return { id, from: "system", text: `Stopped: the flow has no step “${missingId}” to continue at.` };
  return { id, from: "system", text: `Stopped. ${stop.message}`, stepId: stop.stepId };
}

function waitText(ms: number): string {
  if (ms % 60_000 !== 0) {
    const seconds = Math.max(1, Math.round(ms / 1000));
    return `${seconds} second${seconds === 1 ? "" : "s"}`;
  }
  if (ms % 86_400_000 === 0) return describeDuration({ amount: ms / 86_400_000, unit: "days" });
  if (ms % 3_600_000 === 0) return describeDuration({ amount: ms / 3_600_000, unit: "hours" });
  return describeDuration({ amount: Math.max(1, Math.round(ms / 60_000)), unit: "minutes" });
}

/** A button above the composer that feeds an event the outside world would send. */
export interface ChatControl {
  id: string;
  label: string;
  event: InboundEvent;
}

/** What can be simulated now: the operator's side, a login, a schedule run, a timer firing. */
export function chatControls(chat: ChatState, flow: CompiledFlow | null, now: number): ChatControl[] {
  if (!flow) return [];
  const out: ChatControl[] = [];
  const { conversation: c } = chat;
  if (chat.status === "operator") {
    if (!chat.operatorJoined)
      out.push(
        {
          id: "operator-joins",
          label: "Operator joins",
          event: { type: "operator_joined", operatorName: "Alex" },
        },
        { id: "no-operator", label: "No operator available", event: { type: "operator_unavailable" } },
      );
    out.push(
      { id: "operator-returns", label: "Operator returns to bot", event: { type: "operator_returned" } },
      { id: "operator-closes", label: "Operator closes", event: { type: "operator_closed" } },
    );
  }
  if (c.waiting && c.pending?.kind === "login") {
    const loginId = c.pending.id;
    out.push(
      { id: "login-ok", label: "Log in", event: { type: "login_result", loginId, ok: true } },
      { id: "login-refuse", label: "Refuse", event: { type: "login_result", loginId, ok: false } },
    );
  }
  const at = c.stepId ? flow.steps[c.stepId] : undefined;
  if (c.waiting && at?.type === "schedule")
    out.push({
      id: "schedule-now",
      label: "Run the schedule now",
      event: { type: "schedule_fired", stepId: at.id, runAt: new Date(now).toISOString() },
    });
  const timer = c.pending ? chat.timers.find((t) => t.id === c.pending?.id) : undefined;
  if (c.waiting && timer)
    out.push({
      id: "skip-wait",
      label: `Skip waiting (${waitText(timer.delayMs)})`,
      event: { type: "timer", timerId: timer.id, stepId: timer.stepId },
    });
  return out;
}
