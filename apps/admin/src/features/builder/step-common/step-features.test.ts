import { STEP_TYPES } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import { acceptsAnswerTimeout, acceptsMedia } from "./step-features";

describe("step features", () => {
  it("every step type of the model that sends a message takes media", () => {
    // Send webhook sends nothing to the user.
    expect(STEP_TYPES.filter((t) => !acceptsMedia(t))).toEqual(["send_webhook"]);
  });

  it("the steps that wait for an answer have the optional timeout; Login's own is required", () => {
    expect(STEP_TYPES.filter(acceptsAnswerTimeout)).toEqual(["buttons", "free_input", "update_contact"]);
  });
});
