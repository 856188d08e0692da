import { type CompiledFlow, compileDraft, compileForTest, type InboundEvent } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import {
  applyContactUpdate,
  inlineKey,
  inlineKeyEvent,
  replyKeyEvent,
  replyKeys,
  TEST_PHONE,
} from "./test-chat-actions";
import { type ChatState, chatControls, emptyChat, runChatEvent, testContact } from "./test-chat-model";

const step = (
  id: string,
  type: string,
  config: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) => ({
  id,
  type,
  position: { x: 0, y: 0 },
  config,
  ...extra,
});
const edge = (source: string, sourceHandle: string, target: string) => ({
  id: `${source}-${sourceHandle}`,
  source,
  sourceHandle,
  target,
});

function compile(steps: unknown[], edges: unknown[]): CompiledFlow {
  const result = compileDraft({ format: "switchboard.flow", version: 1, entryStepId: "start", steps, edges });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("\n"));
  return result.flow;
}

function chatRunner(flow: CompiledFlow, random?: () => number) {
  let n = 0;
  let chat: ChatState = emptyChat();
  const send = (event: InboundEvent, extra: { userText?: string; note?: string } = {}) => {
    chat = runChatEvent(chat, flow, event, {
      newId: () => `m${++n}`,
      now: Date.UTC(2026, 11, 3, 12),
      ...(random ? { random } : {}),
      ...extra,
    });
    return chat;
  };
  return {
    send,
    get chat() {
      return chat;
    },
  };
}

const texts = (chat: ChatState, from: "bot" | "system" | "user") =>
  chat.messages.filter((m) => m.from === from).map((m) => m.text);
const controls = (chat: ChatState, flow: CompiledFlow) => chatControls(chat, flow, Date.UTC(2026, 11, 3, 12));
const labels = (chat: ChatState, flow: CompiledFlow) => controls(chat, flow).map((c) => c.label);
const press = (run: ReturnType<typeof chatRunner>, flow: CompiledFlow, label: string) => {
  const control = controls(run.chat, flow).find((c) => c.label === label);
  if (!control) throw new Error(`no control "${label}" in ${labels(run.chat, flow).join(", ")}`);
  return run.send(control.event, { note: control.label });
};

describe("update contact in the test chat", () => {
  const flow = compile(
    [
      step("start", "update_contact", {
        text: "Your number?",
        field: { kind: "contact", key: "phone" },
        shareButtonLabel: "Share",
        addTags: ["lead"],
        confirmText: "Saved {{vars.phone}}",
        saveAs: "phone",
      }),
      step("lead", "create_lead", { title: "Lead from {{name}}", text: "" }),
    ],
    [edge("start", "next", "lead")],
  );

  it("shows the share button and saves the shared number on the contact", () => {
    const run = chatRunner(flow);
    const first = run.send({ type: "start" });
    expect(first.replyKeyboard).toEqual([[{ label: "Share", requestContact: true }]]);
    const tap = replyKeyEvent(first.replyKeyboard![0]![0]!);
    expect(tap).toEqual({
      event: { type: "contact", phone: TEST_PHONE, own: true },
      userText: `📱 ${TEST_PHONE}`,
    });
    const chat = run.send(tap.event, { userText: tap.userText });
    expect(chat.contact).toMatchObject({ phone: TEST_PHONE, tags: ["lead"] });
    expect(texts(chat, "user")).toEqual([`📱 ${TEST_PHONE}`]);
    expect(texts(chat, "bot")).toEqual(["Your number?", `Saved ${TEST_PHONE}`]);
    expect(texts(chat, "system")).toEqual([
      `Contact updated: Phone = ${TEST_PHONE}, tags +lead`,
      "Lead created: Lead from Test User",
    ]);
    expect(chat.ended).toBe(true);
    expect(chat.replyKeyboard).toBeNull();
  });
});

