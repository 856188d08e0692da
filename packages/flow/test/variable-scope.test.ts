import { describe, expect, it } from "vitest";
import {
  type CompileEnvironment,
  compileDraft,
  parseFlowDocument,
  spotLabel,
  templateSpot,
  upstreamOf,
  variableScopes,
  variablesInScope,
  variableWriters,
} from "../src/index";
import { buttonsStep, flowDoc, freeInputStep, goto, textStep } from "../src/testing";

const unknownVariables = (raw: unknown, env: CompileEnvironment = {}) =>
  compileDraft(raw, env)
    .problems.filter((p) => p.code === "UNKNOWN_VARIABLE")
    .map((p) => ({ stepId: p.stepId, path: p.path, severity: p.severity, message: p.message }));

const ask = (id: string, variable: string) => freeInputStep(id, `${variable}?`, variable);

describe("upstreamOf", () => {
  const links = [
    { source: "a", target: "b" },
    { source: "b", target: "c" },
    { source: "x", target: "c" },
    { source: "c", target: "d" },
  ];
  it("collects every step that can reach the step, not the step itself", () => {
    expect([...upstreamOf(links, "d")].sort()).toEqual(["a", "b", "c", "x"]);
    expect([...upstreamOf(links, "b")]).toEqual(["a"]);
    expect([...upstreamOf(links, "a")]).toEqual([]);
  });
  it("includes the step itself when it sits in a loop", () => {
    expect([...upstreamOf([...links, { source: "d", target: "a" }], "b")].sort()).toEqual([
      "a",
      "b",
      "c",
      "d",
      "x",
    ]);
  });
});

describe("variableScopes", () => {
  const writes = new Map([
    ["a", ["x"]],
    ["b", []],
    ["c", ["y"]],
    ["d", []],
  ]);
  const scopes = (links: { source: string; target: string }[]) =>
    Object.fromEntries([...variableScopes(writes, links)].map(([id, set]) => [id, [...set].sort()]));

  it("carries what is written down every path, whatever the order of the links", () => {
    expect(
      scopes([
        { source: "c", target: "d" },
        { source: "b", target: "c" },
        { source: "a", target: "b" },
      ]),
    ).toEqual({ a: [], b: ["x"], c: ["x"], d: ["x", "y"] });
  });

  it("goes round loops: a step sees what steps after it write before looping back", () => {
    expect(
      scopes([
        { source: "a", target: "b" },
        { source: "b", target: "c" },
        { source: "c", target: "b" },
        { source: "d", target: "a" },
      ]),
    ).toEqual({ a: [], b: ["x", "y"], c: ["x", "y"], d: [] });
  });
});

describe("variablesInScope", () => {
  const doc = parseFlowDocument(
    flowDoc(
      [ask("q1", "email"), ask("q2", "phone"), textStep("t", "Hi"), ask("side", "city")],
      [
        ["q1", "next", "q2"],
        ["q2", "next", "t"],
      ],
    ),
  ).document!;
  it("lists the variables written upstream, sorted", () => {
    expect(variablesInScope(doc, "t")).toEqual(["email", "phone"]);
    expect(variablesInScope(doc, "q2")).toEqual(["email"]);
    expect(variablesInScope(doc, "q1")).toEqual([]);
    expect(variablesInScope(doc, "side")).toEqual([]);
  });

  it("names the upstream steps that write each of them, agreeing with the scope", () => {
    const writers = (id: string) =>
      Object.fromEntries([...variableWriters(doc, id)].map(([v, steps]) => [v, steps.map((s) => s.id)]));
    expect(writers("t")).toEqual({ email: ["q1"], phone: ["q2"] });
    expect(writers("q1")).toEqual({});
    for (const id of ["t", "q2", "q1", "side"])
      expect(Object.keys(writers(id)).sort()).toEqual(variablesInScope(doc, id));
  });
});

describe("spotLabel", () => {
  it("says a problem path in words", () => {
    expect(spotLabel("config.text")).toBe("text");
    expect(spotLabel("config.retryText")).toBe("retry text");
    expect(spotLabel("config.buttons.1.label")).toBe("buttons 2 label");
    expect(spotLabel("aliases")).toBe("aliases");
  });
});

describe("templateSpot", () => {
  const config = { text: "Hi {{vars.a}}", buttons: [{ label: "x" }, { label: "I am {{vars.who}}" }] };
  it("names the config field the template sits in", () => {
    expect(templateSpot(config, "Hi {{vars.a}}", "vars.a")).toBe("config.text");
    expect(templateSpot(config, "I am {{vars.who}}", "vars.who")).toBe("config.buttons.1.label");
  });
  it("falls back to a string that reads the path, else undefined", () => {
    expect(templateSpot(config, "assembled {{vars.who}}", "vars.who")).toBe("config.buttons.1.label");
    expect(templateSpot(config, "nowhere {{vars.z}}", "vars.z")).toBeUndefined();
  });
});

