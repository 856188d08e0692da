import type { ContactFacts, CustomFieldDefinition } from "../contact-fields";
import type { FormattedText } from "../format";
import type { Media } from "../steps/common";
import type {
  ConversationStatus,
  EngineSettings,
  HttpResult,
  Keyboard,
  OutboundAction,
  Pending,
} from "./types";

/** A step as its own slice sees it at run time: compiled, with outputs resolved to step ids. */
export interface SliceStep<C> {
  id: string;
  type: string;
  title: string;
  config: C;
  /** Output handle -> target step id (null: the output ends the conversation). */
  outputs: Record<string, string | null>;
}

/** Side effects a step asks for (sending goes through `send`, callback answers are the engine's). */
export type SideEffect = Exclude<OutboundAction, { type: "send_message" } | { type: "answer_callback" }>;

/** What a handler may do; the engine turns these calls into actions, timers, events and state. */
export interface StepIO {
  /** `escapeValue` (optional) is applied to each substituted value (an HTTP request's JSON body). */
  render(template: string, escapeValue?: (value: string) => string): string;
  /** A message text's markup rendered: variables substituted as plain text, tags as entities (format.ts). */
  renderMessage(template: string): FormattedText;
  send(text: string | FormattedText, options?: { keyboard?: Keyboard; media?: Media | undefined }): void;
  setVar(name: string, value: string): void;
  /** The user's answer was not accepted (analytics). */
  rejected(): void;
  act(effect: SideEffect): void;
  /** A fresh id for a timer or a login, unique in this conversation: "<stepId>:<seq>". */
  newId(): string;
  startTimer(id: string, delayMs: number): void;
  cancelTimer(id: string): void;
  /** The step waits for this besides the user; an event with the same id resumes it. */
  waitFor(kind: Pending["kind"], id: string): void;
  setStatus(status: ConversationStatus): void;
  /** The contact, including what earlier steps of this event changed. */
  readonly contact: ContactFacts;
  readonly settings: EngineSettings;
  /** A number in [0, 1) from the caller's random source (0 without one). */
  random(): number;
  /** Sticky per-conversation choices of Random split steps: step id -> branch id. */
  readonly splits: Readonly<Record<string, string>>;
  /** Remembers the current step's split choice and reports it (a `split_chosen` event). */
  rememberSplit(branchId: string): void;
  /** The conversation's variables as they are now (read-only; write with setVar). */
  readonly vars: Readonly<Record<string, string>>;
  /** A workspace custom field, as it was when the flow was published. */
  customField(key: string): CustomFieldDefinition | undefined;
}

/** A user's answer to a waiting step. */
export type UserInput =
  | { kind: "text"; text: string }
  | { kind: "button"; buttonId: string }
  | { kind: "contact"; phone: string; own: boolean };

/** Events for a waiting step that don't come from the user. */
export type StepSignal =
  | { kind: "timer"; timerId: string }
  | { kind: "schedule_fired"; runAt: string }
  | { kind: "operator_unavailable" }
  | { kind: "operator_returned"; targetStepId?: string }
  | { kind: "login_result"; loginId: string; ok: boolean }
  | ({ kind: "http_result" } & HttpResult);

/**
 * `output`: the handle the step left through, for the per-output counts on the canvas. Left out, the
 * engine takes the one output that leads to the target (steps with a single output need not say);
 * null: the move is not along an output (an operator sent the conversation to a step of their choice).
 */
export type Entered = { wait: true } | { wait: false; next: string | null; output?: string | null };
/** go: move along (target null ends the conversation); stay: keep waiting at this step. */
export type Transition = { go: string | null; output?: string | null } | { stay: true };

export interface StepHandler<C> {
  /** Runs when the conversation reaches the step. */
  enter(step: SliceStep<C>, io: StepIO): Entered;
  /** Runs for the user's input while the step waits; only steps that wait for the user need it. */
  receive?(step: SliceStep<C>, input: UserInput, io: StepIO): Transition;
  /** Runs for a signal while the step waits; null when the signal is not for this step (stale). */
  resume?(step: SliceStep<C>, signal: StepSignal, io: StepIO): Transition | null;
  /** While the step waits, may an alias or command (other than /start) jump away? Default: yes. */
  allowsAliases?(step: SliceStep<C>): boolean;
}
