import { contacts, conversations, splitChoices } from "@switchboard/db";
import {
  conditionStep,
  flowDoc,
  freeInputStep,
  randomSplitStep,
  setValuesStep,
  textStep,
} from "@switchboard/flow/testing";
import type { SandboxUser } from "@switchboard/telegram-sandbox";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, eventually, type Harness, makeUser } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Waits until the bot has sent `texts` (in this order) as its latest messages. */
async function expectBotSaid(token: string, user: SandboxUser, texts: string[], timeoutMs = 15_000) {
  await eventually(
    async () => {
      const all = (await h.client.getMessages({ token, chatId: user.id }))
        .filter((m) => m.from_bot)
        .map((m) => m.text ?? "");
      return JSON.stringify(all.slice(-texts.length)) === JSON.stringify(texts) ? all : undefined;
    },
    timeoutMs,
    `the bot to say ${JSON.stringify(texts)}`,
  );
}

/**
 * Age question -> Set values (a visit counter, a band computed from the answer, a tag) -> Condition
 * on those values -> a text per branch -> a Random split into two texts.
 */
const logicFlow = () =>
  flowDoc(
    [
      freeInputStep("age", "How old are you?", "age", { validation: { kind: "number" } }),
      setValuesStep("set", [
        { kind: "add", variable: "visits", amount: "1" },
        { kind: "set", target: "vars.answer", value: "{{vars.age}}" },
        { kind: "set", target: "contact.city", value: "Kyiv" },
        { kind: "add_tags", tags: ["asked-age"] },
      ]),
      conditionStep("cond", [
        {
          id: "adult",
          name: "Adult",
          combine: "all",
          rules: [
            { subject: "vars.answer", op: "greater", value: "17" },
            { subject: "tags", op: "contains", value: "asked-age" },
          ],
        },
        {
          id: "kid",
          name: "Kid",
          rules: [{ subject: "vars.answer", op: "less", value: "18" }],
        },
      ]),
      textStep("adult", 'Welcome, adult from {{fields.none | "somewhere"}} (visit {{vars.visits}})'),
      textStep("kid", "Hi kid (visit {{vars.visits}})"),
      textStep("other", "Hmm"),
      randomSplitStep("split", [
        { id: "x", label: "X", weight: 1 },
        { id: "y", label: "Y", weight: 1 },
      ]),
      textStep("tx", "Offer X"),
      textStep("ty", "Offer Y"),
    ],
    [
      ["age", "next", "set"],
      ["set", "next", "cond"],
      ["cond", "branch:adult", "adult"],
      ["cond", "branch:kid", "kid"],
      ["cond", "else", "other"],
      ["adult", "next", "split"],
      ["kid", "next", "split"],
      ["split", "branch:x", "tx"],
      ["split", "branch:y", "ty"],
    ],
  );

describe("condition, set values and random split through the runtime", () => {
  it("a user's answer, set by Set values, picks the Condition's branch; the split is sticky and recorded", async () => {
    const flowId = await h.publish(logicFlow());
    const bot = await h.addBot({ flowId });
    await h.startRuntime();

    const adult = makeUser("Ann");
    await h.client.start({ token: bot.token, from: adult });
    await expectBotSaid(bot.token, adult, ["How old are you?"]);
    await h.client.sendText({ token: bot.token, from: adult, text: "30" });
    await eventually(
      async () => {
        const texts = (await h.client.getMessages({ token: bot.token, chatId: adult.id }))
          .filter((m) => m.from_bot)
          .map((m) => m.text ?? "");
        return texts.length >= 3 ? texts : undefined;
      },
      15_000,
      "the adult branch and the split's offer",
    );
    const adultTexts = (await h.client.getMessages({ token: bot.token, chatId: adult.id }))
      .filter((m) => m.from_bot)
      .map((m) => m.text ?? "");
    expect(adultTexts.slice(0, 2)).toEqual(["How old are you?", "Welcome, adult from somewhere (visit 1)"]);
    const offer = adultTexts[2];
    expect(["Offer X", "Offer Y"]).toContain(offer);

    const [conversation] = await h.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.botId, bot.id), eq(conversations.chatId, adult.id)));
    const [choice] = await h.db
      .select()
      .from(splitChoices)
      .where(eq(splitChoices.conversationId, conversation!.id));
    expect(choice).toMatchObject({ stepId: "split", branchId: offer === "Offer X" ? "x" : "y" });
    const [contact] = await h.db.select().from(contacts).where(eq(contacts.id, conversation!.contactId));
    expect(contact).toMatchObject({ city: "Kyiv", tags: ["asked-age"] });

    // A second pass: the counter goes up, the split keeps its branch.
    await h.client.sendText({ token: bot.token, from: adult, text: "/start" });
    await expectBotSaid(bot.token, adult, ["How old are you?"]);
    await h.client.sendText({ token: bot.token, from: adult, text: "40" });
    await expectBotSaid(bot.token, adult, ["Welcome, adult from somewhere (visit 2)", offer!]);
    const rows = await h.db
      .select()
      .from(splitChoices)
      .where(eq(splitChoices.conversationId, conversation!.id));
    expect(rows).toHaveLength(1);

    const kid = makeUser("Tim");
    await h.client.start({ token: bot.token, from: kid });
    await expectBotSaid(bot.token, kid, ["How old are you?"]);
    await h.client.sendText({ token: bot.token, from: kid, text: "12" });
    await eventually(
      async () => {
        const texts = (await h.client.getMessages({ token: bot.token, chatId: kid.id }))
          .filter((m) => m.from_bot)
          .map((m) => m.text ?? "");
        return texts.length >= 3 ? texts : undefined;
      },
      15_000,
      "the kid branch",
    );
    const kidTexts = (await h.client.getMessages({ token: bot.token, chatId: kid.id }))
      .filter((m) => m.from_bot)
      .map((m) => m.text ?? "");
    expect(kidTexts[1]).toBe("Hi kid (visit 1)");
  });
});
