import { describe, expect, it } from "vitest";
import {
  type CompiledFlow,
  type ConversationState,
  type ConversationStatus,
  defaultEngineSettings,
  type InboundEvent,
  initialState,
  MAX_STEPS_PER_EVENT,
  runEngine,
} from "../src/index";
import {
  buttonsStep,
  compileOk,
  drive,
  flowDoc,
  freeInputStep,
  goto,
  link,
  makeCtx,
  press,
  sends,
  start,
  stateAt,
  text,
  textStep,
  texts,
} from "../src/testing";

/**
 * welcome -> menu (inline: Info | Leave email | Site url)
 *   Info -> info (aliases /help, "Info please") -> menu
 *   Leave email -> email (free input, email) -> thanks -> size (reply keyboard S M L) -> done
 */
const shop = compileOk(
  flowDoc(
    [
      textStep("welcome", "Hi {{name}}!"),
      buttonsStep(
        "menu",
        "What now?",
        [goto("info", "Info"), goto("ask", "Leave email"), link("site", "Site", "https://example.com")],
        { saveAs: "choice", columns: 2 },
      ),
      textStep("info", 'We sell {{bot.product | "things"}}', { aliases: ["/help", "Info please"] }),
      freeInputStep("email", "Your email?", "email", {
        validation: { kind: "email" },
        retryText: "Bad email, {{name}}",
      }),
      textStep("thanks", "Thanks, {{vars.email}}"),
      buttonsStep("size", "Size?", [goto("s", "S"), goto("m", "M"), goto("l", "L")], {
        keyboard: "reply",
        columns: 3,
        saveAs: "size",
      }),
      textStep("done", "You chose {{vars.size}}"),
    ],
    [
      ["welcome", "next", "menu"],
      ["menu", "button:info", "info"],
      ["menu", "button:ask", "email"],
      ["info", "next", "menu"],
      ["email", "next", "thanks"],
      ["thanks", "next", "size"],
      ["size", "button:s", "done"],
      ["size", "button:m", "done"],
      ["size", "button:l", "done"],
    ],
  ),
);

const STALE = defaultEngineSettings.staleButtonText;
const atMenu = stateAt("menu", { waiting: true });
const atEmail = stateAt("email", { waiting: true, vars: { choice: "Leave email" } });
const atSize = stateAt("size", { waiting: true, replyKeyboardShown: true, vars: { email: "a@b.co" } });
const ended = stateAt("done", { vars: { size: "M" } });

const menuKeyboard = {
  kind: "inline",
  rows: [
    [
      { label: "Info", callbackData: "menu:info" },
      { label: "Leave email", callbackData: "menu:ask" },
    ],
    [{ label: "Site", url: "https://example.com" }],
  ],
};

describe("entering steps", () => {
  it("text steps run straight through to the next waiting step", () => {
    const result = runEngine(shop, initialState(), start(), makeCtx());
    expect(result.actions).toEqual([
      { type: "send_message", text: "Hi Ann!", stepId: "welcome" },
      { type: "send_message", text: "What now?", stepId: "menu", keyboard: menuKeyboard },
    ]);
    expect(result.state).toEqual({
      stepId: "menu",
      waiting: true,
      vars: {},
      replyKeyboardShown: false,
      pending: null,
      seq: 0,
    });
    expect(result.status).toBe("bot");
    expect(result.events).toEqual([
      { type: "step_reached", stepId: "welcome" },
      { type: "output_taken", stepId: "welcome", output: "next", targetStepId: "menu" },
      { type: "step_reached", stepId: "menu" },
    ]);
    expect(result.timers).toEqual([]);
    expect(result.cancelTimers).toEqual([]);
  });

  it("free input sends its question without a keyboard and waits", () => {
    const result = runEngine(shop, atMenu, press("menu:ask"), makeCtx());
    expect(sends(result.actions)).toEqual([{ type: "send_message", text: "Your email?", stepId: "email" }]);
    expect(result.state).toMatchObject({ stepId: "email", waiting: true });
  });

  it("reply keyboard buttons are laid out in rows of `columns` labels", () => {
    const result = runEngine(shop, atEmail, text("me@example.com"), makeCtx());
    expect(sends(result.actions).at(-1)).toEqual({
      type: "send_message",
      text: "Size?",
      stepId: "size",
      keyboard: { kind: "reply", rows: [[{ label: "S" }, { label: "M" }, { label: "L" }]] },
    });
    expect(result.state.replyKeyboardShown).toBe(true);
  });

  it("a step without next ends the conversation: not waiting, later text is ignored", () => {
    const first = runEngine(shop, atSize, text("L"), makeCtx());
    expect(first.state).toMatchObject({ stepId: "done", waiting: false });
    const later = runEngine(shop, first.state, text("anything"), makeCtx());
    expect(later.actions).toEqual([]);
    expect(later.events).toEqual([]);
    expect(later.state).toEqual(first.state);
  });
});