describe("route to operator in the test chat", () => {
  const flow = compile(
    [
      step("start", "route_to_operator", { text: "Connecting…" }),
      step("none", "text", { text: "Nobody is here." }),
      step("back", "text", { text: "Back with the bot." }),
    ],
    [edge("start", "no_operator", "none"), edge("start", "returned", "back")],
  );

  it("offers the operator's side while waiting, and returns to the bot", () => {
    const run = chatRunner(flow);
    const waiting = run.send({ type: "start" });
    expect(waiting.status).toBe("operator");
    expect(texts(waiting, "system")).toContain("Routed to an operator: waiting in the inbox");
    expect(labels(waiting, flow)).toEqual([
      "Operator joins",
      "No operator available",
      "Operator returns to bot",
      "Operator closes",
      "Skip waiting (10 minutes)",
    ]);
    const joined = press(run, flow, "Operator joins");
    expect(joined.operatorJoined).toBe(true);
    expect(labels(joined, flow)).toEqual(["Operator returns to bot", "Operator closes"]);
    const back = press(run, flow, "Operator returns to bot");
    expect(back.status).toBe("bot");
    expect(back.operatorJoined).toBe(false);
    expect(texts(back, "bot").at(-1)).toBe("Back with the bot.");
    expect(labels(back, flow)).toEqual([]);
  });

  it("goes to no_operator when nobody is available", () => {
    const run = chatRunner(flow);
    run.send({ type: "start" });
    const chat = press(run, flow, "No operator available");
    expect(chat.status).toBe("bot");
    expect(texts(chat, "bot").at(-1)).toBe("Nobody is here.");
  });

  it("goes to no_operator after the maximum wait", () => {
    const run = chatRunner(flow);
    run.send({ type: "start" });
    const chat = press(run, flow, "Skip waiting (10 minutes)");
    expect(texts(chat, "system")).toContain("Left the operator queue: waited the maximum time");
    expect(texts(chat, "bot").at(-1)).toBe("Nobody is here.");
    expect(chat.timers).toEqual([]);
  });
});

describe("login in the test chat", () => {
  const flow = compile(
    [
      step("start", "login", { text: "Log in please", buttonLabel: "Log in" }),
      step(
        "members",
        "text",
        { text: "Members only" },
        { audience: { rules: [{ kind: "logged_in", value: true }] } },
      ),
      step("failed", "text", { text: "No luck" }),
    ],
    [edge("start", "success", "members"), edge("start", "failure", "failed")],
  );

  it("logs the contact in from the button, so members-only steps see it", () => {
    const run = chatRunner(flow);
    const first = run.send({ type: "start" });
    const key = first.messages.find((m) => m.inline)!.inline![0]![0]!;
    expect(labels(first, flow)).toEqual(["Log in", "Refuse", "Skip waiting (15 minutes)"]);
    const event = inlineKeyEvent(key, "q1")!;
    expect(event).toMatchObject({ type: "login_result", ok: true });
    const chat = run.send(event);
    expect(chat.contact.loggedIn).toBe(true);
    expect(texts(chat, "bot").slice(-2)).toEqual(["You're logged in ✅", "Members only"]);
  });

  it("fails when refused, without logging in", () => {
    const run = chatRunner(flow);
    run.send({ type: "start" });
    const chat = press(run, flow, "Refuse");
    expect(chat.contact.loggedIn).toBe(false);
    expect(texts(chat, "bot").slice(-2)).toEqual(["We couldn't log you in.", "No luck"]);
  });
});

describe("schedules and timeouts in the test chat", () => {
  const flow = compile(
    [
      step("start", "free_input", { text: "Name?", variable: "name", timeout: { amount: 1, unit: "hours" } }),
      step("later", "schedule", {
        text: "Good morning {{vars.name}}",
        startAt: "2026-12-01T09:00",
        repeat: { kind: "weekly", days: [1, 2, 3, 4, 5], time: "09:00" },
      }),
      step("late", "text", { text: "Too slow" }),
      step(
        "skipped",
        "text",
        { text: "VIP only" },
        { title: "VIP", audience: { rules: [{ kind: "tag", op: "has", tag: "vip" }] } },
      ),
    ],
    [
      edge("start", "next", "later"),
      edge("start", "timeout", "skipped"),
      edge("skipped", "fallback", "late"),
    ],
  );

  it("says how long a question waits, and runs a schedule on demand", () => {
    const run = chatRunner(flow);
    const asked = run.send({ type: "start" });
    expect(texts(asked, "system")).toEqual(["Waiting up to 1 hour for an answer"]);
    expect(labels(asked, flow)).toEqual(["Skip waiting (1 hour)"]);
    const waiting = run.send({ type: "text", text: "Ann" }, { userText: "Ann" });
    expect(waiting.timers).toEqual([]);
    expect(texts(waiting, "system").at(-1)).toBe(
      "Waiting for the schedule of the Schedule step (Weekdays at 09:00)",
    );
    expect(labels(waiting, flow)).toEqual(["Run the schedule now"]);
    const sent = press(run, flow, "Run the schedule now");
    expect(texts(sent, "bot").at(-1)).toBe("Good morning Ann");
    expect(sent.ended).toBe(true);
  });

  it("skipping the wait takes the timeout output; an audience skips to the fallback", () => {
    const run = chatRunner(flow);
    run.send({ type: "start" });
    const chat = press(run, flow, "Skip waiting (1 hour)");
    expect(texts(chat, "system").slice(-2)).toEqual([
      "No answer in time at the Free input step",
      "Skipped “VIP”: not in its audience",
    ]);
    expect(texts(chat, "bot").at(-1)).toBe("Too slow");
  });
});

