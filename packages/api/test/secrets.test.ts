import { decryptSecret, workspaceSecrets } from "@switchboard/db";
import { flowDoc, httpStep } from "@switchboard/flow/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, expectTrpcError, type World } from "./helpers";

let w: World;

beforeAll(async () => {
  w = await createWorld("secrets");
});

afterAll(async () => {
  await w?.close();
});

describe("secrets", () => {
  it("sets, replaces, lists names only, removes; stored encrypted", async () => {
    const owner = await w.member("owner");
    expect(await owner.api.secrets.list()).toEqual([]);
    const first = await owner.api.secrets.set({ name: "API_KEY", value: "one" });
    expect(first).toEqual({ name: "API_KEY", createdAt: expect.any(Date), updatedAt: expect.any(Date) });
    await owner.api.secrets.set({ name: "API_KEY", value: "two" });
    await owner.api.secrets.set({ name: "other_token", value: "x" });
    const list = await owner.api.secrets.list();
    expect(list.map((s) => s.name)).toEqual(["API_KEY", "other_token"]);
    expect(JSON.stringify(list)).not.toMatch(/"two"|value/);

    const [row] = await w.db
      .select()
      .from(workspaceSecrets)
      .where(eq(workspaceSecrets.workspaceId, owner.workspaceId));
    expect(row!.valueEncrypted).not.toContain("two");
    expect(decryptSecret(row!.valueEncrypted, w.env.secretKey)).toBe("two");

    await owner.api.secrets.remove({ name: "API_KEY" });
    expect((await owner.api.secrets.list()).map((s) => s.name)).toEqual(["other_token"]);
    await expectTrpcError(owner.api.secrets.remove({ name: "API_KEY" }), "NOT_FOUND");
  });

  it("refuses bad names and empty values; operators can list but not change", async () => {
    const owner = await w.member("owner");
    await expectTrpcError(
      owner.api.secrets.set({ name: "bad name", value: "x" }),
      "BAD_REQUEST",
      /secret name/,
    );
    await expectTrpcError(owner.api.secrets.set({ name: "1KEY", value: "x" }), "BAD_REQUEST");
    await expectTrpcError(owner.api.secrets.set({ name: "KEY", value: "" }), "BAD_REQUEST", /value/);
    await expectTrpcError(
      owner.api.secrets.set({ name: "KEY", value: "a\nb" }),
      "BAD_REQUEST",
      /line breaks/,
    );
    await owner.api.secrets.set({ name: "KEY", value: "v" });
    const operator = await w.member("operator", owner.workspaceId);
    expect((await operator.api.secrets.list()).map((s) => s.name)).toEqual(["KEY"]);
    await expectTrpcError(operator.api.secrets.set({ name: "KEY", value: "x" }), "FORBIDDEN");
    await expectTrpcError(operator.api.secrets.remove({ name: "KEY" }), "FORBIDDEN");
    // Another workspace sees none of them.
    const stranger = await w.member("owner");
    expect(await stranger.api.secrets.list()).toEqual([]);
  });

  it("publishing warns about a header secret the workspace doesn't have, until it is set", async () => {
    const owner = await w.member("owner");
    const { id } = await owner.api.flows.create({ name: "Shop lookup" });
    const draft = flowDoc([
      httpStep("h", "https://api.example.com/orders", {
        headers: [{ name: "Authorization", value: "Bearer {{secrets.SHOP_TOKEN}}" }],
      }),
    ]);
    await owner.api.flows.saveDraft({ id, draft: draft as never });
    const before = await owner.api.flows.publish({ id });
    expect(before.ok).toBe(true); // a warning: the secret may come after publishing
    expect(before.problems).toContainEqual(
      expect.objectContaining({ code: "UNKNOWN_SECRET", stepId: "h", path: "config.headers.0.value" }),
    );
    await owner.api.secrets.set({ name: "SHOP_TOKEN", value: "t0ken" });
    const after = await owner.api.flows.publish({ id });
    expect(after.problems.filter((p) => p.code === "UNKNOWN_SECRET")).toEqual([]);
  });
});