interface AnswerCase {
  what: string;
  state: ConversationState;
  event: InboundEvent;
  actions: unknown[];
  /** Expected subset of the new state. */
  after: Partial<ConversationState>;
  events?: unknown[];
}

const answerCases: AnswerCase[] = [
  {
    what: "inline button pressed (callback) -> its target, label saved",
    state: atMenu,
    event: press("menu:ask", "cq-7"),
    actions: [
      { type: "answer_callback", callbackQueryId: "cq-7" },
      { type: "send_message", text: "Your email?", stepId: "email" },
    ],
    after: { stepId: "email", waiting: true, vars: { choice: "Leave email" } },
    events: [
      { type: "variable_set", name: "choice", value: "Leave email" },
      { type: "output_taken", stepId: "menu", output: "button:ask", targetStepId: "email" },
      { type: "step_reached", stepId: "email" },
    ],
  },
  {
    what: "inline button label typed (case and spaces ignored)",
    state: atMenu,
    event: text("  leave EMAIL "),
    actions: [{ type: "send_message", text: "Your email?", stepId: "email" }],
    after: { stepId: "email", waiting: true, vars: { choice: "Leave email" } },
  },
  {
    what: "unknown text at buttons -> retry text, stays",
    state: atMenu,
    event: text("maybe later"),
    actions: [{ type: "send_message", text: "Please choose one of the options.", stepId: "menu" }],
    after: { stepId: "menu", waiting: true, vars: {} },
    events: [{ type: "answer_rejected", stepId: "menu" }],
  },
  {
    what: "url button label typed is not an answer",
    state: atMenu,
    event: text("Site"),
    actions: [{ type: "send_message", text: "Please choose one of the options.", stepId: "menu" }],
    after: { stepId: "menu", waiting: true },
  },
  {
    what: "url button callback is not pressable -> stale answer",
    state: atMenu,
    event: press("menu:site"),
    actions: [{ type: "answer_callback", callbackQueryId: "cq1", text: STALE }],
    after: atMenu,
    events: [],
  },
  {
    what: "callback for a step that no longer exists -> stale answer",
    state: atMenu,
    event: press("oldstep:b1"),
    actions: [{ type: "answer_callback", callbackQueryId: "cq1", text: STALE }],
    after: atMenu,
    events: [],
  },
  {
    what: "callback for a removed button -> stale answer",
    state: atMenu,
    event: press("menu:gone"),
    actions: [{ type: "answer_callback", callbackQueryId: "cq1", text: STALE }],
    after: atMenu,
  },
  {
    what: "callback pointing at a non-buttons step -> stale answer",
    state: atMenu,
    event: press("welcome:next"),
    actions: [{ type: "answer_callback", callbackQueryId: "cq1", text: STALE }],
    after: atMenu,
  },
  {
    what: "callback data that is not ours -> stale answer",
    state: atMenu,
    event: press('{"a":1} not ours'),
    actions: [{ type: "answer_callback", callbackQueryId: "cq1", text: STALE }],
    after: atMenu,
  },
  {
    what: "button of an earlier message still works while free input waits",
    state: atEmail,
    event: press("menu:info"),
    actions: [
      { type: "answer_callback", callbackQueryId: "cq1" },
      { type: "send_message", text: "We sell things", stepId: "info" },
      { type: "send_message", text: "What now?", stepId: "menu", keyboard: menuKeyboard },
    ],
    after: { stepId: "menu", waiting: true, vars: { choice: "Info" } },
  },
  {
    what: "valid free input -> stored normalized, next steps run",
    state: atEmail,
    event: text(" Ann@Example.COM "),
    actions: [
      { type: "send_message", text: "Thanks, ann@example.com", stepId: "thanks" },
      {
        type: "send_message",
        text: "Size?",
        stepId: "size",
        keyboard: { kind: "reply", rows: [[{ label: "S" }, { label: "M" }, { label: "L" }]] },
      },
    ],
    after: {
      stepId: "size",
      waiting: true,
      replyKeyboardShown: true,
      vars: { choice: "Leave email", email: "ann@example.com" },
    },
    events: [
      { type: "variable_set", name: "email", value: "ann@example.com" },
      { type: "output_taken", stepId: "email", output: "next", targetStepId: "thanks" },
      { type: "step_reached", stepId: "thanks" },
      { type: "output_taken", stepId: "thanks", output: "next", targetStepId: "size" },
      { type: "step_reached", stepId: "size" },
    ],
  },
  {
    what: "invalid free input -> rendered retry text, stays",
    state: atEmail,
    event: text("not-an-email"),
    actions: [{ type: "send_message", text: "Bad email, Ann", stepId: "email" }],
    after: { stepId: "email", waiting: true, vars: { choice: "Leave email" } },
    events: [{ type: "answer_rejected", stepId: "email" }],
  },
  {
    what: "a shared contact is not an email",
    state: atEmail,
    event: { type: "contact", phone: "+15551234567" },
    actions: [{ type: "send_message", text: "Bad email, Ann", stepId: "email" }],
    after: { stepId: "email", waiting: true },
  },
  {
    what: "reply keyboard tapped by label -> next message removes the keyboard",
    state: atSize,
    event: text("M"),
    actions: [{ type: "send_message", text: "You chose M", stepId: "done", keyboard: { kind: "remove" } }],
    after: {
      stepId: "done",
      waiting: false,
      replyKeyboardShown: false,
      vars: { email: "a@b.co", size: "M" },
    },
  },
  {
    what: "reply keyboard: other text -> retry with the keyboard again",
    state: atSize,
    event: text("XL"),
    actions: [
      {
        type: "send_message",
        text: "Please choose one of the options.",
        stepId: "size",
        keyboard: { kind: "reply", rows: [[{ label: "S" }, { label: "M" }, { label: "L" }]] },
      },
    ],
    after: { stepId: "size", waiting: true, replyKeyboardShown: true },
  },
  {
    what: "timer for a step without timers is ignored",
    state: atMenu,
    event: { type: "timer", timerId: "t1", stepId: "menu" },
    actions: [],
    after: atMenu,
    events: [],
  },
];

