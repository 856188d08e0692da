import { describe, expect, it } from "vitest";
import {
  type CompiledFlow,
  type ConversationState,
  type ConversationStatus,
  compileDraft,
  type InboundEvent,
  initialState,
  MAX_STEPS_PER_EVENT,
  runEngine,
  VALIDATION_KINDS,
} from "../src/index";
import {
  buttonsStep,
  flowDoc,
  freeInputStep,
  goto,
  link,
  makeCtx,
  prng,
  type RawButton,
  type RawEdge,
  textStep,
} from "../src/testing";

type Rng = ReturnType<typeof prng>;

const WORDS = ["Yes", "No", "Maybe", "Info", "Prices", "Help", "Back", "Menu", "Later", "OK"];
const HOSTILE = ["<b>hi</b>", "😀", "שלום", "{{", "}}", "$&", "\n", " ", "x".repeat(300)];

function randomText(rng: Rng): string {
  const parts = [rng.pick(WORDS)];
  for (let i = rng.int(0, 3); i > 0; i--)
    parts.push(rng.pick([...WORDS, "{{name}}", '{{vars.v0 | "-"}}', "{{fields.city}}", ...HOSTILE]));
  return parts.join(" ");
}

/**
 * A random publishable flow. Non-waiting (text) steps only lead forward, so any cycle passes
 * through a waiting step and LOOP_WITHOUT_WAIT can't occur; every button is connected.
 */
function randomFlow(rng: Rng) {
  const n = rng.int(1, 14);
  const ids = Array.from({ length: n }, (_, i) => `s${i}`);
  const types = ids.map(() => rng.pick(["text", "buttons", "free_input"] as const));
  const steps: unknown[] = [];
  const edges: RawEdge[] = [];
  const aliases = new Set<string>();
  const anyTarget = () => rng.pick(ids);
  const forwardOrWaiting = (i: number) => {
    const candidates = ids.filter((_, j) => j > i || types[j] !== "text");
    return candidates.length ? rng.pick(candidates) : null;
  };

  types.forEach((type, i) => {
    const id = ids[i]!;
    const stepAliases: string[] = [];
    if (rng.chance(0.3)) {
      const alias = rng.pick(["/help", "/menu", "/prices", "Contacts", "back to start", `/s${i}`]);
      if (!aliases.has(alias.toLowerCase())) {
        aliases.add(alias.toLowerCase());
        stepAliases.push(alias);
      }
    }
    const extra = { aliases: stepAliases };
    if (type === "text") {
      steps.push(textStep(id, randomText(rng), extra));
      const target = rng.chance(0.85) ? forwardOrWaiting(i) : null;
      if (target) edges.push([id, "next", target]);
    } else if (type === "buttons") {
      const keyboard = rng.pick(["inline", "reply"] as const);
      const buttons: RawButton[] = [];
      const count = rng.int(1, 5);
      for (let b = 0; b < count; b++) {
        const label = `${rng.pick(WORDS)} ${b}`;
        if (keyboard === "inline" && rng.chance(0.15))
          buttons.push(link(`b${b}`, label, "https://example.com/x"));
        else {
          buttons.push(goto(`b${b}`, label));
          edges.push([id, `button:b${b}`, anyTarget()]);
        }
      }
      if (!buttons.some((b) => b.kind === "goto")) {
        buttons.push(goto("bx", "Go"));
        edges.push([id, "button:bx", anyTarget()]);
      }
      steps.push(
        buttonsStep(
          id,
          randomText(rng),
          buttons,
          {
            keyboard,
            columns: rng.int(1, 4),
            ...(rng.chance(0.5) ? { saveAs: `v${i}` } : {}),
            ...(rng.chance(0.2) ? { retryText: "" } : {}),
          },
          extra,
        ),
      );
    } else {
      const kind = rng.pick(VALIDATION_KINDS);
      const validation = kind === "regex" ? { kind, pattern: "[a-z]+\\d?" } : { kind };
      steps.push(freeInputStep(id, randomText(rng), `v${i}`, { validation }, extra));
      if (rng.chance(0.85)) edges.push([id, "next", anyTarget()]);
    }
  });
  return flowDoc(steps, edges, "s0");
}

function randomEvent(rng: Rng, flow: CompiledFlow, state: ConversationState): InboundEvent {
  const stepIds = Object.keys(flow.steps);
  const current = state.stepId ? flow.steps[state.stepId] : undefined;
  const labels = current?.type === "buttons" ? current.config.buttons.map((b) => b.label) : [];
  const roll = rng.int(0, 9);
  const cq = `cq${rng.int(1, 1000)}`;
  switch (roll) {
    case 0:
      return rng.chance(0.5) ? { type: "start" } : { type: "start", payload: `p${rng.int(0, 99)}` };
    case 1:
    case 2: {
      const step = flow.steps[rng.pick(stepIds)]!;
      const buttonId = step.type === "buttons" ? rng.pick(step.config.buttons).id : "b0";
      return { type: "callback", data: `${step.id}:${buttonId}`, callbackQueryId: cq };
    }
    case 3:
      return {
        type: "callback",
        data: rng.pick(["", "x", "gone:b0", "s0:zz", "a:b:c"]),
        callbackQueryId: cq,
      };
    case 4:
      return { type: "text", text: labels.length ? rng.pick(labels) : rng.pick(WORDS) };
    case 5:
      return {
        type: "text",
        text: rng.pick([...Object.keys(flow.aliases), "/start", "/start ref", "/help@Bot"]),
      };
    case 6:
      return { type: "contact", phone: rng.pick(["+15551234567", "123", ""]) };
    case 7:
      return { type: "timer", timerId: "t", stepId: rng.pick(stepIds) };
    default:
      return {
        type: "text",
        text: rng.pick(["hello", "42", "1,5", "a@b.co", "23.11.2026", "abc1", "", "   ", ...HOSTILE]),
      };
  }
}

describe("random flows", () => {
  const FLOWS = 200;
  const EVENTS = 40;
  const seeds = Array.from({ length: FLOWS }, (_, i) => i + 1);

  it.each(seeds)("seed %i: compiles and survives random events", (seed) => {
    const rng = prng(seed);
    const doc = randomFlow(rng);
    const result = compileDraft(doc);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.ok).toBe(true);
    const flow = result.flow!;

    const statuses: ConversationStatus[] = ["bot", "bot", "bot", "closed", "operator"];
    let state: ConversationState = initialState();
    let status = rng.pick(statuses);
    const settings = { waitForStart: rng.chance(0.5) };
    for (let i = 0; i < EVENTS; i++) {
      const event = randomEvent(rng, flow, state);
      const out = runEngine(flow, state, event, makeCtx(settings, {}, { status }));
      const reached = out.events.filter((e) => e.type === "step_reached").length;
      expect(reached).toBeLessThanOrEqual(MAX_STEPS_PER_EVENT);
      // A publishable flow can't loop without waiting, so the guard never fires.
      expect(out.events.some((e) => e.type === "step_limit_reached")).toBe(false);
      expect(out.state.stepId === null || out.state.stepId in flow.steps).toBe(true);
      expect(!out.state.waiting || out.state.stepId !== null).toBe(true);
      for (const a of out.actions) if (a.type === "send_message") expect(typeof a.text).toBe("string");
      state = JSON.parse(JSON.stringify(out.state)) as ConversationState;
      status = out.status;
      // Occasionally an operator takes over or releases the conversation.
      if (rng.chance(0.05)) status = rng.pick(statuses);
    }
  });
});
