import { describe, expect, it } from "vitest";
import {
  compileDraft,
  compileFlow,
  emptyFlowDocument,
  normalizeAlias,
  PROBLEM_CODES,
  type ProblemCode,
  parseFlowDocument,
  STEP_TYPES,
  stepRegistry,
} from "../src/index";
import { STEP_PROBLEM_CASES } from "../src/steps/test-cases";
import {
  buttonsStep,
  compileOk,
  expectProblemCase,
  flowDoc,
  freeInputStep,
  goto,
  link,
  type ProblemCase,
  textStep,
} from "../src/testing";

const ask = (id: string) => freeInputStep(id, "Your name?", "name");

/**
 * One or more cases per problem code. Error cases must fail to publish; warning cases are otherwise
 * valid flows, so they must still compile.
 */
const problemCases: ProblemCase[] = [
  { code: "INVALID_DOCUMENT", what: "null", severity: "error", stepId: undefined, doc: null },
  {
    code: "INVALID_STEP",
    what: "a text step without config",
    severity: "error",
    stepId: "b",
    doc: flowDoc([textStep("a", "Hi"), { id: "b", type: "text" }], [["a", "next", "b"]]),
  },
  {
    code: "INVALID_EDGE",
    what: "an edge without source",
    severity: "error",
    stepId: undefined,
    doc: { ...flowDoc([textStep("a", "Hi")]), edges: [{ id: "e1", sourceHandle: "next", target: "a" }] },
  },
  {
    code: "DUPLICATE_STEP_ID",
    what: "two steps with id a",
    severity: "error",
    stepId: "a",
    doc: flowDoc([textStep("a", "Hi"), textStep("a", "Again")]),
  },
  { code: "FLOW_EMPTY", what: "no steps", severity: "error", stepId: undefined, doc: flowDoc([]) },
  {
    code: "NO_ENTRY_STEP",
    what: "no entryStepId and no /start alias",
    severity: "error",
    stepId: undefined,
    doc: flowDoc([textStep("a", "Hi")], [], null),
  },
  {
    code: "NO_ENTRY_STEP",
    what: "entryStepId names a missing step",
    severity: "error",
    stepId: undefined,
    doc: flowDoc([textStep("a", "Hi")], [], "ghost"),
  },
  {
    code: "EDGE_UNKNOWN_SOURCE",
    what: "edge from a missing step",
    severity: "error",
    stepId: undefined,
    doc: flowDoc([textStep("a", "Hi")], [["ghost", "next", "a"]]),
  },
  {
    code: "EDGE_UNKNOWN_TARGET",
    what: "edge to a missing step",
    severity: "error",
    stepId: "a",
    doc: flowDoc([textStep("a", "Hi")], [["a", "next", "ghost"]]),
  },
  {
    code: "EDGE_UNKNOWN_HANDLE",
    what: "button handle on a text step",
    severity: "error",
    stepId: "a",
    doc: flowDoc([textStep("a", "Hi"), textStep("b", "Bye")], [["a", "button:x", "b"]]),
  },
  {
    code: "EDGE_UNKNOWN_HANDLE",
    what: "url buttons have no output",
    severity: "error",
    stepId: "q",
    doc: flowDoc(
      [
        buttonsStep("q", "Pick", [goto("y", "Yes"), link("w", "Web", "https://example.com")]),
        textStep("b", "B"),
      ],
      [
        ["q", "button:y", "b"],
        ["q", "button:w", "b"],
      ],
    ),
  },
  {
    code: "DUPLICATE_OUTPUT",
    what: "next connected twice",
    severity: "error",
    stepId: "a",
    doc: flowDoc(
      [textStep("a", "Hi"), textStep("b", "B"), textStep("c", "C")],
      [
        ["a", "next", "b"],
        ["a", "next", "c"],
      ],
    ),
  },
  {
    code: "BUTTON_NO_TARGET",
    what: "a goto button left unconnected",
    severity: "error",
    stepId: "q",
    doc: flowDoc(
      [buttonsStep("q", "Pick", [goto("y", "Yes"), goto("n", "No")]), textStep("b", "B")],
      [["q", "button:y", "b"]],
    ),
  },
  {
    code: "DUPLICATE_ALIAS",
    what: "/help and /Help@MyBot on two steps",
    severity: "error",
    stepId: "b",
    doc: flowDoc(
      [textStep("a", "A", { aliases: ["/help"] }), textStep("b", "B", { aliases: ["/Help@MyBot"] })],
      [["a", "next", "b"]],
    ),
  },
  {
    code: "LOOP_WITHOUT_WAIT",
    what: "a -> b -> a, all text",
    severity: "error",
    stepId: "a",
    doc: flowDoc(
      [textStep("a", "A"), textStep("b", "B")],
      [
        ["a", "next", "b"],
        ["b", "next", "a"],
      ],
    ),
  },
  {
    code: "LOOP_WITHOUT_WAIT",
    what: "a text step pointing at itself",
    severity: "error",
    stepId: "a",
    doc: flowDoc([textStep("a", "A")], [["a", "next", "a"]]),
  },
  {
    code: "UNREACHABLE_STEP",
    what: "a step nothing leads to",
    severity: "warning",
    stepId: "orphan",
    doc: flowDoc([textStep("a", "A"), textStep("orphan", "Nobody sees me")]),
  },
  {
    code: "DANGLING_OUTPUT",
    what: "a text step with no next",
    severity: "warning",
    stepId: "a",
    doc: flowDoc([textStep("a", "The end")]),
  },
  {
    code: "UNKNOWN_VARIABLE",
    what: "vars.x that no step writes",
    severity: "warning",
    stepId: "a",
    doc: flowDoc([textStep("a", "Hello {{vars.nickname}}")]),
  },
  {
    code: "UNKNOWN_VARIABLE",
    what: "an unknown root",
    severity: "warning",
    stepId: "a",
    doc: flowDoc([ask("f"), textStep("a", "Hi {{nmae}}")], [["f", "next", "a"]]),
  },
  {
    code: "UNKNOWN_VARIABLE",
    what: "unknown name in a retry text",
    severity: "warning",
    stepId: "f",
    doc: flowDoc([freeInputStep("f", "Age?", "age", { retryText: "{{vars.nope}}, try again" })]),
  },
  {
    code: "UNKNOWN_VARIABLE",
    what: "unknown name in a button label (labels are rendered)",
    severity: "warning",
    stepId: "q",
    doc: flowDoc(
      [buttonsStep("q", "Pick", [goto("y", "I am {{vars.who}}")]), textStep("t", "T")],
      [["q", "button:y", "t"]],
    ),
  },
];

