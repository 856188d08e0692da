import { STEP_TYPES } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import { acceptsAnswerTimeout, acceptsMedia } from "./step-features";

describe("step features", () => {
  it("every step type of the model takes media", () => {
    expect(STEP_TYPES.filter(acceptsMedia)).toEqual(STEP_TYPES);
  });

  it("the steps that wait for an answer have the optional timeout; Login's own is required", () => {
    expect(STEP_TYPES.filter(acceptsAnswerTimeout)).toEqual(["buttons", "free_input", "update_contact"]);
  });
});
