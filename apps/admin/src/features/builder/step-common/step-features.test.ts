import { STEP_TYPES } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import { acceptsAnswerTimeout, acceptsMedia } from "./step-features";

describe("step features", () => {
  it("every step type that sends a message takes media; the ones that send none don't", () => {
    expect(STEP_TYPES.filter((t) => !acceptsMedia(t))).toEqual(["http_request"]);
  });

  it("the steps that wait for an answer have the optional timeout; Login's own is required", () => {
    expect(STEP_TYPES.filter(acceptsAnswerTimeout)).toEqual(["buttons", "free_input", "update_contact"]);
  });
});
