/**
 * Benchmarks of the pure core, run on demand (`pnpm bench`), never as tests. Every figure is printed
 * next to a baseline measured in the same run, so the ratio means something on a noisy machine.
 */
import {
  compileDraft,
  defaultEngineSettings,
  type EngineContext,
  emptyContactFacts,
  type FlowDocument,
  initialState,
  runEngine,
} from "@switchboard/flow";

function bigFlow(steps: number): FlowDocument {
  const doc: FlowDocument = {
    format: "switchboard.flow",
    version: 1,
    entryStepId: "s0",
    steps: [],
    edges: [],
  };
  for (let i = 0; i < steps; i++) {
    const id = `s${i}`;
    const next = `s${i + 1}`;
    if (i % 3 === 1)
      doc.steps.push({
        id,
        type: "buttons",
        title: `Menu ${i}`,
        position: { x: 0, y: i * 100 },
        aliases: [`/m${i}`],
        config: {
          text: `Question ${i} for {{name}}`,
          keyboard: "inline",
          columns: 2,
          retryText: "Use the buttons",
          buttons: [
            { id: "a", kind: "goto", label: "A" },
            { id: "b", kind: "goto", label: "B" },
          ],
        },
      });
    else if (i % 3 === 2)
      doc.steps.push({
        id,
        type: "free_input",
        title: "",
        position: { x: 0, y: i * 100 },
        aliases: [],
        config: { text: "Email?", variable: `v${i}`, validation: { kind: "email" }, retryText: "again" },
      });
    else
      doc.steps.push({
        id,
        type: "text",
        title: "",
        position: { x: 0, y: i * 100 },
        aliases: [],
        config: { text: `Step ${i} {{vars.v${i - 1} | "-"}}` },
      });
    if (i + 1 < steps) {
      if (i % 3 === 1) {
        doc.edges.push({ id: `e${i}a`, source: id, sourceHandle: "button:a", target: next });
        doc.edges.push({ id: `e${i}b`, source: id, sourceHandle: "button:b", target: next });
      } else doc.edges.push({ id: `e${i}`, source: id, sourceHandle: "next", target: next });
    }
  }
  return doc;
}

function measure(label: string, iterations: number, fn: () => void): number {
  for (let i = 0; i < Math.min(iterations, 50); i++) fn(); // warm up
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  const ns = Number(process.hrtime.bigint() - start) / iterations;
  console.log(`  ${label.padEnd(48)} ${(ns / 1000).toFixed(2).padStart(10)} µs/op`);
  return ns;
}

const ctx: EngineContext = {
  status: "bot",
  contact: emptyContactFacts(),
  template: { name: "Ann", username: "ann", chatId: "1", createdAt: "", fields: {}, bot: {}, tracker: {} },
  settings: defaultEngineSettings,
};

console.log("Compiler (flow of 600 steps, 800 edges)");
const doc = bigFlow(600);
const json = JSON.stringify(doc);
const base = measure("baseline: JSON.parse of the same document", 200, () => JSON.parse(json));
const compile = measure("compileDraft", 200, () => compileDraft(JSON.parse(json)));
console.log(`  → compile costs ${(compile / base).toFixed(1)}× a JSON.parse of the document\n`);

console.log("Engine (one inbound event on the same flow)");
const flow = compileDraft(doc).flow!;
const started = runEngine(flow, initialState(), { type: "start" }, ctx).state;
const atQuestion = runEngine(
  flow,
  started,
  { type: "callback", data: "s1:a", callbackQueryId: "q" },
  ctx,
).state;
const clone = measure("baseline: structuredClone of the state", 20_000, () => structuredClone(atQuestion));
const answer = measure("runEngine: valid answer to a free input", 20_000, () =>
  runEngine(flow, atQuestion, { type: "text", text: "a@b.co" }, ctx),
);
const press = measure("runEngine: button press", 20_000, () =>
  runEngine(flow, started, { type: "callback", data: "s1:a", callbackQueryId: "q" }, ctx),
);
console.log(
  `  → an answer costs ${(answer / clone).toFixed(1)}× cloning the state; a press ${(press / clone).toFixed(1)}×`,
);
console.log(`  → ≈ ${Math.round(1e9 / answer).toLocaleString("en")} engine steps per second on one core`);