problemCases.push(
  {
    code: "INVALID_AUDIENCE_RULE",
    what: "an audience rule comparing with nothing",
    severity: "error",
    stepId: "a",
    doc: flowDoc([
      textStep("a", "Hi", {
        audience: {
          rules: [{ kind: "field", field: { kind: "contact", key: "city" }, op: "equals", value: " " }],
        },
      }),
    ]),
  },
  {
    code: "INVALID_AUDIENCE_RULE",
    what: "a number field compared with text",
    severity: "error",
    stepId: "a",
    doc: flowDoc([
      textStep("a", "Hi", {
        audience: {
          rules: [{ kind: "field", field: { kind: "custom", key: "age" }, op: "greater_than", value: "old" }],
        },
      }),
    ]),
    env: { customFields: [{ key: "age", label: "Age", type: "number", options: [] }] },
  },
  {
    code: "UNKNOWN_CONTACT_FIELD",
    what: "an audience rule on a field the workspace does not have",
    severity: "error",
    stepId: "a",
    doc: flowDoc([
      textStep("a", "Hi", {
        audience: { rules: [{ kind: "field", field: { kind: "custom", key: "vip" }, op: "is_set" }] },
      }),
    ]),
    env: { customFields: [] },
  },
);

describe("compiler problem codes", () => {
  it.each(problemCases)("$code: $what", expectProblemCase);

  it.each(Object.keys(PROBLEM_CODES) as ProblemCode[])("%s has a case in the table", (code) => {
    const all = [...problemCases, ...Object.values(STEP_PROBLEM_CASES).flat()];
    expect(all.some((c) => c.code === code)).toBe(true);
  });

  it("points edge problems at the edge", () => {
    const result = compileDraft(flowDoc([textStep("a", "Hi")], [["a", "next", "ghost"]]));
    expect(result.problems.find((p) => p.code === "EDGE_UNKNOWN_TARGET")).toMatchObject({ edgeId: "e1" });
  });

  it("points button problems at the button", () => {
    const result = compileDraft(flowDoc([buttonsStep("q", "Pick", [goto("y", "Yes"), goto("n", "")])]));
    expect(result.problems.find((p) => p.code === "EMPTY_BUTTON_LABEL")?.path).toBe("config.buttons.1");
    expect(result.problems.filter((p) => p.code === "BUTTON_NO_TARGET").map((p) => p.path)).toEqual([
      "button:y",
      "button:n",
    ]);
  });

  it("does not warn about a variable with a default or one that a step writes", () => {
    const result = compileDraft(
      flowDoc(
        [ask("f"), textStep("a", 'Hi {{vars.name}} from {{vars.city | "somewhere"}}, {{fields.plan}}')],
        [["f", "next", "a"]],
      ),
    );
    expect(result.problems.filter((p) => p.code === "UNKNOWN_VARIABLE")).toEqual([]);
  });

  it("does not warn about an unconnected output of a step marked as ending the conversation", () => {
    const end = { ...textStep("a", "Thanks, bye!"), endsConversation: true };
    const result = compileDraft(flowDoc([end]));
    expect(result.problems.filter((p) => p.code === "DANGLING_OUTPUT")).toEqual([]);
    expect(result.ok).toBe(true);
    // Unmarked (or unmarked again), the warning is back.
    const unmarked = compileDraft(flowDoc([{ ...end, endsConversation: false }]));
    expect(unmarked.problems.map((p) => p.code)).toContain("DANGLING_OUTPUT");
  });

  it("accepts a loop that passes through a waiting step", () => {
    const result = compileDraft(
      flowDoc(
        [textStep("a", "A"), ask("f")],
        [
          ["a", "next", "f"],
          ["f", "next", "a"],
        ],
      ),
    );
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
  });
});

