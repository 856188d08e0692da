import { describe, expect, it } from "vitest";
import {
  compileEnvironmentOf,
  environmentFrom,
  runsOfStep,
  scheduleTimeZone,
  testBotValuesFrom,
  UNKNOWN_ENVIRONMENT,
} from "./workspace-environment";

const sources = {
  fields: [
    { key: "plan", label: "Plan", type: "choice", options: ["Free", "Pro"], position: 2 },
    { key: "size", label: "Size", type: "number", options: [], position: 1 },
    { key: "odd", label: "Odd", type: "mystery", options: [], position: 3 },
  ],
  members: [{ userId: "u1", name: "Ann", email: "ann@example.com", role: "owner" }],
  stages: [{ id: "s1", name: "New", position: 0, kind: "open" }],
  settings: { id: "w", name: "Acme", timeZone: "Europe/Berlin" },
  scheduleRuns: [
    { botId: "b", stepId: "a", lastRunAt: null, lastRunReached: null, nextRunAt: null },
    { botId: "b", stepId: "z", lastRunAt: null, lastRunReached: null, nextRunAt: null },
  ],
};

describe("environmentFrom", () => {
  it("takes the API's answers: fields in order, only what the builder needs", () => {
    const env = environmentFrom(sources);
    expect(env.customFields).toEqual([
      { key: "size", label: "Size", type: "number", options: [] },
      { key: "plan", label: "Plan", type: "choice", options: ["Free", "Pro"] },
      { key: "odd", label: "Odd", type: "text", options: [] },
    ]);
    expect(env.members).toEqual([{ userId: "u1", name: "Ann", email: "ann@example.com" }]);
    expect(env.stages).toEqual([{ id: "s1", name: "New", position: 0 }]);
    expect(env.timeZone).toBe("Europe/Berlin");
    expect(runsOfStep(env, "a")).toHaveLength(1);
  });

  it("leaves what hasn't arrived unknown", () => {
    expect(environmentFrom({})).toEqual(UNKNOWN_ENVIRONMENT);
  });
});

describe("compileEnvironmentOf", () => {
  it("checks only what is known", () => {
    expect(compileEnvironmentOf(UNKNOWN_ENVIRONMENT)).toEqual({});
    expect(compileEnvironmentOf(environmentFrom({ members: sources.members }))).toEqual({
      memberIds: ["u1"],
    });
  });

  it("passes the fields, member ids and stage ids", () => {
    const env = compileEnvironmentOf(environmentFrom(sources));
    expect(env.customFields?.map((f) => f.key)).toEqual(["size", "plan", "odd"]);
    expect(env.memberIds).toEqual(["u1"]);
    expect(env.stageIds).toEqual(["s1"]);
  });
});

describe("bot variables", () => {
  const bots = [
    { id: "b1", username: "one_bot", entryFlowId: "f1" },
    { id: "b2", username: "two_bot", entryFlowId: null },
  ];
  const botVariables = [
    { botId: "b1", key: "promo", value: "x" },
    { botId: "b2", key: "phone", value: "y" },
  ];

  it("are unknown until the bots, their variables and the flow are known", () => {
    expect(environmentFrom({ bots, botVariables }).botVariables).toBeNull();
    expect(environmentFrom({ flowId: "f1", bots }).botVariables).toBeNull();
  });

  it("the compiler checks {{bot.KEY}} against the bots running the flow", () => {
    const env = environmentFrom({ flowId: "f1", bots, botVariables });
    expect(env.botVariables).toEqual({ running: true, variables: [{ key: "promo", bots: ["one_bot"] }] });
    expect(compileEnvironmentOf(env)).toEqual({ botVariableKeys: ["promo"] });
  });

  it("a flow no bot runs offers every bot's variables and checks none", () => {
    const env = environmentFrom({ flowId: "f2", bots, botVariables });
    expect(env.botVariables?.variables.map((v) => v.key)).toEqual(["phone", "promo"]);
    expect(compileEnvironmentOf(env)).toEqual({});
  });
});

describe("scheduleTimeZone", () => {
  it("is the workspace's, else the browser's", () => {
    expect(scheduleTimeZone(environmentFrom(sources))).toBe("Europe/Berlin");
    expect(scheduleTimeZone(UNKNOWN_ENVIRONMENT)).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});

describe("the workspace's flows (Go to flow)", () => {
  const flows = [{ id: "f1", name: "Sales", published: true, steps: [{ id: "w", title: "Welcome" }] }];

  it("reach the compiler once loaded, so a missing target is marked on the canvas", () => {
    expect(environmentFrom({ flows }).flows).toEqual(flows);
    expect(compileEnvironmentOf(environmentFrom({ flows })).flows).toEqual(flows);
    expect(compileEnvironmentOf(environmentFrom({})).flows).toBeUndefined();
  });
});

describe("the test chat's bot values", () => {
  const bots = [
    { id: "b2", username: "zeta_bot", entryFlowId: "f1" },
    { id: "b1", username: "alpha_bot", entryFlowId: "f1" },
    { id: "b3", username: "other_bot", entryFlowId: "f2" },
  ];
  const variables = [
    { botId: "b1", key: "promo", value: "ALPHA10" },
    { botId: "b2", key: "promo", value: "ZETA10" },
    { botId: "b3", key: "promo", value: "OTHER" },
    { botId: "b1", key: "city", value: "Riga" },
  ];

  it("are the variables of the first bot (by username) that runs this flow", () => {
    expect(testBotValuesFrom("f1", bots, variables)).toEqual({ promo: "ALPHA10", city: "Riga" });
    expect(testBotValuesFrom("f2", bots, variables)).toEqual({ promo: "OTHER" });
  });

  it("are none when no bot runs the flow or the lists haven't loaded", () => {
    expect(testBotValuesFrom("f9", bots, variables)).toEqual({});
    expect(testBotValuesFrom("f1", undefined, variables)).toEqual({});
    expect(testBotValuesFrom(undefined, bots, variables)).toEqual({});
  });
});
