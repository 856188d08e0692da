import type { BuiltinContactField, ContactFacts } from "../contact-fields";
import type { MessageEntity } from "../format";
import type { Media } from "../steps/common";
import type { TemplateContext } from "../template";

export type ConversationStatus = "bot" | "operator" | "closed" | "blocked";
export const CONVERSATION_STATUSES: readonly ConversationStatus[] = ["bot", "operator", "closed", "blocked"];

/** What a waiting step waits for besides the user: a timer, an operator, a login. `id` matches the event. */
export interface Pending {
  kind: "timer" | "operator" | "login" | "delay" | "http";
  id: string;
}

/**
 * What the engine remembers between two events of one conversation. Plain JSON, stored as is. The
 * conversation's status is not in here: it has one home (the conversation row) and comes in through
 * the context and goes out in the result.
 */
export interface ConversationState {
  /** The step the conversation is at: the one waiting for an answer, or the last one reached. */
  stepId: string | null;
  /** True while `stepId` waits (for the user, a timer, an operator, a login, a schedule). */
  waiting: boolean;
  /** Values collected in this conversation: `{{vars.KEY}}`. */
  vars: Record<string, string>;
  /** A reply keyboard is on the user's screen, so the next plain message should remove it. */
  replyKeyboardShown: boolean;
  /** What the waiting step waits for besides the user, if anything. */
  pending: Pending | null;
  /** Counter for deterministic timer/login ids ("<stepId>:<seq>"). */
  seq: number;
  /**
   * Random split choices, sticky per conversation: split step id -> chosen branch id. Absent until a
   * conversation reaches its first Random split.
   */
  splits?: Record<string, string>;
}

export const initialState = (): ConversationState => ({
  stepId: null,
  waiting: false,
  vars: {},
  replyKeyboardShown: false,
  pending: null,
  seq: 0,
});

/**
 * A state as stored by any earlier version (which kept `status` inside and had no `pending`/`seq`),
 * made current. Unknown keys are dropped.
 */
export function normalizeState(raw: unknown): ConversationState {
  const s = (raw && typeof raw === "object" ? raw : {}) as Partial<ConversationState>;
  return {
    stepId: typeof s.stepId === "string" ? s.stepId : null,
    waiting: s.waiting === true,
    vars: s.vars && typeof s.vars === "object" ? { ...s.vars } : {},
    replyKeyboardShown: s.replyKeyboardShown === true,
    pending:
      s.pending && typeof s.pending.id === "string" && typeof s.pending.kind === "string"
        ? { kind: s.pending.kind, id: s.pending.id }
        : null,
    seq: typeof s.seq === "number" && Number.isFinite(s.seq) ? s.seq : 0,
    ...splitsOf(s.splits),
  };
}

/** The stored split choices with string values only (anything else was not written by the engine). */
function splitsOf(raw: unknown): { splits?: Record<string, string> } {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return {};
  const entries = Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string");
  return entries.length ? { splits: Object.fromEntries(entries) } : {};
}

/** Telegram-agnostic inbound events; the runtime and the server core map what happened onto these. */
export type InboundEvent =
  | { type: "start"; payload?: string }
  | { type: "text"; text: string }
  | { type: "callback"; data: string; callbackQueryId: string }
  /** A shared contact; `own` is false when it is somebody else's card (not the user's own number). */
  | { type: "contact"; phone: string; own?: boolean }
  /** A timer the engine requested has fired. */
  | { type: "timer"; timerId: string; stepId: string }
  /** A Schedule step's run reached this conversation (which waits at that step). */
  | { type: "schedule_fired"; stepId: string; runAt: string }
  /** Route to operator: nobody could take the conversation. */
  | { type: "operator_unavailable" }
  /** An operator took the conversation. */
  | { type: "operator_joined"; operatorName: string }
  /** An operator handed the conversation back to the bot, optionally at a chosen step. */
  | { type: "operator_returned"; targetStepId?: string }
  /** An operator closed the conversation, or it closed itself after the bot's dialog close time of silence. */
  | { type: "operator_closed"; reason?: "operator" | "idle" }
  /** A Login step's link or button was used (ok) or refused (not ok). */
  | { type: "login_result"; loginId: string; ok: boolean }
  /** The conversation was switched into this flow by a Go to flow step: run from this step (null: the start step). */
  | { type: "flow_entered"; stepId: string | null }
  /** An HTTP request step's call came back (or failed); the runtime performed it outside the chat's lock. */
  | ({ type: "http_result" } & HttpResult);

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A header value's pieces: rendered text, or a workspace secret only the runtime's worker fills in. */
export type HttpHeaderPart = { text: string } | { secret: string };

