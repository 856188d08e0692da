import { describe, expect, it } from "vitest";
import {
  errorField,
  type FieldForm,
  fieldInput,
  keyFromLabel,
  parseOptions,
  validateFieldForm,
} from "./contact-field-form";

const form = (over: Partial<FieldForm> = {}): FieldForm => ({
  key: "plan",
  label: "Plan",
  type: "text",
  options: "",
  ...over,
});

describe("parseOptions", () => {
  it("takes one trimmed option per line, without blanks or repeats", () => {
    expect(parseOptions(" Basic \n\nPro\nBasic\n  \nTeam")).toEqual(["Basic", "Pro", "Team"]);
    expect(parseOptions("")).toEqual([]);
  });
});

describe("keyFromLabel", () => {
  it("makes a valid key from a label", () => {
    expect(keyFromLabel("Favourite colour")).toBe("favourite_colour");
    expect(keyFromLabel("  2nd phone #")).toBe("nd_phone");
    expect(keyFromLabel("Café crème")).toBe("cafe_creme");
    expect(keyFromLabel("!!!")).toBe("");
    expect(keyFromLabel("a".repeat(50))).toHaveLength(40);
  });
});

describe("validateFieldForm", () => {
  it("accepts a good field", () => {
    expect(validateFieldForm(form(), "create")).toEqual({});
    expect(validateFieldForm(form({ type: "choice", options: "A\nB" }), "create")).toEqual({});
  });

  it("checks the key on create only", () => {
    expect(validateFieldForm(form({ key: "" }), "create").key).toMatch(/key/);
    expect(validateFieldForm(form({ key: "Plan" }), "create").key).toMatch(/lowercase/);
    expect(validateFieldForm(form({ key: "1plan" }), "create").key).toMatch(/lowercase/);
    expect(validateFieldForm(form({ key: "a".repeat(41) }), "create").key).toMatch(/40/);
    expect(validateFieldForm(form({ key: "Bad Key" }), "edit").key).toBeUndefined();
  });

  it("wants a label of 1–80 characters", () => {
    expect(validateFieldForm(form({ label: "  " }), "edit").label).toMatch(/label/);
    expect(validateFieldForm(form({ label: "x".repeat(81) }), "edit").label).toMatch(/80/);
  });

  it("wants options for a choice field", () => {
    expect(validateFieldForm(form({ type: "choice", options: "\n " }), "edit").options).toMatch(
      /at least one/,
    );
    expect(validateFieldForm(form({ type: "choice", options: "x".repeat(65) }), "edit").options).toMatch(
      /64/,
    );
    const many = Array.from({ length: 51 }, (_, i) => `o${i}`).join("\n");
    expect(validateFieldForm(form({ type: "choice", options: many }), "edit").options).toMatch(/50/);
    expect(validateFieldForm(form({ type: "text", options: "" }), "edit").options).toBeUndefined();
  });
});

describe("fieldInput", () => {
  it("sends options for choice fields only", () => {
    expect(fieldInput(form({ label: " Plan ", type: "choice", options: "A\nA\nB" }))).toEqual({
      label: "Plan",
      type: "choice",
      options: ["A", "B"],
    });
    expect(fieldInput(form({ options: "A" })).options).toEqual([]);
  });
});

describe("errorField", () => {
  it("places API errors next to their field", () => {
    expect(errorField("label", "Too big", "BAD_REQUEST")).toBe("label");
    expect(errorField("options.2", "Too small", "BAD_REQUEST")).toBe("options");
    expect(errorField(null, 'A field with the key "plan" already exists.', "CONFLICT")).toBe("key");
    expect(errorField(null, "A choice field needs at least one option.", "BAD_REQUEST")).toBe("options");
    expect(errorField(null, "Operators can't change bots or flows.", "FORBIDDEN")).toBe("form");
  });
});