describe("answers to waiting steps", () => {
  it.each(answerCases)("$what", ({ state, event, actions, after, events }) => {
    const result = runEngine(shop, state, event, makeCtx());
    expect(result.actions).toEqual(actions);
    expect(result.state).toMatchObject(after);
    if (events) expect(result.events).toEqual(events);
  });

  it("a retry text left empty rejects silently", () => {
    const flow = compileOk(
      flowDoc(
        [buttonsStep("q", "Pick", [goto("y", "Yes")], { retryText: "" }), textStep("t", "T")],
        [["q", "button:y", "t"]],
      ),
    );
    const result = runEngine(flow, stateAt("q", { waiting: true }), text("no"), makeCtx());
    expect(result.actions).toEqual([]);
    expect(result.events).toEqual([{ type: "answer_rejected", stepId: "q" }]);
  });

  it("uses the configured stale button text", () => {
    const result = runEngine(shop, atMenu, press("x:y", "cq9"), makeCtx({ staleButtonText: "Old menu" }));
    expect(result.actions).toEqual([{ type: "answer_callback", callbackQueryId: "cq9", text: "Old menu" }]);
  });

  it("removes the reply keyboard once, not on every later message", () => {
    const flow = compileOk(
      flowDoc(
        [
          buttonsStep("q", "Pick", [goto("y", "Yes")], { keyboard: "reply" }),
          textStep("a", "A"),
          textStep("b", "B"),
          freeInputStep("c", "C?", "c"),
        ],
        [
          ["q", "button:y", "a"],
          ["a", "next", "b"],
          ["b", "next", "c"],
        ],
      ),
    );
    const { results } = drive(flow, [start(), text("yes"), text("whatever")]);
    expect(sends(results[1]!.actions).map((a) => a.keyboard)).toEqual([
      { kind: "remove" },
      undefined,
      undefined,
    ]);
    expect(sends(results[2]!.actions)).toEqual([]);
  });
});

