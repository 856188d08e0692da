import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FLOW_NAME_MAX,
  parseFlowDocument,
  readFlowFile,
  STEP_DEFINITIONS,
  writeFlowFile,
} from "../src/index";
import { STEP_PROBLEM_CASES } from "../src/steps/test-cases";

/**
 * Property-based fuzzing of the flow file a marketer uploads on the Flows page (readFlowFile, the whole of
 * flows.importJson but the insert). Whatever the bytes: an answer, never an exception, never a hang; a
 * refusal is one readable sentence; what is accepted can be exported and imported again unchanged.
 * Runs and sizes are bounded so the file takes seconds; FC_SEED / FC_RUNS reproduce or widen a run.
 */
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const runs = (n: number) => ({ numRuns: Number(process.env.FC_RUNS ?? n), seed, endOnFailure: true });
/** fast-check runs synchronously; on a busy shared machine a property may need more than vitest's 5 s. */
const SLOW = 30_000;

/** What an import may answer: the document, or a refusal a person can read. */
function expectAnAnswer(json: string) {
  const started = performance.now();
  const read = readFlowFile(json);
  // Generous for a shared 2-core machine; a catastrophic regex or quadratic walk takes far longer.
  expect(performance.now() - started).toBeLessThan(2000);
  if (read.ok) {
    expect(read.name.length).toBeLessThanOrEqual(FLOW_NAME_MAX);
    // Accepted means storable and exportable: export it and import it again to the same document.
    const again = readFlowFile(writeFlowFile(read.name, read.document));
    expect(again).toEqual({ ok: true, document: read.document, name: read.name });
  } else expectASentence(read.message);
  return read;
}

function expectASentence(message: string) {
  expect(typeof message).toBe("string");
  expect(message.trim().length).toBeGreaterThan(0);
  // A sentence, not the upload echoed back or a dump of the parser's issues.
  expect(message.length, message.slice(0, 300)).toBeLessThanOrEqual(1000);
  expect(message).not.toMatch(/^\s*[[{]/);
  expect(() => JSON.parse(message)).toThrow();
}

// ---- valid flows ----

const idArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/);
/** Any text, including what breaks naive code: emoji, RTL, template braces, quotes, newlines. */
const textArb = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom("😀 {{name}}", "שלום", '"quoted" \\ back', "line\nbreak", '{{vars.x | "-"}}', "$& $1"),
);

/** A step of any registered type with its default config, and arbitrary title, place and aliases. */
const stepArb = (id: string) =>
  fc
    .record({
      def: fc.constantFrom(...STEP_DEFINITIONS),
      title: fc.string({ maxLength: 120 }),
      x: fc.double({ noNaN: true, noDefaultInfinity: true }),
      y: fc.integer({ min: -1e6, max: 1e6 }),
      aliases: fc.array(fc.stringMatching(/^\/?[A-Za-z][A-Za-z0-9 ]{0,20}$/), { maxLength: 3 }),
      text: textArb,
    })
    .map(({ def, title, x, y, aliases, text }) => {
      const config = def.defaults() as Record<string, unknown>;
      // Where the config has a message text, put arbitrary text in it.
      if (typeof config.text === "string") config.text = text;
      return { id, type: def.type, title, position: { x, y }, aliases, config };
    });

/** A flow of up to `maxSteps` steps with unique ids, connected at random: cycles and self-loops included. */
const rawFlowArb = (maxSteps = 12) =>
  fc
    .uniqueArray(idArb, { minLength: 1, maxLength: maxSteps })
    .chain((ids) =>
      fc.record({
        steps: fc.tuple(...ids.map(stepArb)),
        edges: fc.array(
          fc.record({
            source: fc.constantFrom(...ids),
            target: fc.constantFrom(...ids),
            handle: fc.constantFrom("next", "timeout", "button:a"),
          }),
          { maxLength: ids.length * 2 },
        ),
        entry: fc.option(fc.constantFrom(...ids), { nil: null }),
      }),
    )
    .map(({ steps, edges, entry }) => ({
      format: "switchboard.flow",
      version: 1,
      entryStepId: entry,
      steps,
      edges: edges.map((e, i) => ({
        id: `e${i}`,
        source: e.source,
        sourceHandle: e.handle,
        target: e.target,
      })),
    }));

/** The fixtures of every step type's compile problems: flows that parse, with richer configs than defaults. */
const parsesCleanly = (raw: unknown) => {
  const { document, problems } = parseFlowDocument(raw);
  return document !== null && !problems.some((p) => p.code === "INVALID_STEP" || p.code === "INVALID_EDGE");
};
/** (A few fixtures are broken on purpose, e.g. a weight of zero: those are left to the mutations.) */
const fixtureFlows = Object.values(STEP_PROBLEM_CASES)
  .flat()
  .map((c) => c.doc as unknown)
  .filter(parsesCleanly);
const validRawFlowArb = fc.oneof(rawFlowArb(), fc.constantFrom(...fixtureFlows));

// ---- mutations ----

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const DEEP = "\u0001deep\u0001";
const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];

/** Replacement values that have broken importers before. */
const hostileValueArb: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(
    "x".repeat(100_000),
    "\u0000",
    "a\u0000b",
    "\uD800",
    "emoji cut \uD83D",
    "\uDE00 low first",
    DEEP,
    -0,
    1e308,
    -1e308,
    5e-324,
    Number.MAX_SAFE_INTEGER + 2,
    "",
    " ",
    [],
    {},
    "__proto__",
    "toString",
  ),
);

