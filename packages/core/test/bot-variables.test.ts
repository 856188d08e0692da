import { contacts } from "@switchboard/db";
import { flowDoc, freeInputStep, textStep } from "@switchboard/flow/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  botVariableKeysOfFlow,
  listBotVariables,
  removeBotVariable,
  setBotVariable,
} from "../src/bot-variables";
import { compileEnvironmentOf } from "../src/flows/compile-env";
import { loadBotBehaviour } from "../src/flows/live-flow";
import { createWorld, telegramUser, type World } from "./fixtures";

let w: World;
beforeAll(async () => {
  w = await createWorld("core_botvars");
});
afterAll(async () => {
  await w?.close();
});

describe("bot variables in a dispatch", () => {
  it("{{bot.KEY}} renders the bot's own value; another bot on the same flow renders its own", async () => {
    const { flowId } = await w.publish(
      flowDoc(
        [
          textStep("hi", 'Code {{bot.promo | "none"}}, call {{bot.phone}}'),
          freeInputStep("ask", "Name?", "n"),
          textStep("bye", "Bye {{vars.n}}, code {{bot.promo}}"),
        ],
        [
          ["hi", "next", "ask"],
          ["ask", "next", "bye"],
        ],
      ),
    );
    const a = await w.addBot({ flowId });
    const b = await w.addBot({ flowId });
    await setBotVariable(w.db, w.owner(), { botId: a.id, key: "promo", value: "A-10" });
    await setBotVariable(w.db, w.owner(), { botId: a.id, key: "phone", value: "+1 555 0100" });
    await setBotVariable(w.db, w.owner(), { botId: b.id, key: "phone", value: "+44 20 0000" });

    const ann = telegramUser("Ann");
    const started = await w.say(a, ann);
    const bob = telegramUser("Bob");
    const other = await w.say(b, bob);
    expect(await w.outTexts(started.conversation.id)).toEqual(["Code A-10, call +1 555 0100", "Name?"]);
    expect(await w.outTexts(other.conversation.id)).toEqual(["Code none, call +44 20 0000", "Name?"]);

    // A change applies to the very next message (read with the bot on every update).
    await setBotVariable(w.db, w.owner(), { botId: a.id, key: "promo", value: "A-20" });
    await w.text(a, ann, "Ann");
    expect((await w.outTexts(started.conversation.id)).at(-1)).toBe("Bye Ann, code A-20");
    await removeBotVariable(w.db, w.owner(), a.id, "promo");
    expect((await loadBotBehaviour(w.db, a.id))?.variables).toEqual({ phone: "+1 555 0100" });
    expect((await loadBotBehaviour(w.db, b.id))?.variables).toEqual({ phone: "+44 20 0000" });
  });

  it("a bot without variables renders them empty, or as their default", async () => {
    const { flowId } = await w.publish(flowDoc([textStep("hi", 'X{{bot.nothing}}Y {{bot.none | "dflt"}}')]));
    const bot = await w.addBot({ flowId });
    const started = await w.say(bot, telegramUser("Cy"));
    expect(await w.outTexts(started.conversation.id)).toEqual(["XY dflt"]);
    expect((await loadBotBehaviour(w.db, bot.id))?.variables).toEqual({});
  });

  it("the compile environment of a flow has the keys of the bots running it, none when no bot does", async () => {
    const { flowId } = await w.publish(flowDoc([textStep("hi", "Hi")]));
    expect(await botVariableKeysOfFlow(w.db, w.workspaceId, flowId)).toBeUndefined();
    expect((await compileEnvironmentOf(w.db, w.workspaceId, flowId)).botVariableKeys).toBeUndefined();
    const a = await w.addBot({ flowId });
    const b = await w.addBot({ flowId });
    await w.addBot(); // runs nothing: its variables don't count
    expect(await botVariableKeysOfFlow(w.db, w.workspaceId, flowId)).toEqual([]);
    await setBotVariable(w.db, w.owner(), { botId: a.id, key: "zeta", value: "1" });
    await setBotVariable(w.db, w.owner(), { botId: b.id, key: "alpha", value: "2" });
    await setBotVariable(w.db, w.owner(), { botId: b.id, key: "zeta", value: "3" });
    expect((await compileEnvironmentOf(w.db, w.workspaceId, flowId)).botVariableKeys).toEqual([
      "alpha",
      "zeta",
    ]);
    expect((await listBotVariables(w.db, w.workspaceId, b.id)).map((v) => v.key)).toEqual(["alpha", "zeta"]);
  });

  it("refuses a bot of another workspace", async () => {
    const { flowId } = await w.publish(flowDoc([textStep("hi", "Hi")]));
    const bot = await w.addBot({ flowId });
    const stranger = { ...w.owner(), workspaceId: "00000000-0000-4000-8000-000000000000" };
    await expect(setBotVariable(w.db, stranger, { botId: bot.id, key: "k", value: "v" })).rejects.toThrow(
      "Bot not found.",
    );
  });
});

describe("{{tracker.KEY}} from a deep link", () => {
  it("the first step already reads the payload's values; the click id is stored once", async () => {
    const { flowId } = await w.publish(
      flowDoc([
        textStep(
          "hi",
          'From {{tracker.utm_source}} / {{tracker.utm_campaign}} ({{tracker.start}}) {{tracker.nope | "-"}}',
        ),
      ]),
    );
    const bot = await w.addBot({ flowId });
    const user = telegramUser("Deep");
    const payload = "utm_source-ads__utm_campaign-spring";
    const result = await w.say(bot, user, { type: "start", payload }, `/start ${payload}`);
    expect(await w.outTexts(result.conversation.id)).toEqual([`From ads / spring (${payload}) -`]);
    const [contact] = await w.db
      .select()
      .from(contacts)
      .where(eq(contacts.id, result.conversation.contactId));
    expect(contact!.tracker).toEqual({
      start: payload,
      utm_source: "ads",
      utm_campaign: "spring",
      clickid: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it("as Telegram delivers it (a text /start <payload>), and a later link overwrites its keys", async () => {
    const { flowId } = await w.publish(
      flowDoc([textStep("hi", "Via {{tracker.ref}} {{tracker.utm_source}}")]),
    );
    const bot = await w.addBot({ flowId });
    const user = telegramUser("Text");
    const first = await w.text(bot, user, "/start ref-partner1__utm_source-blog");
    expect(await w.outTexts(first.conversation.id)).toEqual(["Via partner1 blog"]);
    const contactOf = async () =>
      (await w.db.select().from(contacts).where(eq(contacts.id, first.conversation.contactId)))[0]!.tracker;
    const firstClick = (await contactOf()).clickid;
    await w.text(bot, user, "/start ref-partner2");
    expect((await w.outTexts(first.conversation.id)).at(-1)).toBe("Via partner2 blog");
    const tracker = await contactOf();
    expect(tracker).toMatchObject({ start: "ref-partner2", ref: "partner2", utm_source: "blog" });
    expect(tracker.clickid).not.toBe(firstClick);
  });
});
