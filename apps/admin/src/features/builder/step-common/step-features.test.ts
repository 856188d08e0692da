import { STEP_TYPES } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import { acceptsAnswerTimeout, acceptsMedia } from "./step-features";

describe("step features", () => {
  it("every step type that sends a message takes media; the silent ones don't", () => {
    const silent: readonly string[] = [
      "condition",
      "set_values",
      "random_split",
      "delay",
      "go_to_flow",
      "send_webhook",
      "http_request",
    ];
    expect(STEP_TYPES.filter(acceptsMedia)).toEqual(STEP_TYPES.filter((t) => !silent.includes(t)));
  });

  it("the steps that wait for an answer have the optional timeout; Login's own is required", () => {
    expect(STEP_TYPES.filter(acceptsAnswerTimeout)).toEqual(["buttons", "free_input", "update_contact"]);
  });
});
