import { describe, expect, it } from "vitest";
import { changesOf, draftOf, newTag } from "./contact-form";

const contact = {
  firstName: "Ann",
  lastName: null,
  phone: "+4915112",
  email: null,
  city: "Berlin",
  language: null,
};
const custom = [
  { key: "plan", value: "pro" },
  { key: "size", value: null },
];

describe("draftOf", () => {
  it("starts from the contact, empty strings for missing values", () => {
    const d = draftOf(contact, custom);
    expect(d.base).toEqual({
      firstName: "Ann",
      lastName: "",
      phone: "+4915112",
      email: "",
      city: "Berlin",
      language: "",
    });
    expect(d.fields).toEqual({ plan: "pro", size: "" });
  });
});

describe("changesOf", () => {
  const before = draftOf(contact, custom);

  it("is null when nothing changed (spaces don't count)", () => {
    const after = { base: { ...before.base, city: " Berlin " }, fields: { ...before.fields } };
    expect(changesOf(before, after)).toBeNull();
  });

  it("sends only what changed, trimmed; an emptied value clears it", () => {
    const after = {
      base: { ...before.base, lastName: " Lee ", city: "" },
      fields: { plan: "", size: "10" },
    };
    expect(changesOf(before, after)).toEqual({
      lastName: "Lee",
      city: null,
      fields: { plan: null, size: "10" },
    });
  });

  it("keeps an emptied first name as text (the server says it can't be cleared)", () => {
    const after = { base: { ...before.base, firstName: "" }, fields: before.fields };
    expect(changesOf(before, after)).toEqual({ firstName: "" });
  });
});

describe("newTag", () => {
  it("trims and drops a leading #", () => {
    expect(newTag("  #vip ", [])).toBe("vip");
  });
  it("refuses blanks, repeats (any case) and long tags", () => {
    expect(newTag("  ", [])).toBeNull();
    expect(newTag("VIP", ["vip"])).toBeNull();
    expect(newTag("x".repeat(65), [])).toBeNull();
  });
});