describe.each([
  {
    kind: "number",
    validation: { kind: "number", min: 0, max: 10 },
    valid: [
      ["1,5", "1.5"],
      [" 7 ", "7"],
    ],
    invalid: ["11", "seven", "1,5,5"],
    contact: null,
  },
  {
    kind: "phone",
    validation: { kind: "phone" },
    valid: [["+1 (555) 123-4567", "+15551234567"]],
    invalid: ["call me", "123"],
    contact: "+442079460958",
  },
  {
    kind: "date",
    validation: { kind: "date" },
    valid: [
      ["23.11.2026", "2026-11-23"],
      ["2026-02-28", "2026-02-28"],
    ],
    invalid: ["31.02.2026", "tomorrow"],
    contact: null,
  },
  {
    kind: "regex",
    validation: { kind: "regex", pattern: "[A-Z]{3}\\d{2}" },
    valid: [["ABC12", "ABC12"]],
    invalid: ["abc12", "ABC123", "xABC12"],
    contact: null,
  },
])("free input with $kind validation", ({ validation, valid, invalid, contact }) => {
  const flow = compileOk(
    flowDoc(
      [freeInputStep("f", "Q?", "v", { validation, retryText: "Again" }), textStep("t", "Got {{vars.v}}")],
      [["f", "next", "t"]],
    ),
  );
  const waiting = stateAt("f", { waiting: true });

  it.each(valid)("accepts %j and stores %j", (input, stored) => {
    const result = runEngine(flow, waiting, text(input!), makeCtx());
    expect(result.state.vars).toEqual({ v: stored });
    expect(texts(result.actions)).toEqual([`Got ${stored}`]);
  });

  it.each(invalid)("rejects %j with the retry text", (input) => {
    const result = runEngine(flow, waiting, text(input), makeCtx());
    expect(result.state).toEqual(waiting);
    expect(texts(result.actions)).toEqual(["Again"]);
  });

  it("a shared contact is validated like a typed answer", () => {
    const result = runEngine(flow, waiting, { type: "contact", phone: "+44 20 7946 0958" }, makeCtx());
    if (contact === null) {
      expect(result.state).toEqual(waiting);
      expect(texts(result.actions)).toEqual(["Again"]);
    } else {
      expect(result.state.vars).toEqual({ v: contact });
      expect(result.state.waiting).toBe(false);
    }
  });
});

describe("aliases jump from anywhere", () => {
  const from: [string, ConversationState][] = [
    ["a new conversation", initialState()],
    ["buttons waiting", atMenu],
    ["free input waiting", atEmail],
    ["reply keyboard waiting", atSize],
    ["an ended conversation", ended],
  ];
  const typed = ["/help", "/Help@MyBot", "  INFO   please ", "info please"];

  describe.each(from)("from %s", (_name, state) => {
    it.each(typed)("typing %j goes to info then menu", (alias) => {
      const result = runEngine(shop, state, text(alias), makeCtx());
      expect(result.events.filter((e) => e.type === "step_reached")).toEqual([
        { type: "step_reached", stepId: "info" },
        { type: "step_reached", stepId: "menu" },
      ]);
      expect(texts(result.actions)).toEqual(["We sell things", "What now?"]);
      // The alias is not taken as an answer.
      expect(result.state.vars).toEqual(state.vars);
      expect(result.state).toMatchObject({ stepId: "menu", waiting: true });
      expect(result.events.some((e) => e.type === "answer_rejected")).toBe(false);
    });
  });

  it("a text that only contains an alias is not a jump", () => {
    const result = runEngine(shop, atEmail, text("/help me"), makeCtx());
    expect(texts(result.actions)).toEqual(["Bad email, Ann"]);
  });

  it("aliases work before /start even when waitForStart is on", () => {
    const result = runEngine(shop, initialState(), text("/help"), makeCtx({ waitForStart: true }));
    expect(result.state.stepId).toBe("menu");
  });
});

