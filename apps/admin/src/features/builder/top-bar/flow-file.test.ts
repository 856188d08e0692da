import { describe, expect, it } from "vitest";
import { flowDoc, textStep } from "../test-helpers";
import { checkFlowFile } from "./flow-file";

const json = (v: unknown) => JSON.stringify(v);

describe("checkFlowFile", () => {
  it.each([
    { case: "an exported flow", text: json(flowDoc([textStep("a"), textStep("b")])), steps: 2 },
    { case: "an empty flow", text: json(flowDoc([])), steps: 0 },
    {
      case: "a flow without optional fields",
      text: json({ steps: [{ id: "a", type: "text", config: { text: "" } }] }),
      steps: 1,
    },
  ])("accepts $case", ({ text, steps }) => {
    const checked = checkFlowFile(text);
    expect(checked).toMatchObject({ ok: true, steps });
    expect(checked.ok && checked.raw).toEqual(JSON.parse(text));
  });

  it.each([
    { case: "text that isn't JSON", text: "{ nope", title: "This file isn't valid JSON" },
    { case: "JSON that isn't a flow", text: json({ hello: "world" }), title: "Not a Switchboard flow" },
    {
      case: "a flow of another format",
      text: json({ format: "other", steps: [] }),
      title: "Not a Switchboard flow",
    },
    {
      case: "a flow with a broken step",
      text: json({
        steps: [
          { id: "a", type: "text", config: { text: "" } },
          { id: "b", type: "video" },
        ],
      }),
      title: "Not a Switchboard flow",
    },
    {
      case: "a flow with a broken connection",
      text: json({ steps: [], edges: [{ id: "e", source: "a" }] }),
      title: "Not a Switchboard flow",
    },
  ])("refuses $case", ({ text, title }) => {
    const checked = checkFlowFile(text);
    expect(checked).toMatchObject({ ok: false, title });
    expect(!checked.ok && checked.message).toEqual(expect.any(String));
  });

  it("names at most three broken parts", () => {
    const steps = Array.from({ length: 5 }, (_, i) => ({ id: `s${i}`, type: "video" }));
    const checked = checkFlowFile(json({ steps }));
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.message).toContain("s2");
      expect(checked.message).not.toContain("s3");
    }
  });
});
