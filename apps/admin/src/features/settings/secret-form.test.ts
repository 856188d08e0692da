import { describe, expect, it } from "vitest";
import { secretProblem, secretReference } from "./secret-form";

describe("secret form", () => {
  it.each([
    ["", "v", /name/],
    ["bad name", "v", /letters/],
    ["1KEY", "v", /letters/],
    ["KEY", "", /value/],
    ["KEY", "a\nb", /line breaks/],
  ])("refuses %j / %j", (name, value, problem) => {
    expect(secretProblem(name, value)).toMatch(problem);
  });

  it("accepts a good one and shows its reference", () => {
    expect(secretProblem(" API_KEY ", "x")).toBeNull();
    expect(secretReference("API_KEY")).toBe("{{secrets.API_KEY}}");
  });
});
