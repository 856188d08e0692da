import { describe, expect, it } from "vitest";
import { deepLinkPayloadOf, type InboundEvent, initialState, runEngine } from "../src/index";
import { compileOk, flowDoc, makeCtx, textStep } from "../src/testing";

const cases: [InboundEvent, string | undefined][] = [
  [{ type: "start", payload: "utm_source-ads" }, "utm_source-ads"],
  [{ type: "start" }, undefined],
  [{ type: "start", payload: "" }, undefined],
  [
    { type: "text", text: "/start utm_source-ads__utm_campaign-spring" },
    "utm_source-ads__utm_campaign-spring",
  ],
  [{ type: "text", text: "  /start   Ref-42  " }, "Ref-42"],
  [{ type: "text", text: "/start@MyBot ref-1" }, "ref-1"],
  [{ type: "text", text: "/START Abc" }, "Abc"],
  [{ type: "text", text: "/start" }, undefined],
  [{ type: "text", text: "/start a b" }, undefined],
  [{ type: "text", text: "/started x" }, undefined],
  [{ type: "text", text: "hello /start x" }, undefined],
  [{ type: "callback", data: "x", callbackQueryId: "q" } as InboundEvent, undefined],
];

describe("deepLinkPayloadOf", () => {
  it.each(cases)("%j → %j", (event, payload) => {
    expect(deepLinkPayloadOf(event)).toBe(payload);
  });

  it.each(cases)("agrees with the engine's deep_link event for %j", (event) => {
    const flow = compileOk(flowDoc([textStep("a", "Hi")]));
    const result = runEngine(flow, initialState(), event, makeCtx());
    const reported = result.events.find((e) => e.type === "deep_link");
    expect(reported && "payload" in reported ? reported.payload : undefined).toBe(deepLinkPayloadOf(event));
  });
});
