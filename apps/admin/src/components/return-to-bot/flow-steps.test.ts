import { describe, expect, it } from "vitest";
import { stepOptions } from "./flow-steps";

describe("stepOptions", () => {
  it("lists a draft's steps by title, else type", () => {
    const draft = {
      steps: [
        { id: "welcome", type: "text", title: "Welcome" },
        { id: "ask", type: "free_input", title: "  " },
        { type: "text" },
        "junk",
      ],
    };
    expect(stepOptions(draft)).toEqual([
      { id: "welcome", label: "Welcome (welcome)" },
      { id: "ask", label: "free input (ask)" },
    ]);
    expect(stepOptions(null)).toEqual([]);
  });
});