/** A rendered HTTP request (no secret values in it: those stay `{ secret }` parts). */
export interface HttpRequestSpec {
  method: HttpMethod;
  /** Absolute http(s) URL, query included. */
  url: string;
  headers: { name: string; value: HttpHeaderPart[] }[];
  /** JSON text, or null for no body. */
  body: string | null;
  timeoutMs: number;
}

/** What became of a request. `json` is the parsed body when the answer was JSON (else undefined). */
export interface HttpResult {
  requestId: string;
  /** The HTTP status, or null when no answer came (refused, timed out, network error). */
  status: number | null;
  /** A short error ("timed out after 10 s", "HTTP 500", …), null when it worked. */
  error: string | null;
  json?: unknown;
}

/** An inline button: a step's goto button (callback), a link, or a Login step's sign-in button. */
export type InlineButton =
  | { label: string; callbackData: string }
  | { label: string; url: string }
  | { label: string; loginId: string };

/** A reply-keyboard button; `requestContact` asks Telegram to share the user's own phone number. */
export interface ReplyButton {
  label: string;
  requestContact?: boolean;
}

export type Keyboard =
  | { kind: "inline"; rows: InlineButton[][] }
  | { kind: "reply"; rows: ReplyButton[][] }
  | { kind: "remove" };

/** Who a created lead belongs to. */
export type LeadOwner = { kind: "contact_owner" } | { kind: "member"; userId: string } | { kind: "none" };

/** Why an operator request ended; the core removes the queue entry / assignment. */
export type ReleaseReason = "unavailable" | "timeout" | "closed" | "idle" | "user_ended" | "returned";

/**
 * Everything the engine asks the outside world to do, in order. The runtime and the server core handle
 * them with exhaustive switches, so a new kind fails to compile until every handler knows it.
 */
export type OutboundAction =
  | {
      type: "send_message";
      /** Plain text as the user reads it (transcripts show this). */
      text: string;
      /** Formatting of `text` (Telegram MessageEntity, UTF-16 offsets); absent when there is none. */
      entities?: MessageEntity[];
      keyboard?: Keyboard;
      media?: Media;
      stepId: string | null;
    }
  | { type: "answer_callback"; callbackQueryId: string; text?: string }
  | {
      type: "update_contact";
      stepId: string;
      /** Built-in fields (first_name, email, phone, …) to set. */
      set: Partial<Record<BuiltinContactField, string>>;
      /** Custom fields to set (`fields.KEY`). */
      fields: Record<string, string>;
      addTags: string[];
      removeTags: string[];
    }
  | { type: "route_to_operator"; stepId: string }
  | { type: "release_operator"; reason: ReleaseReason }
  | {
      type: "create_lead";
      stepId: string;
      title: string;
      owner: LeadOwner;
      /** null: the pipeline's first stage. */
      stageId: string | null;
      tags: string[];
    }
  /** Mint the one-time login link / login_url for a Login step's button (`loginId`). */
  | { type: "start_login"; stepId: string; loginId: string }
  /** Continue in another flow's live version, at `targetStepId` (null: its start step). */
  | { type: "go_to_flow"; stepId: string; flowId: string; targetStepId: string | null }
  /**
   * POST the conversation as signed JSON to `url` in the background (Send webhook): the core queues a
   * delivery in the same transaction; `variables` are the conversation's variables at the step.
   */
  | {
      type: "send_webhook";
      stepId: string;
      url: string;
      extra: Record<string, string>;
      variables: Record<string, string>;
    }
  /** Perform this HTTP request outside the chat's transaction; the answer comes back as `http_result`. */
  | { type: "http_request"; stepId: string; requestId: string; request: HttpRequestSpec };