describe("malformed documents never throw", () => {
  const cases: { what: string; raw: unknown; code: ProblemCode; mentions: string; stepId?: string }[] = [
    { what: "null", raw: null, code: "INVALID_DOCUMENT", mentions: "null" },
    { what: "undefined", raw: undefined, code: "INVALID_DOCUMENT", mentions: "expected object" },
    { what: "a string", raw: "hello", code: "INVALID_DOCUMENT", mentions: "string" },
    { what: "a number", raw: 42, code: "INVALID_DOCUMENT", mentions: "number" },
    { what: "an array", raw: [], code: "INVALID_DOCUMENT", mentions: "array" },
    { what: "an empty object", raw: {}, code: "INVALID_DOCUMENT", mentions: "steps" },
    { what: "steps not an array", raw: { steps: "a,b" }, code: "INVALID_DOCUMENT", mentions: "steps" },
    {
      what: "edges not an array",
      raw: { steps: [], edges: {} },
      code: "INVALID_DOCUMENT",
      mentions: "edges",
    },
    {
      what: "another format",
      raw: { format: "other", steps: [] },
      code: "INVALID_DOCUMENT",
      mentions: "format",
    },
    { what: "version 2", raw: { version: 2, steps: [] }, code: "INVALID_DOCUMENT", mentions: "version" },
    {
      what: "a step with an unknown type",
      raw: { steps: [{ id: "a", type: "video", config: {} }] },
      code: "INVALID_STEP",
      mentions: "type",
      stepId: "a",
    },
    {
      what: "a step without id",
      raw: { steps: [{ type: "text", config: { text: "Hi" } }] },
      code: "INVALID_STEP",
      mentions: "#1",
    },
    { what: "a null step", raw: { steps: [null] }, code: "INVALID_STEP", mentions: "#1" },
    { what: "a string step", raw: { steps: ["text"] }, code: "INVALID_STEP", mentions: "#1" },
    {
      what: "an id with spaces",
      raw: { steps: [{ id: "my step", type: "text", config: { text: "Hi" } }] },
      code: "INVALID_STEP",
      mentions: "id",
      stepId: "my step",
    },
    {
      what: "an id longer than 24 characters",
      raw: { steps: [{ id: "a".repeat(25), type: "text", config: { text: "Hi" } }] },
      code: "INVALID_STEP",
      mentions: "id",
      stepId: "a".repeat(25),
    },
    {
      what: "a bad variable name",
      raw: { steps: [{ id: "f", type: "free_input", config: { text: "Q", variable: "1st" } }] },
      code: "INVALID_STEP",
      mentions: "config.variable",
      stepId: "f",
    },
    {
      what: "an unknown validation kind",
      raw: {
        steps: [
          { id: "f", type: "free_input", config: { text: "Q", variable: "v", validation: { kind: "iban" } } },
        ],
      },
      code: "INVALID_STEP",
      mentions: "validation",
      stepId: "f",
    },
    {
      what: "a button of unknown kind",
      raw: {
        steps: [{ id: "q", type: "buttons", config: { text: "Q", buttons: [{ id: "b", kind: "pay" }] } }],
      },
      code: "INVALID_STEP",
      mentions: "buttons",
      stepId: "q",
    },
    {
      what: "an edge that is a number",
      raw: { steps: [], edges: [7] },
      code: "INVALID_EDGE",
      mentions: "#1",
    },
  ];

  it.each(cases)("$what -> $code", ({ raw, code, mentions, stepId }) => {
    let result: ReturnType<typeof compileDraft> | undefined;
    expect(() => {
      result = compileDraft(raw);
    }).not.toThrow();
    expect(result!.ok).toBe(false);
    const p = result!.problems.find((x) => x.code === code);
    expect(p, JSON.stringify(result!.problems)).toBeDefined();
    expect(p!.severity).toBe("error");
    expect(p!.message).toContain(mentions);
    expect(p!.message).not.toContain("[object Object]");
    expect(p!.stepId).toBe(stepId);
  });

  it("keeps the valid steps of a document with one broken step", () => {
    const { document, problems } = parseFlowDocument(
      flowDoc([textStep("a", "Hi"), { id: "b", type: "nope" }, textStep("c", "C")]),
    );
    expect(document?.steps.map((s) => s.id)).toEqual(["a", "c"]);
    expect(problems.map((p) => [p.code, p.stepId])).toEqual([["INVALID_STEP", "b"]]);
  });

  it("fills defaults while parsing", () => {
    const { document } = parseFlowDocument({ steps: [{ id: "a", type: "text", config: { text: "Hi" } }] });
    expect(document).toEqual({
      format: "switchboard.flow",
      version: 1,
      entryStepId: null,
      edges: [],
      steps: [
        { id: "a", type: "text", title: "", position: { x: 0, y: 0 }, aliases: [], config: { text: "Hi" } },
      ],
    });
  });

  it("compileFlow reports an empty document", () => {
    const result = compileFlow(emptyFlowDocument());
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.code)).toEqual(["FLOW_EMPTY"]);
  });
});

