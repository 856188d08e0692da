import { splitChoices } from "@switchboard/db";
import { flowDoc, randomSplitStep, textStep } from "@switchboard/flow/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TelegramUserInfo } from "../src/contacts/telegram";
import { receiveFromUser } from "../src/conversations/receive";
import { splitCountsOfFlow } from "../src/flows/split-counts";
import { createWorld, ENV, type TestBot, telegramUser, type World } from "./fixtures";

let w: World;
beforeAll(async () => {
  w = await createWorld("core_splits");
});
afterAll(async () => {
  await w?.close();
});

const splitFlow = () =>
  flowDoc(
    [
      randomSplitStep("r", [
        { id: "a", label: "A", weight: 1 },
        { id: "b", label: "B", weight: 1 },
      ]),
      textStep("ta", "Offer A"),
      textStep("tb", "Offer B"),
    ],
    [
      ["r", "branch:a", "ta"],
      ["r", "branch:b", "tb"],
    ],
  );

/** /start from `from`, with the core's randomness fixed to `r`. */
const startWith = (bot: TestBot, from: TelegramUserInfo, r: number) =>
  w.db.transaction((tx) =>
    receiveFromUser(
      tx,
      bot,
      { chatId: from.id, from, event: { type: "start" }, text: "/start", telegramMessageId: 1, payload: {} },
      { ...ENV, random: () => r },
    ),
  );

describe("random split choices", () => {
  let bot: TestBot;
  let flowId: string;
  beforeAll(async () => {
    const published = await w.publish(splitFlow());
    flowId = published.flowId;
    bot = await w.addBot({ flowId });
  });

  it("the chosen branch is persisted with the run, and stays the same on the next visit", async () => {
    const user = telegramUser("Ann");
    const first = await startWith(bot, user, 0.9);
    const id = first.conversation.id;
    expect(await w.outTexts(id)).toEqual(["Offer B"]);
    const rows = await w.db.select().from(splitChoices).where(eq(splitChoices.conversationId, id));
    expect(rows).toMatchObject([{ conversationId: id, stepId: "r", branchId: "b" }]);
    expect(rows[0]!.chosenAt).toBeInstanceOf(Date);
    expect((await w.conversation(id)).state).toMatchObject({ splits: { r: "b" } });

    await startWith(bot, user, 0.1);
    expect(await w.outTexts(id)).toEqual(["Offer B", "Offer B"]);
    const again = await w.db.select().from(splitChoices).where(eq(splitChoices.conversationId, id));
    expect(again).toEqual(rows);
  });

  it("another conversation draws its own branch", async () => {
    const result = await startWith(bot, telegramUser("Bob"), 0.1);
    const rows = await w.db
      .select()
      .from(splitChoices)
      .where(eq(splitChoices.conversationId, result.conversation.id));
    expect(rows.map((r) => r.branchId)).toEqual(["a"]);
  });

  it("nothing is recorded when the transaction rolls back", async () => {
    const user = telegramUser("Cy");
    await expect(
      w.db.transaction(async (tx) => {
        await receiveFromUser(
          tx,
          bot,
          {
            chatId: user.id,
            from: user,
            event: { type: "start" },
            text: "/start",
            telegramMessageId: 1,
            payload: {},
          },
          { ...ENV, random: () => 0.5 },
        );
        throw new Error("crash after the run");
      }),
    ).rejects.toThrow("crash after the run");
    const all = await w.db.select().from(splitChoices);
    expect(all).toHaveLength(2);
  });

  it("tallies the flow's choices per step and branch, for the builder; another flow's are not counted", async () => {
    const before = await splitCountsOfFlow(w.db, w.workspaceId, flowId);
    const count = (counts: typeof before, branchId: string) =>
      counts.find((c) => c.stepId === "r" && c.branchId === branchId)?.conversations ?? 0;
    await startWith(bot, telegramUser("Dee"), 0.2);
    await startWith(bot, telegramUser("Eve"), 0.7);
    await startWith(bot, telegramUser("Fay"), 0.8);
    const after = await splitCountsOfFlow(w.db, w.workspaceId, flowId);
    expect(count(after, "a") - count(before, "a")).toBe(1);
    expect(count(after, "b") - count(before, "b")).toBe(2);

    const other = await w.publish(splitFlow());
    expect(await splitCountsOfFlow(w.db, w.workspaceId, other.flowId)).toEqual([]);
  });
});
