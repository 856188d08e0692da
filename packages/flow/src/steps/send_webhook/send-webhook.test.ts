import { describe, expect, it } from "vitest";
import { isWebhookUrl, runEngine } from "../../index";
import {
  actionsOf,
  compileOk,
  expectProblemCase,
  flowDoc,
  freeInputStep,
  makeCtx,
  sendWebhookStep,
  start,
  stateAt,
  text,
  textStep,
  texts,
} from "../../testing";
import { problemCases } from "./cases";

describe("send webhook: compile problems", () => {
  it.each(problemCases)("$code: $what", expectProblemCase);

  it.each([
    ["https://example.com/hook", true],
    ["http://127.0.0.1:8080/hook", true],
    ["{{bot.webhook_url}}", true],
    ["https://{{bot.host}}/hook?id={{vars.id}}", true],
    ["example.com/hook", false],
    ["mailto:a@b.c", false],
  ])("%s is a webhook URL: %s", (url, ok) => {
    expect(isWebhookUrl(url)).toBe(ok);
  });

  it("a URL from a bot variable with extra fields compiles", () => {
    expect(() =>
      compileOk(
        flowDoc([
          sendWebhookStep("w", '{{bot.hook | "https://example.com"}}', {
            extra: [{ key: "source", value: "telegram" }],
          }),
        ]),
      ),
    ).not.toThrow();
  });
});

describe("send webhook: engine", () => {
  const flow = compileOk(
    flowDoc(
      [
        freeInputStep("ask", "Your plan?", "plan"),
        sendWebhookStep("w", "https://example.com/hook/{{vars.plan}}", {
          extra: [
            { key: "plan", value: "{{vars.plan}}" },
            { key: "who", value: '{{name}} ({{fields.city | "somewhere"}})' },
          ],
        }),
        textStep("after", "Thanks!"),
      ],
      [
        ["ask", "next", "w"],
        ["w", "next", "after"],
      ],
    ),
  );

  it("queues the webhook with the rendered URL, extra fields and variables, and goes on at once", () => {
    const result = runEngine(flow, stateAt("ask", { waiting: true }), text("pro"), makeCtx());
    expect(actionsOf(result.actions, "send_webhook")).toEqual([
      {
        type: "send_webhook",
        stepId: "w",
        url: "https://example.com/hook/pro",
        extra: { plan: "pro", who: "Ann (somewhere)" },
        variables: { plan: "pro" },
      },
    ]);
    expect(texts(result.actions)).toEqual(["Thanks!"]);
    expect(result.state.waiting).toBe(false);
    expect(result.state.stepId).toBe("after");
  });

  it("the variables are a snapshot: later writes do not change the queued action", () => {
    const result = runEngine(flow, stateAt("ask", { waiting: true, vars: { a: "1" } }), text("x"), makeCtx());
    const [action] = actionsOf(result.actions, "send_webhook");
    result.state.vars.a = "changed";
    expect(action?.variables).toEqual({ a: "1", plan: "x" });
  });

  it("with next unconnected the conversation ends after queueing", () => {
    const alone = compileOk(flowDoc([sendWebhookStep("w", "https://example.com/hook")]));
    const result = runEngine(alone, stateAt(null), start(), makeCtx());
    expect(actionsOf(result.actions, "send_webhook")).toHaveLength(1);
    expect(result.state.waiting).toBe(false);
  });
});