describe("UNKNOWN_VARIABLE", () => {
  it("is quiet for a variable written by a step upstream", () => {
    expect(
      unknownVariables(
        flowDoc([ask("q", "email"), textStep("t", "Got {{vars.email}}")], [["q", "next", "t"]]),
      ),
    ).toEqual([]);
  });

  it("warns about a variable written only downstream, naming the step and the field", () => {
    expect(
      unknownVariables(
        flowDoc([textStep("t", "Got {{vars.email}}"), ask("q", "email")], [["t", "next", "q"]]),
      ),
    ).toEqual([
      {
        stepId: "t",
        path: "config.text",
        severity: "warning",
        message: "Text step, text: {{vars.email}} is not set by any step before this one; it will be empty.",
      },
    ]);
  });

  it("warns about a variable written only on another branch", () => {
    const doc = flowDoc(
      [
        buttonsStep("pick", "Which?", [goto("a", "A"), goto("b", "B")]),
        ask("qa", "email"),
        textStep("tb", "Mail {{vars.email}}", { title: "Branch B" }),
      ],
      [
        ["pick", "button:a", "qa"],
        ["pick", "button:b", "tb"],
      ],
    );
    expect(unknownVariables(doc)).toMatchObject([{ stepId: "tb", path: "config.text" }]);
    expect(unknownVariables(doc)[0]!.message).toContain('"Branch B"');
  });

  it("is quiet when any path could have written it (branches joining)", () => {
    const doc = flowDoc(
      [
        buttonsStep("pick", "Which?", [goto("a", "A"), goto("b", "B")]),
        ask("qa", "email"),
        textStep("tb", "No mail"),
        textStep("end", "Mail {{vars.email}}"),
      ],
      [
        ["pick", "button:a", "qa"],
        ["pick", "button:b", "tb"],
        ["qa", "next", "end"],
        ["tb", "next", "end"],
      ],
    );
    expect(unknownVariables(doc)).toEqual([]);
  });

  it("counts a loop back: a step downstream that loops to the reader writes before the second pass", () => {
    const doc = flowDoc(
      [textStep("t", "Last time you said {{vars.answer}}"), ask("q", "answer")],
      [
        ["t", "next", "q"],
        ["q", "next", "t"],
      ],
    );
    expect(unknownVariables(doc)).toEqual([]);
  });

  it("a step's own answer is not in scope for its own question, unless it loops to itself", () => {
    const own = freeInputStep("q", "Again? You said {{vars.answer}}", "answer");
    expect(unknownVariables(flowDoc([own]))).toMatchObject([{ stepId: "q", path: "config.text" }]);
    expect(unknownVariables(flowDoc([own], [["q", "next", "q"]]))).toEqual([]);
  });

  it('a default (| "…") suppresses the warning', () => {
    expect(
      unknownVariables(
        flowDoc([textStep("t", 'Hi {{vars.nick | "friend"}} {{fields.vip | "no"}} {{bot.promo | "none"}}')]),
        { customFields: [], botVariableKeys: [] },
      ),
    ).toEqual([]);
  });

  it("an unknown root warns even with a default", () => {
    expect(unknownVariables(flowDoc([textStep("t", 'Hi {{nmae | "x"}}')]))).toMatchObject([
      { stepId: "t", message: expect.stringContaining("is not a known variable") },
    ]);
  });

  it("points at the spot: a button label, a retry text", () => {
    const doc = flowDoc(
      [
        buttonsStep("q", "Pick", [goto("y", "Yes"), goto("n", "I am {{vars.who}}")]),
        freeInputStep("f", "Age?", "age", { retryText: "{{vars.nope}}, try again" }),
      ],
      [
        ["q", "button:y", "f"],
        ["q", "button:n", "f"],
      ],
    );
    expect(unknownVariables(doc).map((p) => [p.stepId, p.path])).toEqual([
      ["q", "config.buttons.1.label"],
      ["f", "config.retryText"],
    ]);
  });

  it("reports one variable once per spot, and in each spot that reads it", () => {
    const doc = flowDoc([
      freeInputStep("f", "{{vars.x}} and {{vars.x}}", "age", { retryText: "again {{vars.x}}" }),
    ]);
    expect(unknownVariables(doc).map((p) => p.path)).toEqual(["config.text", "config.retryText"]);
  });

  it("fields.KEY: warns only when the workspace's fields are known and it has no such field", () => {
    const doc = flowDoc([textStep("t", "Plan {{fields.plan}}, city {{fields.city}}")]);
    expect(unknownVariables(doc)).toEqual([]);
    const env = { customFields: [{ key: "plan", label: "Plan", type: "text" as const, options: [] }] };
    expect(unknownVariables(doc, env)).toMatchObject([
      {
        stepId: "t",
        path: "config.text",
        message:
          "Text step, text: {{fields.city}} is not a custom field of this workspace; it will be empty.",
      },
    ]);
  });

  it("bot.KEY: warns only when no bot running the flow has it; unknown bots are taken on trust", () => {
    const doc = flowDoc([textStep("t", "Ref {{bot.ref_link}} / {{bot.promo}}")]);
    expect(unknownVariables(doc)).toEqual([]);
    expect(unknownVariables(doc, { botVariableKeys: ["ref_link", "promo"] })).toEqual([]);
    expect(unknownVariables(doc, { botVariableKeys: ["ref_link"] })).toMatchObject([
      {
        message:
          "Text step, text: {{bot.promo}} is not a variable of any bot running this flow; it will be empty.",
      },
    ]);
  });

  it("tracker.KEY never warns: any deep-link key may come", () => {
    expect(
      unknownVariables(flowDoc([textStep("t", "From {{tracker.utm_source}} {{tracker.anything}}")]), {
        customFields: [],
        botVariableKeys: [],
      }),
    ).toEqual([]);
  });

  it("is a warning: the flow still compiles", () => {
    expect(compileDraft(flowDoc([textStep("t", "Hi {{vars.nope}}")])).ok).toBe(true);
  });
});
