import { describe, expect, it } from "vitest";
import {
  ownerFromValue,
  ownerLabel,
  ownerOptions,
  ownerValue,
  stageLabel,
  stageOptions,
} from "./create-lead";

const ann = { userId: "u1", name: "Ann", email: "ann@example.com" };
const bob = { userId: "u2", name: " ", email: "bob@example.com" };
const stages = [
  { id: "s2", name: "Qualified", position: 1 },
  { id: "s1", name: "New", position: 0 },
];

describe("owner", () => {
  it.each([{ kind: "contact_owner" }, { kind: "none" }, { kind: "member", userId: "u1" }] as const)(
    "round-trips %j through the select",
    (owner) => {
      expect(ownerFromValue(ownerValue(owner))).toEqual(owner);
    },
  );

  it("lists the special owners, then the members", () => {
    expect(ownerOptions([ann, bob], { kind: "none" }).map((o) => o.label)).toEqual([
      "The contact's owner",
      "Nobody",
      "Ann (ann@example.com)",
      "bob@example.com",
    ]);
  });

  it("keeps a chosen member who left, marked", () => {
    expect(ownerOptions([ann], { kind: "member", userId: "gone" }).at(-1)).toEqual({
      value: "member:gone",
      label: "A former member",
    });
    expect(ownerOptions(null, { kind: "member", userId: "u1" }).at(-1)).toEqual({
      value: "member:u1",
      label: "A member",
    });
  });

  it("labels the owner on the node", () => {
    expect(ownerLabel([ann], { kind: "member", userId: "u1" })).toBe("Ann");
    expect(ownerLabel([bob], { kind: "member", userId: "u2" })).toBe("bob@example.com");
    expect(ownerLabel([], { kind: "member", userId: "u1" })).toBe("Former member");
    expect(ownerLabel(null, { kind: "contact_owner" })).toBe("Contact's owner");
  });
});

describe("stage", () => {
  it("offers the first stage by default, then the stages in order", () => {
    expect(stageOptions(stages, null)).toEqual([
      { value: "", label: "First stage (New)" },
      { value: "s1", label: "New" },
      { value: "s2", label: "Qualified" },
    ]);
    expect(stageOptions(null, null)).toEqual([{ value: "", label: "First stage" }]);
  });

  it("keeps a chosen stage that was deleted, marked", () => {
    expect(stageOptions(stages, "old").at(-1)).toEqual({ value: "old", label: "A deleted stage" });
  });

  it("labels the stage on the node", () => {
    expect(stageLabel(stages, null)).toBe("First stage");
    expect(stageLabel(stages, "s2")).toBe("Qualified");
    expect(stageLabel(stages, "old")).toBe("Deleted stage");
    expect(stageLabel(null, "s2")).toBe("Chosen stage");
  });
});
