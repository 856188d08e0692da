import { memberships, workspaces } from "@switchboard/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/actor";
import {
  createCannedReply,
  listCannedReplies,
  parseShortcut,
  removeCannedReply,
  updateCannedReply,
} from "../src/inbox/canned";
import { createWorld, errorCode, type World } from "./fixtures";

let w: World;
let marketer: Actor;
let operator: Actor;
let stranger: Actor;

beforeAll(async () => {
  w = await createWorld("core_inbox_canned");
  marketer = await w.addMember("Mia", "marketer");
  operator = await w.addMember("Olly", "operator");
  const strangerId = await w.addUser("Stranger");
  const [ws] = await w.db.insert(workspaces).values({ name: "Other" }).returning();
  await w.db.insert(memberships).values({ workspaceId: ws!.id, userId: strangerId, role: "owner" });
  stranger = { workspaceId: ws!.id, userId: strangerId, role: "owner" };
});
afterAll(async () => {
  await w?.close();
});

describe("canned replies", () => {
  it("owners and marketers create them; shortcuts are checked and lowercased", async () => {
    const thanks = await createCannedReply(w.db, marketer, { shortcut: ":Thanks", text: "  Thank you!  " });
    expect(thanks).toEqual({
      id: expect.any(String),
      shortcut: "thanks",
      text: "Thank you!",
      createdBy: marketer.userId,
      createdByName: "Mia",
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
    await createCannedReply(w.db, w.owner(), { shortcut: "спасибо", text: "Спасибо!" });
    await createCannedReply(w.db, w.owner(), { shortcut: "thanks_long", text: "Thank you so much!" });
    await createCannedReply(w.db, w.owner(), { shortcut: "thanksXlong", text: "x" });
    await createCannedReply(w.db, w.owner(), { shortcut: "hours-1", text: "We open at 9." });
    expect(parseShortcut("a-b_c9")).toBe("a-b_c9");
    for (const bad of ["", ":", "two words", "x".repeat(33), "emoji🙂", "dot.dot"])
      expect(await errorCode(async () => parseShortcut(bad))).toBe("INVALID");
    expect(await errorCode(() => createCannedReply(w.db, marketer, { shortcut: "blank", text: "  " }))).toBe(
      "INVALID",
    );
    expect(
      await errorCode(() => createCannedReply(w.db, marketer, { shortcut: "long", text: "x".repeat(4097) })),
    ).toBe("INVALID");
  });

  it("a shortcut is unique in the workspace, whatever its case: CONFLICT", async () => {
    expect(
      await errorCode(() => createCannedReply(w.db, w.owner(), { shortcut: "THANKS", text: "again" })),
    ).toBe("CONFLICT");
    const hours = (await listCannedReplies(w.db, marketer, "hours"))[0]!;
    expect(await errorCode(() => updateCannedReply(w.db, marketer, hours.id, { shortcut: "Thanks" }))).toBe(
      "CONFLICT",
    );
    // Another workspace may use the same shortcut.
    await createCannedReply(w.db, stranger, { shortcut: "thanks", text: "Theirs" });
  });

  it("every member lists them, by shortcut; search is a literal prefix", async () => {
    const all = await listCannedReplies(w.db, operator);
    expect(all.map((c) => c.shortcut)).toEqual([
      "hours-1",
      "thanks",
      "thanks_long",
      "thanksxlong",
      "спасибо",
    ]);
    expect((await listCannedReplies(w.db, operator, ":THA")).map((c) => c.shortcut)).toEqual([
      "thanks",
      "thanks_long",
      "thanksxlong",
    ]);
    // "_" is not a wildcard.
    expect((await listCannedReplies(w.db, operator, "thanks_")).map((c) => c.shortcut)).toEqual([
      "thanks_long",
    ]);
    expect((await listCannedReplies(w.db, operator, "спа")).map((c) => c.text)).toEqual(["Спасибо!"]);
    expect(await listCannedReplies(w.db, operator, "%")).toEqual([]);
    expect((await listCannedReplies(w.db, stranger)).map((c) => c.text)).toEqual(["Theirs"]);
  });

  it("update changes the shortcut or the text; remove deletes; operators may do neither", async () => {
    const [hours] = await listCannedReplies(w.db, operator, "hours");
    const updated = await updateCannedReply(w.db, marketer, hours!.id, { shortcut: "Hours", text: "9 to 5" });
    expect(updated).toMatchObject({ id: hours!.id, shortcut: "hours", text: "9 to 5" });
    expect(await updateCannedReply(w.db, marketer, hours!.id, {})).toMatchObject({ text: "9 to 5" });

    expect(await errorCode(() => createCannedReply(w.db, operator, { shortcut: "mine", text: "x" }))).toBe(
      "FORBIDDEN",
    );
    expect(await errorCode(() => updateCannedReply(w.db, operator, hours!.id, { text: "x" }))).toBe(
      "FORBIDDEN",
    );
    expect(await errorCode(() => removeCannedReply(w.db, operator, hours!.id))).toBe("FORBIDDEN");

    // Another workspace's reply is NOT_FOUND.
    expect(await errorCode(() => updateCannedReply(w.db, stranger, hours!.id, { text: "x" }))).toBe(
      "NOT_FOUND",
    );
    expect(await errorCode(() => removeCannedReply(w.db, stranger, hours!.id))).toBe("NOT_FOUND");

    await removeCannedReply(w.db, w.owner(), hours!.id);
    expect(await listCannedReplies(w.db, operator, "hours")).toEqual([]);
    expect(await errorCode(() => removeCannedReply(w.db, w.owner(), hours!.id))).toBe("NOT_FOUND");
  });
});
