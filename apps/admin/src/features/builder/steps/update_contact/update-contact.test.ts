import { describe, expect, it } from "vitest";
import { answerHint, tagChanges } from "./update-contact";

describe("answerHint", () => {
  it("explains built-in fields", () => {
    expect(answerHint({ kind: "contact", key: "phone" }, undefined)).toMatch(/share button/);
    expect(answerHint({ kind: "contact", key: "email" }, undefined)).toMatch(/email/);
    expect(answerHint({ kind: "contact", key: "city" }, undefined)).toMatch(/128/);
  });

  it("explains custom fields by their type", () => {
    const ref = { kind: "custom", key: "plan" } as const;
    expect(answerHint(ref, { key: "plan", label: "Plan", type: "choice", options: ["Free", "Pro"] })).toBe(
      "Shown as buttons: Free, Pro.",
    );
    expect(answerHint(ref, { key: "plan", label: "Plan", type: "choice", options: [] })).toMatch(
      /no options/,
    );
    expect(answerHint(ref, { key: "plan", label: "Plan", type: "date", options: [] })).toMatch(/date/);
    expect(answerHint(ref, undefined)).toMatch(/custom field/);
  });
});

describe("tagChanges", () => {
  it("lists added then removed tags", () => {
    expect(tagChanges(["vip", "lead"], ["cold"])).toBe("+vip +lead −cold");
    expect(tagChanges([], [])).toBe("");
  });
});
