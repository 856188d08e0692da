import type { TemplateContext } from "../template";

export type ConversationStatus = "bot" | "operator" | "closed" | "blocked";

/** What the engine remembers between two updates of one conversation. Plain JSON, stored as is. */
export interface ConversationState {
  status: ConversationStatus;
  /** The step the conversation is at: the one waiting for an answer, or the last one reached. */
  stepId: string | null;
  /** True while `stepId` waits for the user's answer. */
  waiting: boolean;
  /** Values collected in this conversation: `{{vars.KEY}}`. */
  vars: Record<string, string>;
  /** A reply keyboard is on the user's screen, so the next plain message should remove it. */
  replyKeyboardShown: boolean;
}

export const initialState = (): ConversationState => ({
  status: "bot",
  stepId: null,
  waiting: false,
  vars: {},
  replyKeyboardShown: false,
});

/** Telegram-agnostic inbound events; the runtime's adapter maps updates onto these. */
export type InboundEvent =
  | { type: "start"; payload?: string }
  | { type: "text"; text: string }
  | { type: "callback"; data: string; callbackQueryId: string }
  | { type: "contact"; phone: string }
  | { type: "timer"; timerId: string; stepId: string };

export type InlineButton = { label: string; callbackData: string } | { label: string; url: string };

export type Keyboard =
  | { kind: "inline"; rows: InlineButton[][] }
  | { kind: "reply"; rows: string[][] }
  | { kind: "remove" };

export type OutboundAction =
  | { type: "send_message"; text: string; keyboard?: Keyboard; stepId: string | null }
  | { type: "answer_callback"; callbackQueryId: string; text?: string };

/** A timer the runtime must schedule; when it fires it comes back as a `timer` event. */
export interface TimerRequest {
  id: string;
  stepId: string;
  delayMs: number;
}

/** Facts for analytics, logs and webhooks; they change nothing by themselves. */
export type EngineEvent =
  | { type: "step_reached"; stepId: string }
  | { type: "variable_set"; name: string; value: string }
  | { type: "deep_link"; payload: string }
  | { type: "answer_rejected"; stepId: string }
  | { type: "step_limit_reached"; stepId: string };

export interface EngineSettings {
  /** When on, a new user must send /start first; anything else gets `beforeStartText`. */
  waitForStart: boolean;
  beforeStartText: string;
  staleButtonText: string;
}

export const defaultEngineSettings: EngineSettings = {
  waitForStart: false,
  beforeStartText: "Press /start to talk.",
  staleButtonText: "This button is no longer available.",
};

export interface EngineContext {
  /** Everything but `vars`, which comes from the state. */
  template: Omit<TemplateContext, "vars">;
  settings: EngineSettings;
}

export interface EngineResult {
  state: ConversationState;
  actions: OutboundAction[];
  timers: TimerRequest[];
  /** Timer ids that must no longer fire. */
  cancelTimers: string[];
  events: EngineEvent[];
}
