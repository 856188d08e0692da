import type { CustomFieldDefinition } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import {
  customDefinition,
  decodeFieldRef,
  encodeFieldRef,
  fieldOptionGroups,
  fieldRefLabel,
} from "./field-ref";

const company: CustomFieldDefinition = { key: "company", label: "Company", type: "text", options: [] };
const plan: CustomFieldDefinition = { key: "plan", label: "Plan", type: "choice", options: ["Free", "Pro"] };

describe("field refs in a select", () => {
  it("encodes and decodes built-in and custom fields", () => {
    expect(encodeFieldRef({ kind: "contact", key: "phone" })).toBe("contact:phone");
    expect(decodeFieldRef("contact:phone")).toEqual({ kind: "contact", key: "phone" });
    expect(decodeFieldRef("custom:company")).toEqual({ kind: "custom", key: "company" });
  });

  it.each(["", "contact:", "contact:nickname", "vars:x", "custom"])("refuses %j", (value) => {
    expect(decodeFieldRef(value)).toBeNull();
  });

  it("groups the built-in fields, then the workspace's", () => {
    const groups = fieldOptionGroups([company, plan]);
    expect(groups.map((g) => g.label)).toEqual(["Contact", "Custom fields"]);
    expect(groups[0]!.options[3]).toEqual({ value: "contact:phone", label: "Phone" });
    expect(groups[1]!.options.map((o) => o.label)).toEqual(["Company", "Plan"]);
  });

  it("has no custom group without custom fields", () => {
    expect(fieldOptionGroups([]).map((g) => g.label)).toEqual(["Contact"]);
    expect(fieldOptionGroups(null).map((g) => g.label)).toEqual(["Contact"]);
  });

  it("keeps a chosen field the workspace doesn't have, marked missing", () => {
    const groups = fieldOptionGroups([company], { kind: "custom", key: "size" });
    expect(groups[1]!.options.at(-1)).toEqual({
      value: "custom:size",
      label: "size (missing)",
      missing: true,
    });
  });

  it("doesn't call a field missing before the workspace's fields are known", () => {
    const groups = fieldOptionGroups(null, { kind: "custom", key: "size" });
    expect(groups[1]!.options).toEqual([{ value: "custom:size", label: "size", missing: false }]);
  });

  it("labels fields", () => {
    expect(fieldRefLabel(null, { kind: "contact", key: "first_name" })).toBe("First name");
    expect(fieldRefLabel([plan], { kind: "custom", key: "plan" })).toBe("Plan");
    expect(fieldRefLabel([plan], { kind: "custom", key: "gone" })).toBe("gone");
    expect(customDefinition([plan], { kind: "custom", key: "plan" })).toBe(plan);
    expect(customDefinition([plan], { kind: "contact", key: "email" })).toBeUndefined();
  });
});
