import { describe, expect, it } from "vitest";
import { stepLabel, stepLabelIn } from "../src/index";

describe("stepLabel", () => {
  it("is the step's title", () => {
    expect(stepLabel({ id: "Pa8YhnAX", type: "text", title: "  Welcome " })).toBe("Welcome");
  });

  it("is the type's label and a short id when untitled", () => {
    expect(stepLabel({ id: "Pa8YhnAX", type: "free_input", title: "" })).toBe("Free input · Pa8Y");
    expect(stepLabel({ id: "Pa8YhnAX", type: "no_such_type" })).toBe("Step · Pa8Y");
  });

  it("names a step that is gone", () => {
    const steps = { a: { id: "a", type: "text", title: "Hi" } };
    expect(stepLabelIn(steps, "a")).toBe("Hi");
    expect(stepLabelIn(steps, "Pa8YhnAX")).toBe("Removed step · Pa8Y");
    expect(stepLabelIn(undefined, "Pa8YhnAX")).toBe("Removed step · Pa8Y");
  });
});
