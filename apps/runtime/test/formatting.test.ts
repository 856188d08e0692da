import { flowDoc, freeInputStep, textStep } from "@switchboard/flow/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, makeUser } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

interface Entity {
  type: string;
  offset: number;
  length: number;
  url?: string;
}
/** The substrings each entity covers, as the user's Telegram app would show them formatted. */
const covered = (m: { text?: string; entities?: Entity[] }) =>
  (m.entities ?? []).map((e) => [
    e.type,
    m.text!.slice(e.offset, e.offset + e.length),
    ...(e.url ? [e.url] : []),
  ]);

describe("formatted messages through the sandbox", () => {
  it("arrive as text + entities; a hostile name and answer stay plain text, long texts split with their entities", async () => {
    const flowId = await h.publish(
      flowDoc(
        [
          textStep(
            "hi",
            '<b>Hi {{name}}</b>, <i>welcome</i> <tg-spoiler>🎁</tg-spoiler> <a href="https://example.com/?n={{name}}">site</a>',
          ),
          freeInputStep("ask", "Your <u>nickname</u>?", "nick"),
          textStep("long", `<code>{{vars.nick}}</code> <b>${"😀 ".repeat(1400)}</b><i>end</i>`),
        ],
        [
          ["hi", "next", "ask"],
          ["ask", "next", "long"],
        ],
      ),
    );
    const bot = await h.addBot({ flowId });
    await h.startRuntime();
    const name = "<b>*Evil*</b> 👾 _x_";
    const user = makeUser(name);
    await h.client.start({ token: bot.token, from: user });
    const [hello, ask] = await h.client.waitForBotMessages({
      token: bot.token,
      chatId: user.id,
      count: 2,
      timeoutMs: 15_000,
    });
    expect(hello!.text).toBe(`Hi ${name}, welcome 🎁 site`);
    expect(covered(hello!)).toEqual([
      ["bold", `Hi ${name}`],
      ["italic", "welcome"],
      ["spoiler", "🎁"],
      ["text_link", "site", `https://example.com/?n=${encodeURIComponent(name)}`],
    ]);
    expect(covered(ask!)).toEqual([["underline", "nickname"]]);

    const nick = "</code>`x` &amp; <i>";
    await h.client.sendText({ token: bot.token, from: user, text: nick });
    const all = await h.client.waitForBotMessages({
      token: bot.token,
      chatId: user.id,
      count: 4,
      timeoutMs: 15_000,
    });
    const [first, second] = all.slice(2);
    // 1,400 "😀 " are 4,200 UTF-16 code units: over 4,096, so two messages.
    expect(first!.text!.length).toBeLessThanOrEqual(4096);
    expect(first!.text!.startsWith(`${nick} 😀`)).toBe(true);
    const [code, boldStart] = covered(first!);
    expect(code).toEqual(["code", nick]);
    expect(boldStart![0]).toBe("bold");
    expect(covered(second!).map((c) => c[0])).toEqual(["bold", "italic"]);
    expect(covered(second!).at(-1)).toEqual(["italic", "end"]);
    const boldLength = [first!, second!]
      .flatMap((m) => m.entities ?? [])
      .filter((e) => e.type === "bold")
      .reduce((n, e) => n + e.length, 0);
    expect(boldLength).toBe(4200);
  });
});
