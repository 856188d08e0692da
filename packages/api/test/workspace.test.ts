import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, expectTrpcError, type Member, type World } from "./helpers";

let w: World;
let owner: Member;

beforeAll(async () => {
  w = await createWorld("workspace");
  owner = await w.member("owner");
});

afterAll(async () => {
  await w?.close();
});

describe("workspace.settings and updateSettings", () => {
  it("starts in UTC; renames and changes the time zone", async () => {
    expect(await owner.api.workspace.settings()).toEqual({
      id: owner.workspaceId,
      name: "WS owner",
      timeZone: "UTC",
    });
    expect(await owner.api.workspace.updateSettings({ name: "  Acme  ", timeZone: "Europe/Berlin" })).toEqual(
      {
        id: owner.workspaceId,
        name: "Acme",
        timeZone: "Europe/Berlin",
      },
    );
    // Omitted fields stay; nothing given changes nothing.
    expect(await owner.api.workspace.updateSettings({ timeZone: "America/New_York" })).toMatchObject({
      name: "Acme",
      timeZone: "America/New_York",
    });
    expect(await owner.api.workspace.updateSettings({})).toMatchObject({
      name: "Acme",
      timeZone: "America/New_York",
    });
    expect((await owner.api.workspace.current()).name).toBe("Acme");
  });

  it("stores a time zone under its canonical name", async () => {
    const me = await w.member("owner");
    expect((await me.api.workspace.updateSettings({ timeZone: "europe/berlin" })).timeZone).toBe(
      "Europe/Berlin",
    );
  });

  it("refuses a time zone that doesn't exist, with a clear message", async () => {
    const me = await w.member("owner");
    const err = await expectTrpcError(
      me.api.workspace.updateSettings({ name: "Never saved", timeZone: "Mars/Olympus" }),
      "BAD_REQUEST",
      `"Mars/Olympus" is not a time zone. Use an IANA time zone name such as "Europe/Berlin" or "America/New_York".`,
    );
    expect((err.cause as { code?: string }).code).toBe("INVALID");
    expect(await me.api.workspace.settings()).toMatchObject({ name: "WS owner", timeZone: "UTC" });
    await expectTrpcError(me.api.workspace.updateSettings({ timeZone: "" }), "BAD_REQUEST");
    await expectTrpcError(me.api.workspace.updateSettings({ name: "   " }), "BAD_REQUEST");
  });

  it("a marketer may change it, an operator only read it", async () => {
    const marketer = await w.member("marketer", owner.workspaceId);
    const operator = await w.member("operator", owner.workspaceId);
    expect((await marketer.api.workspace.updateSettings({ timeZone: "Asia/Tokyo" })).timeZone).toBe(
      "Asia/Tokyo",
    );
    expect((await operator.api.workspace.settings()).timeZone).toBe("Asia/Tokyo");
    await expectTrpcError(
      operator.api.workspace.updateSettings({ name: "Operators rule" }),
      "FORBIDDEN",
      "Operators can't change bots or flows.",
    );
  });
});

describe("workspace.members", () => {
  it("lists the workspace's members with their roles, by name, and nobody else", async () => {
    const me = await w.member("owner");
    const zoe = await w.member("operator", me.workspaceId);
    const amy = await w.member("marketer", me.workspaceId);
    await w.member("owner"); // another workspace
    const members = await zoe.api.workspace.members();
    expect(members).toEqual([
      { userId: amy.userId, name: "marketer", email: `${amy.userId}@example.test`, role: "marketer" },
      { userId: zoe.userId, name: "operator", email: `${zoe.userId}@example.test`, role: "operator" },
      { userId: me.userId, name: "owner", email: `${me.userId}@example.test`, role: "owner" },
    ]);
  });
});
