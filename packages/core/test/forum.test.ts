// The pure parts of the operators' forum (core forum/text.ts, group-replies.ts): topic names, lines,
// the summary, splitting and coalescing, the settings' group, and topic commands.
import { describe, expect, it } from "vitest";
import { operatorGroupOf, parseBotSettings } from "../src/bot-settings";
import { parseTopicCommand, telegramName } from "../src/forum/group-replies";
import { forumAuthorOf } from "../src/forum/mirror";
import {
  coalesceLines,
  contentText,
  customerLine,
  cutChars,
  eventLine,
  inboxReplyLine,
  personName,
  summaryText,
  TOPIC_NAME_LIMIT,
  topicName,
  topicTextParts,
} from "../src/forum/text";
import { plainTopicText } from "../src/forum/topic-entities";

/** Plain lines (no formatting), as most of the group's lines are. */
const plain = (...texts: string[]) => texts.map(plainTopicText);
const partTexts = (text: string) => topicTextParts(plainTopicText(text)).map((p) => p.text);

const chars = (s: string) => [...s].length;

describe("topicName", () => {
  it("is the name and the username", () => {
    expect(topicName({ firstName: "Ann", lastName: "Smith", username: "ann" })).toBe("Ann Smith (@ann)");
    expect(topicName({ firstName: "Ann", lastName: null, username: null })).toBe("Ann");
  });

  it("falls back to the username, then the Telegram id, when there is no name", () => {
    expect(topicName({ firstName: "", username: "ann" })).toBe("@ann");
    expect(topicName({ firstName: "  ", telegramUserId: 4711 })).toBe("Customer 4711");
    expect(topicName({ firstName: "" })).toBe("Customer");
  });

  it("cleans control characters and runs of blanks", () => {
    expect(topicName({ firstName: "Ann\n\t ", lastName: " Smith\u0000", username: "ann" })).toBe(
      "Ann Smith (@ann)",
    );
  });

  it("stays within 128 characters, keeping the username when it can", () => {
    const long = topicName({ firstName: "Maximiliane ".repeat(20), lastName: "Smith", username: "maxi" });
    expect(chars(long)).toBeLessThanOrEqual(TOPIC_NAME_LIMIT);
    expect(long.endsWith("… (@maxi)")).toBe(true);
    const emoji = topicName({ firstName: "😀".repeat(200), username: "e" });
    expect(chars(emoji)).toBeLessThanOrEqual(TOPIC_NAME_LIMIT);
    expect(emoji.endsWith("… (@e)")).toBe(true);
    // No surrogate pair is cut in half.
    expect(emoji).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    const huge = topicName({ firstName: "x".repeat(300), username: "u".repeat(120) });
    expect(chars(huge)).toBe(TOPIC_NAME_LIMIT);
    expect(huge).not.toContain("@");
  });

  it("cutChars cuts at a word when one is near", () => {
    expect(cutChars("short", 10)).toBe("short");
    expect(cutChars("one two three four", 12)).toBe("one two…");
    expect(chars(cutChars("abcdefghijklmnop", 5))).toBe(5);
  });
});

describe("lines", () => {
  it("show texts, files with their captions, and nothing for nothing", () => {
    expect(contentText({ text: "Hello", media: null })).toBe("Hello");
    expect(contentText({ text: "My receipt", media: "photo" })).toBe("[photo] My receipt");
    expect(contentText({ text: null, media: "voice" })).toBe("[voice]");
    expect(contentText({ text: "  ", media: null })).toBeNull();
    expect(customerLine("Ann Smith", plainTopicText("[photo] x")).text).toBe("Ann Smith: [photo] x");
    expect(inboxReplyLine("Oscar", plainTopicText("On its way")).text).toBe("Oscar (inbox): On its way");
    expect(inboxReplyLine("", plainTopicText("On its way")).text).toBe("Operator (inbox): On its way");
    expect(eventLine("Closed.")).toBe("— Closed.");
    expect(personName({ firstName: "Ann", lastName: "Smith" })).toBe("Ann Smith");
  });

  it("the summary says who, from which bot, at which step, and what they wrote last", () => {
    const text = summaryText({
      customer: {
        firstName: "Ann",
        lastName: "Smith",
        username: "ann",
        phone: "+4915112345678",
        telegramUserId: 42,
      },
      botUsername: "shop_bot",
      step: { id: "r", title: "Talk to us" },
      recent: Array.from({ length: 12 }, (_, i) => `message ${i + 1}`),
      again: false,
    });
    expect(text.split("\n")).toEqual([
      "🆕 Ann Smith waits for an operator",
      "Username: @ann",
      "Phone: +4915112345678",
      "Telegram id: 42",
      "Bot: @shop_bot",
      "Step: Talk to us (r)",
      "",
      "Recent messages:",
      ...Array.from({ length: 10 }, (_, i) => `› message ${i + 3}`),
      "",
      "Reply here to answer them; /close ends the conversation.",
    ]);
    const again = summaryText({
      customer: { firstName: "Bo" },
      botUsername: "b",
      step: { id: "r", title: "" },
      recent: ["a\nmultiline\n\ntext", "x".repeat(1000)],
      again: true,
    });
    expect(again.split("\n")[0]).toBe("🔁 Bo is back and waits for an operator");
    expect(again).toContain("Step: r\n");
    expect(again).toContain("› a multiline text\n");
    expect(again.split("\n").find((l) => l.startsWith("› x"))!.length).toBeLessThanOrEqual(302);
  });
});