describe("/start and deep links", () => {
  const cases: { what: string; state: ConversationState; event: InboundEvent; payload: string | null }[] = [
    { what: "start event without payload", state: initialState(), event: start(), payload: null },
    { what: "start event with payload", state: initialState(), event: start("promo42"), payload: "promo42" },
    { what: "typed /start", state: initialState(), event: text("/start"), payload: null },
    { what: "typed /START in capitals", state: atMenu, event: text("/START"), payload: null },
    {
      what: "typed /start with payload (case kept)",
      state: initialState(),
      event: text("/start AbC_1"),
      payload: "AbC_1",
    },
    {
      what: "/start@MyBot with payload",
      state: initialState(),
      event: text("/start@MyBot xyz"),
      payload: "xyz",
    },
    { what: "/start while free input waits", state: atEmail, event: text("/start"), payload: null },
    {
      what: "/start payload after the flow ended",
      state: ended,
      event: text("/start ref-7"),
      payload: "ref-7",
    },
  ];

  it.each(cases)("$what", ({ state, event, payload }) => {
    const result = runEngine(shop, state, event, makeCtx());
    const deepLinks = result.events.filter((e) => e.type === "deep_link");
    expect(deepLinks).toEqual(payload === null ? [] : [{ type: "deep_link", payload }]);
    expect(texts(result.actions)).toEqual(["Hi Ann!", "What now?"]);
    expect(result.state).toMatchObject({ stepId: "menu", waiting: true, vars: state.vars });
  });

  it("/start goes to the step with the /start alias when there is one", () => {
    const flow = compileOk(
      flowDoc([textStep("entry", "Entry"), textStep("promo", "Promo", { aliases: ["/start"] })], [], "entry"),
    );
    expect(texts(runEngine(flow, initialState(), start(), makeCtx()).actions)).toEqual(["Promo"]);
    expect(texts(runEngine(flow, initialState(), text("/start"), makeCtx()).actions)).toEqual(["Promo"]);
  });
});

describe("waitForStart", () => {
  it.each([
    { waitForStart: true, event: text("hello"), sent: ["Press /start to talk."], stepId: null },
    { waitForStart: false, event: text("hello"), sent: ["Hi Ann!", "What now?"], stepId: "menu" },
    { waitForStart: true, event: start(), sent: ["Hi Ann!", "What now?"], stepId: "menu" },
    {
      waitForStart: true,
      event: { type: "contact", phone: "+123456789" } as InboundEvent,
      sent: [],
      stepId: null,
    },
    { waitForStart: true, event: press("x:y"), sent: [], stepId: null },
  ])("on=$waitForStart, $event.type -> $stepId", ({ waitForStart, event, sent, stepId }) => {
    const result = runEngine(shop, initialState(), event, makeCtx({ waitForStart }));
    expect(texts(result.actions)).toEqual(sent);
    expect(result.state.stepId).toBe(stepId);
    // The first message is never taken as an answer.
    expect(result.state.vars).toEqual({});
  });

  it("sends the configured text before /start", () => {
    const result = runEngine(
      shop,
      initialState(),
      text("hi"),
      makeCtx({ waitForStart: true, beforeStartText: "Tap Start" }),
    );
    expect(result.actions).toEqual([{ type: "send_message", text: "Tap Start", stepId: null }]);
  });

  it("does not matter once the conversation has started", () => {
    const result = runEngine(shop, atMenu, text("hello"), makeCtx({ waitForStart: true }));
    expect(texts(result.actions)).toEqual(["Please choose one of the options."]);
  });
});

