import { botVariables } from "@switchboard/db";
import { flowDoc, textStep } from "@switchboard/flow/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, makeUser } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("variables through the sandbox", () => {
  it("a deep link's values and the bot's variables reach the user's first message", async () => {
    const flowId = await h.publish(
      flowDoc([
        textStep(
          "hi",
          'From {{tracker.utm_source}}/{{tracker.utm_campaign}}: use {{bot.promo}} {{bot.missing | "(none)"}}',
        ),
      ]),
    );
    const bot = await h.addBot({ flowId });
    await h.db.insert(botVariables).values({ botId: bot.id, key: "promo", value: "SPRING10" });
    await h.startRuntime();
    const user = makeUser("Deep");
    await h.client.start({ token: bot.token, from: user, payload: "utm_source-ads__utm_campaign-spring" });
    const [message] = await h.client.waitForBotMessages({
      token: bot.token,
      chatId: user.id,
      count: 1,
      timeoutMs: 15_000,
    });
    expect(message!.text).toBe("From ads/spring: use SPRING10 (none)");
  });
});
