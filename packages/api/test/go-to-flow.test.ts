import { flowDoc, goToFlowStep, textStep } from "@switchboard/flow/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type Member, type World } from "./helpers";

let w: World;
let owner: Member;

beforeAll(async () => {
  w = await createWorld("gotoflow");
  owner = await w.member("owner");
});

afterAll(async () => {
  await w?.close();
});

/** A flow with this draft; published when asked. */
async function flowWith(name: string, draft: unknown, publish = true) {
  const { id } = await owner.api.flows.create({ name });
  await owner.api.flows.saveDraft({ id, draft: draft as never });
  if (publish) expect(await owner.api.flows.publish({ id })).toMatchObject({ ok: true });
  return id;
}

const jumpTo = (flowId: string, stepId: string | null = null) =>
  flowDoc([textStep("a", "Hi"), goToFlowStep("g", flowId, stepId)], [["a", "next", "g"]]);

describe("go to flow against the workspace", () => {
  it("lists the workspace's flows with their live versions' steps", async () => {
    const sales = await flowWith(
      "Sales",
      flowDoc(
        [textStep("w", "Welcome", { title: "Welcome" }), textStep("p", "Prices")],
        [["w", "next", "p"]],
      ),
    );
    const draft = await flowWith("Later", flowDoc([textStep("x", "X")]), false);
    const targets = await owner.api.flows.targets();
    expect(targets.find((t) => t.id === sales)).toEqual({
      id: sales,
      name: "Sales",
      published: true,
      steps: [
        { id: "w", title: "Welcome" },
        { id: "p", title: "" },
      ],
    });
    expect(targets.find((t) => t.id === draft)).toMatchObject({ published: false, steps: [] });
  });

  it.each([
    ["a flow that doesn't exist", "00000000-0000-4000-8000-000000000000", null, "UNKNOWN_TARGET_FLOW"],
    ["a step the live version lacks", "sales", "nope", "UNKNOWN_TARGET_FLOW"],
  ])("publish refuses %s", async (_what, target, stepId, code) => {
    const sales = await flowWith("Sales 2", flowDoc([textStep("w", "Welcome")]));
    const id = await flowWith("Source", jumpTo(target === "sales" ? sales : target, stepId), false);
    const result = await owner.api.flows.publish({ id });
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ code, stepId: "g" }));
  });

  it("publishes into a flow not published yet with a warning, and into a live step cleanly", async () => {
    const later = await flowWith("Later 2", flowDoc([textStep("x", "X")]), false);
    const warned = await flowWith("Warned", jumpTo(later), false);
    const result = await owner.api.flows.publish({ id: warned });
    expect(result.ok).toBe(true);
    expect(result.problems).toContainEqual(expect.objectContaining({ code: "TARGET_FLOW_NOT_PUBLISHED" }));

    const sales = await flowWith(
      "Sales 3",
      flowDoc([textStep("w", "Welcome"), textStep("p", "P")], [["w", "next", "p"]]),
    );
    const clean = await flowWith("Clean", jumpTo(sales, "p"), false);
    const ok = await owner.api.flows.publish({ id: clean });
    expect(ok).toMatchObject({ ok: true });
    expect(ok.problems.filter((p) => p.stepId === "g")).toEqual([]);
  });
});
