import { describe, expect, it } from "vitest";
import { stepOptions } from "./flow-steps";

describe("stepOptions", () => {
  const flows = [
    {
      id: "f1",
      name: "Support",
      published: true,
      steps: [
        { id: "welcome", title: "Welcome" },
        { id: "ask", title: "  " },
      ],
    },
    { id: "f2", name: "Draft only", published: false, steps: [] },
  ];

  it("lists the live steps of the conversation's own flow, by title, else id", () => {
    expect(stepOptions(flows, "f1")).toEqual([
      { id: "welcome", label: "Welcome (welcome)" },
      { id: "ask", label: "ask" },
    ]);
  });

  it("has none for an unpublished or unknown flow, or before the flows load", () => {
    expect(stepOptions(flows, "f2")).toEqual([]);
    expect(stepOptions(flows, "nope")).toEqual([]);
    expect(stepOptions(undefined, "f1")).toEqual([]);
    expect(stepOptions(flows, null)).toEqual([]);
  });
});
