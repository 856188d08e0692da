import { describe, expect, it } from "vitest";
import { addTypedTags, MAX_TAGS, overlappingTags } from "./tags";

describe("addTypedTags", () => {
  it("adds comma-separated tags, trimmed, without blanks", () => {
    expect(addTypedTags(["vip"], " lead , ,hot ")).toEqual({ tags: ["vip", "lead", "hot"] });
  });

  it("skips tags already there, ignoring case", () => {
    expect(addTypedTags(["VIP"], "vip, Lead, lead")).toEqual({ tags: ["VIP", "Lead"] });
  });

  it("refuses a tag over 64 characters and keeps what came before", () => {
    const result = addTypedTags([], `ok, ${"x".repeat(65)}`);
    expect(result.tags).toEqual(["ok"]);
    expect(result.error).toMatch(/64/);
  });

  it("stops at the maximum", () => {
    const full = Array.from({ length: MAX_TAGS }, (_, i) => `t${i}`);
    const result = addTypedTags(full, "one more");
    expect(result.tags).toHaveLength(MAX_TAGS);
    expect(result.error).toMatch(/50/);
  });
});

describe("overlappingTags", () => {
  it("finds tags both added and removed", () => {
    expect(overlappingTags(["VIP", "lead"], ["vip", "cold"])).toEqual(["VIP"]);
    expect(overlappingTags(["a"], [])).toEqual([]);
  });
});