/** A timer the caller must schedule; when it fires it comes back as a `timer` event. */
export interface TimerRequest {
  id: string;
  stepId: string;
  delayMs: number;
}

/** Facts for analytics, logs and webhooks; they change nothing by themselves. */
export type EngineEvent =
  | { type: "step_reached"; stepId: string }
  /**
   * The conversation left `stepId` through its output `output` (towards `targetStepId`; null: the
   * output is not connected and the conversation ends). Jumps that follow no output (an alias,
   * /start, an older message's button, an operator's choice) report none.
   */
  | { type: "output_taken"; stepId: string; output: string; targetStepId: string | null }
  | { type: "variable_set"; name: string; value: string }
  | { type: "deep_link"; payload: string }
  | { type: "answer_rejected"; stepId: string }
  | { type: "step_limit_reached"; stepId: string }
  | { type: "audience_skipped"; stepId: string }
  | { type: "step_timed_out"; stepId: string }
  | { type: "status_changed"; from: ConversationStatus; to: ConversationStatus }
  /** A Random split step chose a branch for this conversation (once; later visits reuse it). */
  | { type: "split_chosen"; stepId: string; branchId: string }
  /** An alias or command arrived while a step that ignores them (a Delay) waited. */
  | { type: "alias_ignored"; stepId: string }
  /**
   * The conversation was to continue at a step the flow doesn't have, so it ended there. A published
   * flow never has one; the builder's test run of a half-built flow (compileForTest) stops this way.
   */
  | { type: "step_missing"; stepId: string };

/** The operator auto-messages (PRODUCT.md §4), editable per bot. */
export interface OperatorTexts {
  connected: string;
  noOperator: string;
  howToEnd: string;
  completed: string;
  afterMaxWait: string;
}

export interface EngineSettings {
  /** When on, a new user must send /start first; anything else gets `beforeStartText`. */
  waitForStart: boolean;
  beforeStartText: string;
  staleButtonText: string;
  /** Send a Create-lead step's text after the lead is created. */
  sendLeadText: boolean;
  operator: {
    /** After this long in the queue, the "after the maximum waiting time" text and `no_operator`; 0 = never. */
    maxWaitMinutes: number;
    /** Prefix the "connected" text with the operator's name. */
    showOperatorName: boolean;
    texts: OperatorTexts;
  };
}

export const defaultOperatorTexts: OperatorTexts = {
  connected: "connected to chat. Please start messaging!",
  noOperator: "Sorry, no operator available",
  howToEnd: "If you would like to end your consultation Press: /end",
  completed: "Consultation completed",
  afterMaxWait: "Thank you for contacting us. We will contact you as soon as possible.",
};

export const defaultEngineSettings: EngineSettings = {
  waitForStart: false,
  beforeStartText: "Press /start to talk.",
  staleButtonText: "This button is no longer available.",
  sendLeadText: true,
  operator: { maxWaitMinutes: 10, showOperatorName: false, texts: defaultOperatorTexts },
};

export interface EngineContext {
  /** The conversation's status now (its home is the conversation row). */
  status: ConversationStatus;
  /** Everything but `vars`, which comes from the state. */
  template: Omit<TemplateContext, "vars">;
  /** The contact as the audience filters and Update contact see it. */
  contact: ContactFacts;
  settings: EngineSettings;
  /**
   * Where Random split steps get their randomness: a number in [0, 1). The engine itself has none;
   * the server core passes Math.random, tests a seeded source. Without it every split takes the
   * branch a draw of 0 would (its first branch).
   */
  random?: () => number;
}

export interface EngineResult {
  state: ConversationState;
  /** The status after this event; the caller writes it to the conversation. */
  status: ConversationStatus;
  actions: OutboundAction[];
  timers: TimerRequest[];
  /** Timer ids that must no longer fire. */
  cancelTimers: string[];
  events: EngineEvent[];
}