describe("logic steps in the test chat", () => {
  const flow = compile(
    [
      step("start", "set_values", { operations: [{ kind: "add", variable: "visits", amount: "1" }] }),
      step("cond", "condition", {
        branches: [
          { id: "first", name: "First", rules: [{ subject: "vars.visits", op: "equals", value: "1" }] },
        ],
      }),
      step("split", "random_split", {
        branches: [
          { id: "a", label: "A", weight: 1 },
          { id: "b", label: "B", weight: 1 },
        ],
      }),
      step("ta", "text", { text: "A for visit {{vars.visits}}" }),
      step("tb", "text", { text: "B for visit {{vars.visits}}" }),
      step("again", "text", { text: "Welcome back" }),
    ],
    [
      edge("start", "next", "cond"),
      edge("cond", "branch:first", "split"),
      edge("cond", "else", "again"),
      edge("split", "branch:a", "ta"),
      edge("split", "branch:b", "tb"),
    ],
  );

  it("set values, the condition and the split run with the chat's random source; the split says so", () => {
    const run = chatRunner(flow, () => 0.75);
    const chat = run.send({ type: "start" });
    expect(texts(chat, "bot")).toEqual(["B for visit 1"]);
    expect(texts(chat, "system")).toContain(
      "Random split at the Random split step: branch b (kept for this chat)",
    );
    expect(texts(run.send({ type: "start" }), "bot").at(-1)).toBe("Welcome back");
  });
});

describe("test chat helpers", () => {
  it("maps inline buttons and their presses", () => {
    expect(inlineKey({ label: "Go", callbackData: "s:b" })).toEqual({ label: "Go", data: "s:b" });
    expect(inlineKey({ label: "Site", url: "https://x.y" })).toEqual({ label: "Site", url: "https://x.y" });
    expect(inlineKeyEvent({ label: "Go", data: "s:b" }, "q")).toEqual({
      type: "callback",
      data: "s:b",
      callbackQueryId: "q",
    });
    expect(inlineKeyEvent({ label: "Site", url: "https://x.y" }, "q")).toBeNull();
  });

  it("drops the 📱 of a share button's label, which the chat view adds itself", () => {
    expect(
      replyKeys({
        kind: "reply",
        rows: [
          [
            { label: "📱 Share", requestContact: true },
            { label: "📱", requestContact: true },
            { label: "📱 Menu" },
          ],
        ],
      }),
    ).toEqual([
      [{ label: "Share", requestContact: true }, { label: "📱", requestContact: true }, { label: "📱 Menu" }],
    ]);
  });

  it("sends a plain reply button's label as text", () => {
    expect(replyKeyEvent({ label: "Morning" })).toEqual({
      event: { type: "text", text: "Morning" },
      userText: "Morning",
    });
  });

  it("applies contact updates to built-in and custom fields and tags", () => {
    const contact = { ...testContact(), tags: ["cold", "x"] };
    expect(
      applyContactUpdate(contact, {
        type: "update_contact",
        stepId: "s",
        set: { email: "a@b.co" },
        fields: { plan: "Pro" },
        addTags: ["vip"],
        removeTags: ["COLD"],
      }),
    ).toMatchObject({ email: "a@b.co", fields: { plan: "Pro" }, tags: ["x", "vip"] });
  });

  it("shows an engine error as a system line and keeps the chat", () => {
    const flow = compile([step("start", "text", { text: "Hi" })], []);
    const broken = {
      ...flow,
      steps: { start: { ...flow.steps.start!, type: "nope" } },
    } as unknown as CompiledFlow;
    const chat = runChatEvent(emptyChat(), broken, { type: "start" }, { newId: () => "x", now: 0 });
    expect(texts(chat, "system")[0]).toMatch(/^The engine stopped/);
  });
});