describe("valid flows compile to the indexed form", () => {
  const cases = [
    {
      what: "text -> text",
      doc: flowDoc(
        [textStep("hello", "Hi {{name}}", { title: "Greeting" }), textStep("bye", "Bye")],
        [["hello", "next", "bye"]],
      ),
      steps: {
        hello: { type: "text", title: "Greeting", config: { text: "Hi {{name}}" }, outputs: { next: "bye" } },
        bye: { type: "text", title: "", config: { text: "Bye" }, outputs: { next: null } },
      },
    },
    {
      what: "inline buttons with a url button",
      doc: flowDoc(
        [
          buttonsStep(
            "q",
            "Pick",
            [goto("y", "Yes"), goto("n", "No"), link("w", "Site", "https://example.com")],
            {
              saveAs: "choice",
            },
          ),
          textStep("yes", "Yes!"),
          textStep("no", "No!"),
        ],
        [
          ["q", "button:y", "yes"],
          ["q", "button:n", "no"],
        ],
      ),
      steps: {
        q: {
          type: "buttons",
          config: {
            text: "Pick",
            keyboard: "inline",
            columns: 1,
            saveAs: "choice",
            retryText: "Please choose one of the options.",
            buttons: [goto("y", "Yes"), goto("n", "No"), link("w", "Site", "https://example.com")],
          },
          outputs: { "button:y": "yes", "button:n": "no" },
        },
        yes: { type: "text", outputs: { next: null } },
        no: { type: "text", outputs: { next: null } },
      },
    },
    {
      what: "reply keyboard buttons",
      doc: flowDoc(
        [
          buttonsStep("q", "Size?", [goto("s", "S"), goto("m", "M")], { keyboard: "reply", columns: 2 }),
          textStep("t", "Ok"),
        ],
        [
          ["q", "button:s", "t"],
          ["q", "button:m", "t"],
        ],
      ),
      steps: {
        q: {
          type: "buttons",
          config: { keyboard: "reply", columns: 2, retryText: "Please choose one of the options." },
          outputs: { "button:s": "t", "button:m": "t" },
        },
      },
    },
    {
      what: "free input with defaults",
      doc: flowDoc(
        [freeInputStep("f", "Name?", "name"), textStep("t", "Hi {{vars.name}}")],
        [["f", "next", "t"]],
      ),
      steps: {
        f: {
          type: "free_input",
          config: {
            text: "Name?",
            variable: "name",
            validation: { kind: "any" },
            retryText: "That doesn't look right. Please try again.",
          },
          outputs: { next: "t" },
        },
      },
    },
    {
      what: "free input with regex validation",
      doc: flowDoc(
        [
          freeInputStep("f", "Code?", "code", {
            validation: { kind: "regex", pattern: "[A-Z]{3}\\d{2}" },
            retryText: "Like ABC12",
          }),
          textStep("t", "Ok"),
        ],
        [["f", "next", "t"]],
      ),
      steps: {
        f: {
          type: "free_input",
          config: { validation: { kind: "regex", pattern: "[A-Z]{3}\\d{2}" }, retryText: "Like ABC12" },
          outputs: { next: "t" },
        },
      },
    },
  ];

  it.each(cases)("$what", ({ doc, steps }) => {
    const result = compileDraft(doc);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.ok).toBe(true);
    const flow = result.flow!;
    expect(flow.format).toBe("switchboard.compiled");
    expect(flow.version).toBe(2);
    expect(flow.entryStepId).toBe((doc.steps[0] as { id: string }).id);
    expect(Object.keys(flow.steps).sort()).toEqual(doc.steps.map((s) => (s as { id: string }).id).sort());
    for (const [id, expected] of Object.entries(steps)) {
      expect(flow.steps[id]).toMatchObject({ id, ...expected });
    }
    // Plain JSON: what is stored is what the engine runs.
    expect(JSON.parse(JSON.stringify(flow))).toEqual(flow);
  });

  it("normalizes aliases and indexes them", () => {
    const flow = compileOk(
      flowDoc(
        [
          textStep("a", "A", { aliases: ["/Help@MyBot", "  Prices   List ", "/start"] }),
          textStep("b", "B", { aliases: ["Contacts", "/contacts"] }),
        ],
        [["a", "next", "b"]],
        null,
      ),
    );
    expect(flow.aliases).toEqual({
      "/help": "a",
      "prices list": "a",
      "/start": "a",
      contacts: "b",
      "/contacts": "b",
    });
    // Without entryStepId the step with the /start alias is the entry.
    expect(flow.entryStepId).toBe("a");
  });

  it("allows the same alias twice on one step", () => {
    const result = compileDraft(flowDoc([textStep("a", "A", { aliases: ["/help", "/HELP"] })]));
    expect(result.ok).toBe(true);
    expect(result.flow?.aliases).toEqual({ "/help": "a" });
  });

  it.each([
    ["/Help@MyBot", "/help"],
    ["  PRICES  ", "prices"],
    ["Price   list", "price list"],
    ["/start@my_bot payload", "/start payload"],
    ["hello@world", "hello@world"],
    ["/cmd", "/cmd"],
  ])("normalizeAlias(%j) = %j", (raw, expected) => {
    expect(normalizeAlias(raw)).toBe(expected);
  });
});

describe("registry", () => {
  it.each(STEP_TYPES)("%s: defaults satisfy its own schema", (type) => {
    const def = stepRegistry[type];
    const parsed = def.configSchema.safeParse(def.defaults());
    expect(parsed.success).toBe(true);
    expect(def.label.length).toBeGreaterThan(0);
  });
});

describe("INVALID_PATTERN message", () => {
  it("names RE2 and what it does not support", () => {
    const result = compileDraft(
      flowDoc([freeInputStep("f", "Code?", "code", { validation: { kind: "regex", pattern: "(a)\\1" } })]),
    );
    const p = result.problems.find((x) => x.code === "INVALID_PATTERN");
    expect(p?.message).toContain("RE2");
    expect(p?.message).toContain("backreferences");
    expect(p?.message).toContain("lookarounds");
    expect(p?.path).toBe("config.validation.pattern");
  });
});