describe("statuses", () => {
  const events: InboundEvent[] = [
    text("hi"),
    text("/help"),
    text("/start x"),
    start("promo"),
    press("menu:info", "cq5"),
    press("garbage", "cq6"),
    { type: "contact", phone: "+15551234567" },
    { type: "timer", timerId: "t", stepId: "menu" },
  ];
  const silent: ConversationStatus[] = ["operator", "blocked"];

  describe.each(silent)("%s: the flow stays silent", (status) => {
    const state = stateAt("menu", { waiting: true, vars: { a: "1" } });
    it.each(events)("$type event", (event) => {
      const result = runEngine(shop, state, event, makeCtx({}, {}, { status }));
      expect(result.state).toEqual(state);
      expect(result.status).toBe(status);
      expect(result.events).toEqual([]);
      expect(result.actions).toEqual(
        event.type === "callback"
          ? [{ type: "answer_callback", callbackQueryId: event.callbackQueryId }]
          : [],
      );
    });
  });

  it.each([
    ["an alias", text("/help"), ["We sell things", "What now?"]],
    ["a button of the last message", press("menu:ask"), ["Your email?"]],
    ["/start", start(), ["Hi Ann!", "What now?"]],
    ["an answer to the waiting step", text("Info"), ["We sell things", "What now?"]],
  ])("closed: %s reopens the conversation", (_what, event, sent) => {
    const result = runEngine(
      shop,
      stateAt("menu", { waiting: true }),
      event,
      makeCtx({}, {}, { status: "closed" }),
    );
    expect(result.status).toBe("bot");
    expect(texts(result.actions)).toEqual(sent);
  });
});

describe("templates in the engine", () => {
  const flow = compileOk(
    flowDoc(
      [
        textStep(
          "t",
          'Hi {{name}} (@{{username}}, {{chatId}}, since {{createdAt}}); plan={{fields.plan}}; city={{fields.city | "unknown"}}; ' +
            'link={{bot.ref_link}}; src={{tracker.utm_source | "direct"}}; color={{vars.color | "none"}}; {{variables.color}}',
        ),
        buttonsStep("q", "Pick", [goto("me", "I am {{name}}")], { keyboard: "reply", saveAs: "who" }),
        textStep("end", "Bye {{vars.who}}"),
      ],
      [
        ["t", "next", "q"],
        ["q", "button:me", "end"],
      ],
    ),
  );
  const ctx = makeCtx(
    {},
    { fields: { plan: "pro" }, bot: { ref_link: "https://t.me/b?start=r" }, tracker: { utm_source: "ads" } },
  );

  it.each([
    [
      "values present",
      { color: "red" },
      "Hi Ann (@ann, 42, since 2026-01-01); plan=pro; city=unknown; link=https://t.me/b?start=r; src=ads; color=red; red",
    ],
    [
      "vars missing -> defaults or empty",
      {},
      "Hi Ann (@ann, 42, since 2026-01-01); plan=pro; city=unknown; link=https://t.me/b?start=r; src=ads; color=none; ",
    ],
  ])("%s", (_what, vars, expected) => {
    const result = runEngine(flow, stateAt(null, { vars }), start(), ctx);
    expect(texts(result.actions)[0]).toBe(expected);
  });

  it("button labels are rendered, matched and saved rendered", () => {
    const entered = runEngine(flow, initialState(), start(), ctx);
    expect(sends(entered.actions)[1]?.keyboard).toEqual({ kind: "reply", rows: [[{ label: "I am Ann" }]] });
    const tapped = runEngine(flow, entered.state, text("i am ann"), ctx);
    expect(tapped.state.vars.who).toBe("I am Ann");
    expect(texts(tapped.actions)).toEqual(["Bye I am Ann"]);
  });
});

