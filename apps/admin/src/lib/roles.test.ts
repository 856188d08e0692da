import { describe, expect, it } from "vitest";
import { safeNext } from "@/lib/safe-next";
import {
  authPathForInvitation,
  invitableRoles,
  landingFor,
  managesMembers,
  sectionRoot,
  withArticle,
} from "./roles";

describe("member roles in the admin", () => {
  it("owners invite any role, marketers marketers and operators, operators nobody", () => {
    expect(invitableRoles("owner")).toEqual(["owner", "marketer", "operator"]);
    expect(invitableRoles("marketer")).toEqual(["marketer", "operator"]);
    expect(invitableRoles("operator")).toEqual([]);
    expect(invitableRoles(undefined)).toEqual([]);
    expect([managesMembers("owner"), managesMembers("marketer"), managesMembers("operator")]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("lands operators in the inbox and the others on the bots", () => {
    expect(landingFor("operator")).toBe("/inbox");
    expect(landingFor("marketer")).toBe("/bots");
    expect(landingFor("owner")).toBe("/bots");
    expect(withArticle("operator")).toBe("an operator");
    expect(withArticle("marketer")).toBe("a marketer");
  });

  it("sends sign-up back to the invitation with the address prefilled, as a safe next", () => {
    const path = authPathForInvitation("/sign-up", "abc_DEF-123", "sam+team@example.com");
    expect(path).toBe("/sign-up?next=%2Finvite%2Fabc_DEF-123&email=sam%2Bteam%40example.com");
    const params = new URL(path, "http://x.test").searchParams;
    expect(params.get("email")).toBe("sam+team@example.com");
    expect(safeNext(params.get("next"))).toBe("/invite/abc_DEF-123");
  });

  it("reloads a section's list after switching workspaces", () => {
    expect(sectionRoot("/flows/0b6f")).toBe("/flows");
    expect(sectionRoot("/conversations/1/x")).toBe("/conversations");
    expect(sectionRoot("/members")).toBe("/members");
    expect(sectionRoot("/")).toBe("/bots");
  });
});
