import { buttonsStep, flowDoc, goto, textStep } from "@switchboard/flow/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, expectTrpcError, type Member, type World } from "./helpers";

let w: World;
let owner: Member;

beforeAll(async () => {
  w = await createWorld("step_analytics");
  owner = await w.member("owner");
});

afterAll(async () => {
  await w?.close();
});

const today = new Date().toISOString().slice(0, 10);

/** hi → menu (Yes → yes, No → no) */
const doc = flowDoc(
  [
    textStep("hi", "Hi"),
    buttonsStep("menu", "Interested?", [goto("y", "Yes"), goto("n", "No")]),
    textStep("yes", "Great"),
    textStep("no", "Maybe later"),
  ],
  [
    ["hi", "next", "menu"],
    ["menu", "button:y", "yes"],
    ["menu", "button:n", "no"],
  ],
);

describe("flows.stepAnalytics", () => {
  it("gives the live version's per-step and per-output counts over a period", async () => {
    const bot = await w.publishedBot(owner, doc);
    const press = (data: string) => ({ type: "callback" as const, data, callbackQueryId: "q" });
    const users = [1, 2, 3, 4].map((i) => ({ id: 880_000 + i, first_name: `U${i}` }));
    for (const u of users) await w.userSays(bot, u);
    await w.userSays(bot, users[0]!, press("menu:y"));
    await w.userSays(bot, users[1]!, press("menu:y"));
    await w.userSays(bot, users[2]!, press("menu:n"));

    const figures = await owner.api.flows.stepAnalytics({ id: bot.flowId, from: today, to: today });
    expect(figures.version).toBe(1);
    const menu = figures.steps.find((s) => s.stepId === "menu")!;
    expect(menu).toMatchObject({ reached: 4, wentOn: 3, stopped: 1, dropOff: false });
    expect(menu.outputs.map((o) => [o.output, o.targetStepId, o.count])).toEqual([
      ["button:y", "yes", 2],
      ["button:n", "no", 1],
    ]);
    expect(figures.steps.find((s) => s.stepId === "yes")).toMatchObject({ reached: 2 });

    // An operator reads them too (a query), and a version that doesn't exist is NOT_FOUND.
    const operator = await w.member("operator", owner.workspaceId);
    expect(
      (await operator.api.flows.stepAnalytics({ id: bot.flowId, from: today, to: today })).steps,
    ).toEqual(figures.steps);
    await expectTrpcError(
      owner.api.flows.stepAnalytics({ id: bot.flowId, version: 9, from: today, to: today }),
      "NOT_FOUND",
    );
  });

  it("a flow never published has no version and no figures", async () => {
    const { id } = await owner.api.flows.create({ name: "Draft only" });
    expect(await owner.api.flows.stepAnalytics({ id, from: today, to: today })).toEqual({
      version: null,
      from: today,
      to: today,
      steps: [],
      splits: [],
    });
  });

  it.each([
    ["a period that ends before it starts", "2026-02-01", "2026-01-01", /starts after it ends/],
    ["a period over a year", "2025-01-01", "2026-12-31", /at most 366 days/],
    ["a day that isn't one", "yesterday", "2026-01-01", /2026-12-31/],
  ])("refuses %s", async (_what, from, to, message) => {
    const { id } = await owner.api.flows.create({ name: "Any" });
    await expectTrpcError(owner.api.flows.stepAnalytics({ id, from, to }), "BAD_REQUEST", message);
  });
});