describe("MAX_STEPS_PER_EVENT", () => {
  // The compiler rejects this loop (LOOP_WITHOUT_WAIT), so it is built by hand.
  const loop: CompiledFlow = {
    format: "switchboard.compiled",
    version: 1,
    entryStepId: "a",
    aliases: { "/loop": "b" },
    steps: {
      a: { id: "a", type: "text", title: "", config: { text: "A" }, outputs: { next: "b" } },
      b: { id: "b", type: "text", title: "", config: { text: "B" }, outputs: { next: "a" } },
    },
  };

  it.each([start(), text("/loop"), text("hello")])("stops a cycle of text steps ($type)", (event) => {
    const result = runEngine(loop, initialState(), event, makeCtx());
    const reached = result.events.filter((e) => e.type === "step_reached");
    expect(reached).toHaveLength(MAX_STEPS_PER_EVENT);
    expect(sends(result.actions)).toHaveLength(MAX_STEPS_PER_EVENT);
    expect(result.events.filter((e) => e.type === "step_limit_reached")).toHaveLength(1);
    expect(result.events.at(-1)?.type).toBe("step_limit_reached");
    expect(result.state.waiting).toBe(false);
  });

  it("a long legal chain below the limit runs to the end", () => {
    const n = MAX_STEPS_PER_EVENT;
    const steps = Array.from({ length: n }, (_, i) => textStep(`s${i}`, `#${i}`));
    const edges = Array.from(
      { length: n - 1 },
      (_, i) => [`s${i}`, "next", `s${i + 1}`] as [string, string, string],
    );
    const result = runEngine(compileOk(flowDoc(steps, edges)), initialState(), start(), makeCtx());
    expect(sends(result.actions)).toHaveLength(n);
    expect(result.events.some((e) => e.type === "step_limit_reached")).toBe(false);
  });
});

describe("purity", () => {
  function deepFreeze<T>(value: T): T {
    if (value && typeof value === "object") {
      for (const v of Object.values(value)) deepFreeze(v);
      Object.freeze(value);
    }
    return value;
  }

  const states: [string, ConversationState][] = [
    ["new", initialState()],
    ["menu", atMenu],
    ["email", atEmail],
    ["size", atSize],
    ["waiting at the menu", stateAt("menu", { waiting: true })],
  ];
  const events: InboundEvent[] = [
    start("p"),
    text("Info"),
    text("a@b.co"),
    text("M"),
    press("menu:ask"),
    press("stale:x"),
  ];

  describe.each(states)("from %s", (_name, state) => {
    it.each(events)("$type event leaves the input state and flow untouched", (event) => {
      const before = structuredClone(state);
      const flowBefore = structuredClone(shop);
      const frozen = deepFreeze(structuredClone(state));
      const result = runEngine(deepFreeze(structuredClone(shop)), frozen, event, makeCtx());
      expect(frozen).toEqual(before);
      expect(shop).toEqual(flowBefore);
      expect(result.state).not.toBe(frozen);
      // Same input, same output.
      expect(runEngine(shop, state, event, makeCtx())).toEqual(result);
    });
  });
});

describe("hostile input is stored and echoed unchanged", () => {
  const flow = compileOk(
    flowDoc(
      [freeInputStep("f", "Say something", "answer"), textStep("echo", "You said: {{vars.answer}}")],
      [["f", "next", "echo"]],
    ),
  );
  const inputs: [string, string][] = [
    ["HTML", '<b>bold</b><script>alert("x")</script> &amp; <a href="tg://x">'],
    ["10,000 characters", "ж".repeat(5000) + "x".repeat(5000)],
    ["emoji", "👨‍👩‍👧‍👦 🎉 ❤️ 🇺🇦"],
    ["RTL", "مرحبا بالعالم \u202Eevil\u202C שלום"],
    ["template syntax", '{{vars.answer}} {{name}} {{bot.x | "y"}}'],
    ["replacement patterns", "$& $1 $$ $`"],
    ["surrounding spaces and newlines", "  line one\n\nline two  "],
  ];

  it.each(inputs)("%s", (_what, input) => {
    const result = runEngine(flow, stateAt("f", { waiting: true }), text(input), makeCtx());
    expect(result.state.vars.answer).toBe(input);
    expect(texts(result.actions)).toEqual([`You said: ${input}`]);
    expect(result.events).toContainEqual({ type: "variable_set", name: "answer", value: input });
  });
});