type Mutation =
  | { kind: "delete"; at: number }
  | { kind: "replace"; at: number; value: Json }
  | { kind: "prototypeKey"; at: number; key: string; value: Json };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: hostileValueArb }),
  fc.record({
    kind: fc.constant("prototypeKey" as const),
    at: fc.nat(),
    key: fc.constantFrom(...PROTOTYPE_KEYS),
    value: hostileValueArb,
  }),
);

/** Every container and leaf of the tree, with its parent and key (the root has none). */
function nodesOf(
  root: Json,
): Array<{ parent: Json[] | { [key: string]: Json } | null; key: string | number }> {
  const out: Array<{ parent: Json[] | { [key: string]: Json } | null; key: string | number }> = [
    { parent: null, key: "" },
  ];
  const stack: Json[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node && typeof node === "object")
      for (const [key, child] of Object.entries(node)) {
        out.push({ parent: node, key: Array.isArray(node) ? Number(key) : key });
        stack.push(child);
      }
  }
  return out;
}

/** An own property, even for "__proto__" (plain assignment would set the prototype instead). */
const setOwn = (obj: object, key: string | number, value: Json) =>
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });

function mutate(raw: unknown, mutations: Mutation[]): Json {
  let root = structuredClone(raw) as Json;
  for (const m of mutations) {
    const nodes = nodesOf(root);
    const { parent, key } = nodes[m.at % nodes.length]!;
    if (m.kind === "delete") {
      if (parent === null) root = null;
      else if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (m.kind === "replace") {
      if (parent === null) root = m.value;
      else setOwn(parent, key, m.value);
    } else {
      const target = parent === null ? root : (parent as Record<string, Json>)[key];
      if (target && typeof target === "object" && !Array.isArray(target)) setOwn(target, m.key, m.value);
      else if (parent !== null) setOwn(parent, key, { [m.key]: m.value });
    }
  }
  return root;
}

/** JSON text of the mutated flow; the DEEP marker becomes an array nested tens of thousands deep. */
const toFileText = (value: Json, depth: number) =>
  JSON.stringify(value).replaceAll(JSON.stringify(DEEP), `${"[".repeat(depth)}${"]".repeat(depth)}`);

// ---- properties ----

describe("flow file import (fuzzed)", () => {
  it("every step type's defaults parse, and so do most fixtures: the generators below start from valid flows", () => {
    const defaults = STEP_DEFINITIONS.map((d, i) => ({ id: `s${i}`, type: d.type, config: d.defaults() }));
    expect(parsesCleanly({ steps: defaults })).toBe(true);
    expect(fixtureFlows.length).toBeGreaterThan(Object.values(STEP_PROBLEM_CASES).flat().length * 0.8);
  });

  it(
    "a valid flow round-trips: export → import gives the same document and name",
    () => {
      fc.assert(
        fc.property(validRawFlowArb, fc.string({ maxLength: 150 }), (raw, name) => {
          const { document } = parseFlowDocument(raw);
          const file = writeFlowFile(name, document!);
          const read = readFlowFile(file);
          expect(read.ok, read.ok ? "" : read.message).toBe(true);
          if (!read.ok) return;
          // JSON has no -0: a position of -0 comes back as 0, the same place.
          expect(read.document).toEqual(JSON.parse(JSON.stringify(document)));
          expect(read.name).toBe(expectedName(name));
          expectAnAnswer(file);
        }),
        runs(60),
      );
    },
    SLOW,
  );

  it(
    "arbitrary JSON gets an answer, never an exception",
    () => {
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
          expectAnAnswer(JSON.stringify(value));
        }),
        runs(200),
      );
    },
    SLOW,
  );

  it(
    "arbitrary text (mostly not JSON) gets an answer",
    () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 })),
          (text) => {
            expectAnAnswer(text);
          },
        ),
        runs(200),
      );
    },
    SLOW,
  );

  it(
    "a mutated valid flow gets an answer: deletions, replacements, huge strings, NUL, lone surrogates, deep nesting, prototype keys",
    () => {
      fc.assert(
        fc.property(
          validRawFlowArb,
          fc.array(mutationArb, { minLength: 1, maxLength: 6 }),
          fc.integer({ min: 1, max: 50_000 }),
          (raw, mutations, depth) => {
            expectAnAnswer(toFileText(mutate(raw, mutations), depth));
          },
        ),
        runs(150),
      );
    },
    SLOW,
  );

  it(
    "thousands of steps, linked in cycles, get an answer in bounded time",
    () => {
      fc.assert(
        fc.property(fc.integer({ min: 1500, max: 2600 }), fc.nat(), (count, shift) => {
          const steps = Array.from({ length: count }, (_, i) => ({
            id: `s${i}`,
            type: "text",
            config: { text: `step ${i}` },
          }));
          // Every step leads to another, round and round: one big cycle plus shortcuts back.
          const edges = steps.map((_, i) => ({
            id: `e${i}`,
            source: `s${i}`,
            sourceHandle: "next",
            target: `s${(i + 1 + (i % 7 === 0 ? shift : 0)) % count}`,
          }));
          const read = expectAnAnswer(JSON.stringify({ name: "big", steps, edges, entryStepId: "s0" }));
          // The document's own limit is 2000 steps: under it a flow is taken, over it refused in words.
          expect(read.ok).toBe(count <= 2000);
        }),
        runs(4),
      );
    },
    SLOW,
  );
});

/** The name readFlowFile keeps: trimmed, at most FLOW_NAME_MAX characters, no emoji cut in half. */
function expectedName(name: string): string {
  return name
    .trim()
    .slice(0, FLOW_NAME_MAX)
    .replace(/[\uD800-\uDBFF]$/, "")
    .trim();
}