describe("topicTextParts", () => {
  it("one part for a normal text, Telegram-sized parts for a long one, none for blanks", () => {
    expect(partTexts("Hello\n")).toEqual(["Hello"]);
    expect(partTexts("  \n ")).toEqual([]);
    const long = `${"word ".repeat(1000)}end`;
    const parts = partTexts(long);
    expect(parts.length).toBe(2);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4096);
    expect(parts.join("")).toBe(long);
  });
});

describe("coalesceLines", () => {
  it("puts pending lines together, oldest first, up to 4,096 characters", () => {
    expect(coalesceLines([])).toEqual({ count: 0, text: "", entities: [] });
    expect(coalesceLines(plain("a", "b", "c"))).toEqual({ count: 3, text: "a\nb\nc", entities: [] });
    const big = "x".repeat(2000);
    expect(coalesceLines(plain(big, big, "y"))).toEqual({
      count: 3,
      text: `${big}\n${big}\ny`,
      entities: [],
    });
    // 2000 + 1 + 2000 + 1 + 95 = 4097: the third line waits for the next message.
    expect(coalesceLines(plain(big, big, "z".repeat(95), "w"))).toEqual({
      count: 2,
      text: `${big}\n${big}`,
      entities: [],
    });
    expect(coalesceLines(plain(big, big, "z".repeat(94))).text.length).toBe(4096);
  });

  it("always takes the oldest line, even alone at the limit", () => {
    const full = "x".repeat(4096);
    expect(coalesceLines(plain(full, "next"))).toEqual({ count: 1, text: full, entities: [] });
  });

  it("respects a smaller limit and never reorders", () => {
    const lines = ["1", "22", "333", "4444", "55555"];
    const out: string[] = [];
    let rest = plain(...lines);
    while (rest.length) {
      const { count, text } = coalesceLines(rest, 7);
      expect(text.length).toBeLessThanOrEqual(7);
      out.push(...text.split("\n"));
      rest = rest.slice(count);
    }
    expect(out).toEqual(lines);
  });
});

describe("the operators' group setting", () => {
  it("is off unless switched on with a supergroup's id", () => {
    expect(operatorGroupOf(parseBotSettings({}))).toBeNull();
    expect(parseBotSettings({}).operatorGroup).toBeUndefined();
    expect(
      operatorGroupOf(parseBotSettings({ operatorGroup: { chatId: -1001234567890, enabled: false } })),
    ).toBeNull();
    expect(operatorGroupOf(parseBotSettings({ operatorGroup: { chatId: null, enabled: true } }))).toBeNull();
    expect(
      operatorGroupOf(parseBotSettings({ operatorGroup: { chatId: -1001234567890, enabled: true } })),
    ).toBe(-1001234567890);
  });

  it("is lenient like the other settings: broken values fall back", () => {
    expect(parseBotSettings({ operatorGroup: { chatId: 12345, enabled: true } }).operatorGroup).toEqual({
      chatId: null,
      enabled: true,
    });
    expect(parseBotSettings({ operatorGroup: { chatId: "-100", enabled: "yes" } }).operatorGroup).toEqual({
      chatId: null,
      enabled: false,
    });
    expect(parseBotSettings({ operatorGroup: [1] }).operatorGroup).toBeUndefined();
    expect(parseBotSettings({ operatorGroup: {} }).operatorGroup).toEqual({ chatId: null, enabled: false });
  });
});

describe("topic commands and names", () => {
  it("recognises /close, for this bot or any bot, and leaves other bots' commands alone", () => {
    expect(parseTopicCommand("/close", "shop_bot")).toEqual({ command: "close" });
    expect(parseTopicCommand("  /close thanks!", "shop_bot")).toEqual({ command: "close" });
    expect(parseTopicCommand("/close@Shop_Bot", "shop_bot")).toEqual({ command: "close" });
    expect(parseTopicCommand("/close@other_bot", "shop_bot")).toBe("other");
    expect(parseTopicCommand("/help", "shop_bot")).toEqual({ command: "help" });
    expect(parseTopicCommand("close", "shop_bot")).toBeNull();
    expect(parseTopicCommand("/closed-caption", "shop_bot")).toBeNull();
    expect(parseTopicCommand("see /close", "shop_bot")).toBeNull();
  });

  it("names the group's people as Telegram shows them", () => {
    expect(telegramName({ id: 1, isBot: false, firstName: "Oscar", username: "oscar" })).toBe(
      "Oscar (@oscar)",
    );
    expect(telegramName({ id: 1, isBot: false, firstName: "Oscar", lastName: "Olsen" })).toBe("Oscar Olsen");
    expect(telegramName({ id: 7, isBot: false, firstName: "", username: "oscar" })).toBe("@oscar");
  });

  it("reads the author a group reply carries in its outbox payload", () => {
    const call = { method: "sendMessage", params: { chat_id: 1, text: "x" } };
    expect(forumAuthorOf(call)).toBeNull();
    expect(forumAuthorOf(null)).toBeNull();
    expect(forumAuthorOf({ ...call, forum: { telegramUserId: 5, name: "Oscar" } })).toEqual({
      telegramUserId: 5,
      name: "Oscar",
    });
    expect(forumAuthorOf({ ...call, forum: { telegramUserId: "5", name: "Oscar" } })).toBeNull();
  });
});
