import { describe, expect, it } from "vitest";
import { runEngine } from "../../index";
import {
  actionsOf,
  compileOk,
  createLeadStep,
  expectProblemCase,
  flowDoc,
  makeCtx,
  media,
  sends,
  start,
  stateAt,
  textStep,
  texts,
} from "../../testing";
import { problemCases } from "./cases";

describe("create lead: compile problems", () => {
  it.each(problemCases)("$code: $what", expectProblemCase);

  it("a known member and stage compile", () => {
    const stageId = "00000000-0000-4000-8000-000000000001";
    expect(() =>
      compileOk(flowDoc([createLeadStep("l", { owner: { kind: "member", userId: "u1" }, stageId })]), {
        memberIds: ["u1"],
        stageIds: [stageId],
      }),
    ).not.toThrow();
  });
});

describe("create lead: engine", () => {
  const stageId = "00000000-0000-4000-8000-000000000002";
  const flow = compileOk(
    flowDoc(
      [
        createLeadStep("l", {
          title: '{{name}} wants {{vars.plan | "a plan"}}',
          owner: { kind: "member", userId: "u1" },
          stageId,
          tags: ["telegram"],
          text: "Thanks, {{name}}!",
        }),
        textStep("after", "Anything else?"),
      ],
      [["l", "next", "after"]],
    ),
  );

  it("creates the lead with the rendered title, owner, stage and tags, then goes on", () => {
    const result = runEngine(flow, stateAt(null, { vars: { plan: "Pro" } }), start(), makeCtx());
    expect(actionsOf(result.actions, "create_lead")).toEqual([
      {
        type: "create_lead",
        stepId: "l",
        title: "Ann wants Pro",
        owner: { kind: "member", userId: "u1" },
        stageId,
        tags: ["telegram"],
      },
    ]);
    expect(texts(result.actions)).toEqual(["Thanks, Ann!", "Anything else?"]);
    // The lead is created before its text is sent.
    expect(result.actions.findIndex((a) => a.type === "create_lead")).toBeLessThan(
      result.actions.findIndex((a) => a.type === "send_message"),
    );
  });

  it("the bot's \"send the Create-lead step's text\" setting off: no text", () => {
    const result = runEngine(flow, stateAt(null), start(), makeCtx({ sendLeadText: false }));
    expect(actionsOf(result.actions, "create_lead")).toHaveLength(1);
    expect(texts(result.actions)).toEqual(["Anything else?"]);
  });

  it("a title that renders empty still names the lead", () => {
    const blank = compileOk(flowDoc([createLeadStep("l", { title: "{{vars.missing}}" })]));
    expect(
      actionsOf(runEngine(blank, stateAt(null), start(), makeCtx()).actions, "create_lead")[0]?.title,
    ).toBe("Lead");
  });

  it("media goes with the text", () => {
    const withMedia = compileOk(
      flowDoc([createLeadStep("l", { text: "Our brochure", media: media("document") })]),
    );
    expect(sends(runEngine(withMedia, stateAt(null), start(), makeCtx()).actions)[0]?.media).toEqual(
      media("document"),
    );
  });
});
