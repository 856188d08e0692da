import { flowDoc, textStep, updateContactStep } from "@switchboard/flow/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, expectTrpcError, type Member, type World } from "./helpers";

const errors = <T extends { severity: string }>(problems: T[]) =>
  problems.filter((p) => p.severity === "error");

let w: World;
let owner: Member;

beforeAll(async () => {
  w = await createWorld("fields");
  owner = await w.member("owner");
});

afterAll(async () => {
  await w?.close();
});

describe("contactFields", () => {
  it("creates fields in order, lists them, updates label/type/options, removes", async () => {
    const me = await w.member("owner");
    expect(await me.api.contactFields.list()).toEqual([]);
    const size = await me.api.contactFields.create({
      key: "size",
      label: " Size ",
      type: "choice",
      options: [" S", "M", "M", "L "],
    });
    expect(size).toMatchObject({
      key: "size",
      label: "Size",
      type: "choice",
      options: ["S", "M", "L"],
      position: 0,
    });
    const zip = await me.api.contactFields.create({ key: "zip_code", label: "ZIP", type: "text" });
    expect(zip).toMatchObject({ options: [], position: 1 });
    expect((await me.api.contactFields.list()).map((f) => f.key)).toEqual(["size", "zip_code"]);

    const changed = await me.api.contactFields.update({ id: zip.id, label: "Postal code", type: "number" });
    expect(changed).toMatchObject({ id: zip.id, key: "zip_code", label: "Postal code", type: "number" });
    // Choice options are only kept for a choice field.
    expect(
      await me.api.contactFields.update({ id: zip.id, label: "Postal code", type: "text", options: ["x"] }),
    ).toMatchObject({ options: [] });

    await me.api.contactFields.remove({ id: size.id });
    expect((await me.api.contactFields.list()).map((f) => f.key)).toEqual(["zip_code"]);
    await expectTrpcError(me.api.contactFields.remove({ id: size.id }), "NOT_FOUND", "Field not found.");
    await expectTrpcError(
      me.api.contactFields.update({ id: size.id, label: "x", type: "text" }),
      "NOT_FOUND",
      "Field not found.",
    );
  });

  it("refuses a duplicate key, a malformed key, a blank label, a choice without options", async () => {
    await owner.api.contactFields.create({ key: "plan", label: "Plan", type: "text" });
    await expectTrpcError(
      owner.api.contactFields.create({ key: "plan", label: "Plan again", type: "text" }),
      "CONFLICT",
      'A field with the key "plan" already exists.',
    );
    await expectTrpcError(
      owner.api.contactFields.create({ key: "Bad Key", label: "Bad", type: "text" }),
      "BAD_REQUEST",
      /lowercase letters/,
    );
    await expectTrpcError(
      owner.api.contactFields.create({ key: "blank", label: "  ", type: "text" }),
      "BAD_REQUEST",
      /label/,
    );
    await expectTrpcError(
      owner.api.contactFields.create({ key: "tier", label: "Tier", type: "choice", options: [] }),
      "BAD_REQUEST",
      "A choice field needs at least one option.",
    );
  });

  it("an operator reads them but can't change them", async () => {
    const operator = await w.member("operator", owner.workspaceId);
    expect((await operator.api.contactFields.list()).map((f) => f.key)).toContain("plan");
    await expectTrpcError(
      operator.api.contactFields.create({ key: "op", label: "Op", type: "text" }),
      "FORBIDDEN",
      "Operators can't change bots or flows.",
    );
  });

  it("another workspace neither sees nor changes them, and may use the same key", async () => {
    const other = await w.member("owner");
    const [plan] = await owner.api.contactFields.list();
    expect(await other.api.contactFields.list()).toEqual([]);
    await expectTrpcError(
      other.api.contactFields.update({ id: plan!.id, label: "x", type: "text" }),
      "NOT_FOUND",
    );
    await expectTrpcError(other.api.contactFields.remove({ id: plan!.id }), "NOT_FOUND");
    expect(
      await other.api.contactFields.create({ key: "plan", label: "Their plan", type: "text" }),
    ).toMatchObject({
      key: "plan",
    });
    expect((await owner.api.contactFields.list())[0]).toEqual(plan);
  });
});

describe("publishing checks the workspace's contact fields", () => {
  it("an Update-contact step on a custom field fails with UNKNOWN_CONTACT_FIELD until the field exists", async () => {
    const me = await w.member("owner");
    const { id } = await me.api.flows.create({ name: "Ask the size" });
    const draft = flowDoc(
      [
        updateContactStep("ask", "Your T-shirt size?", { field: { kind: "custom", key: "tshirt" } }),
        textStep("thanks", "Thanks!"),
      ],
      [["ask", "next", "thanks"]],
    );
    const saved = await me.api.flows.saveDraft({ id, draft });
    // The autosave reports it already, as validate and publish do.
    expect(errors(saved.problems)).toEqual([
      {
        code: "UNKNOWN_CONTACT_FIELD",
        severity: "error",
        stepId: "ask",
        path: "config.field",
        message:
          'The contact field "tshirt" does not exist in this workspace. Add it in Settings → Contact fields or pick another.',
      },
    ]);
    expect(await me.api.flows.validate({ id })).toEqual(saved.problems);
    const refused = await me.api.flows.publish({ id });
    expect(refused).toEqual({ ok: false, problems: saved.problems });
    expect((await me.api.flows.get({ id })).publishedVersion).toBeNull();

    await me.api.contactFields.create({
      key: "tshirt",
      label: "T-shirt",
      type: "choice",
      options: ["S", "M"],
    });
    expect(errors(await me.api.flows.validate({ id }))).toEqual([]);
    expect(await me.api.flows.publish({ id })).toMatchObject({ ok: true, version: 1 });
  });

  it("another workspace's field does not count", async () => {
    const me = await w.member("owner");
    const other = await w.member("owner");
    await other.api.contactFields.create({ key: "shoe", label: "Shoe", type: "number" });
    const { id } = await me.api.flows.create({ name: "Shoe" });
    await me.api.flows.saveDraft({
      id,
      draft: flowDoc([updateContactStep("ask", "Shoe size?", { field: { kind: "custom", key: "shoe" } })]),
    });
    expect(errors((await me.api.flows.publish({ id })).problems).map((p) => p.code)).toEqual([
      "UNKNOWN_CONTACT_FIELD",
    ]);
  });
});