describe("delay and go to flow in the test chat", () => {
  const flow = compile(
    [
      step("start", "delay", { amount: 30, unit: "seconds", allowAliases: false }),
      step("after", "text", { text: "Thanks for waiting" }),
      step("help", "text", { text: "Help" }, { aliases: ["help"] }),
      step("jump", "go_to_flow", { flowId: "f-sales", stepId: null }, { aliases: ["sales"] }),
    ],
    [edge("start", "next", "after")],
  );

  it("says how long the delay waits, ignores an alias meanwhile, and skips the wait on demand", () => {
    const run = chatRunner(flow);
    const waiting = run.send({ type: "start" });
    expect(texts(waiting, "system")).toEqual(["Waiting 30 seconds (Delay)"]);
    const ignored = run.send({ type: "text", text: "help" }, { userText: "help" });
    expect(texts(ignored, "bot")).toEqual([]);
    expect(texts(ignored, "system").at(-1)).toBe("the Delay step is waiting: the alias was ignored");
    const done = press(run, flow, "Skip waiting (30 seconds)");
    expect(texts(done, "bot")).toEqual(["Thanks for waiting"]);
  });

  it("shows the switch to another flow as a line", () => {
    const run = chatRunner(flow);
    run.send({ type: "start" });
    const chat = press(run, flow, "Skip waiting (30 seconds)");
    expect(chat.ended).toBe(true);
    const jumped = run.send({ type: "text", text: "sales" }, { userText: "sales" });
    expect(texts(jumped, "system").at(-1)).toBe(
      "Continues in another flow (the test chat stays in this one)",
    );
  });
});

describe("bot variables in the test chat", () => {
  it("renders {{bot.KEY}} with the values it is given, and empty (or the default) without", () => {
    const flow = compile(
      [
        step(
          "start",
          "text",
          { text: 'Use {{bot.promo}} in {{bot.city | "your city"}}' },
          { aliases: ["/start"] },
        ),
      ],
      [],
    );
    const given = runChatEvent(
      emptyChat(),
      flow,
      { type: "start" },
      {
        newId: () => "x",
        now: 0,
        botValues: { promo: "SPRING10", city: "Riga" },
      },
    );
    expect(texts(given, "bot")).toEqual(["Use SPRING10 in Riga"]);
    const none = runChatEvent(emptyChat(), flow, { type: "start" }, { newId: () => "y", now: 0 });
    expect(texts(none, "bot")).toEqual(["Use  in your city"]);
  });
});

describe("a test run of a half-built flow", () => {
  it("runs up to the broken step, then stops with its problem and the step to show", () => {
    const doc = {
      format: "switchboard.flow",
      version: 1,
      entryStepId: "start",
      steps: [
        step("start", "text", { text: "Hello!" }),
        step("ask", "free_input", { text: "", variable: "email" }, { title: "Ask email" }),
      ],
      edges: [edge("start", "next", "ask")],
    };
    expect(compileDraft(doc).ok).toBe(false);
    const run = compileForTest(doc);
    if (!run.ok) throw new Error(run.reason);
    let n = 0;
    const chat = runChatEvent(
      emptyChat(),
      run.flow,
      { type: "start" },
      {
        newId: () => `m${++n}`,
        now: 0,
        stops: run.stops,
      },
    );
    expect(texts(chat, "bot")).toEqual(["Hello!"]);
    const stop = chat.messages.at(-1)!;
    expect(stop).toMatchObject({ from: "system", stepId: "ask" });
    expect(stop.text).toMatch(/^Stopped\. “Ask email” can't run yet: /);
    expect(chat.ended).toBe(true);
  });
});
