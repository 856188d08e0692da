// Formatting in the operators' topic copies (core forum/topic-entities.ts, text.ts): entities moved by
// the line's prefix and by the lines before it in a coalesced message (UTF-16 code units), clipped at a
// split, and only the ones Telegram would take back from a bot.
import { sliceFormatted } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import {
  coalesceLines,
  contentFormatted,
  customerLine,
  inboxReplyLine,
  topicTextParts,
} from "../src/forum/text";
import {
  entitiesFrom,
  joinTopicTexts,
  plainTopicText,
  type TopicText,
  withPrefix,
} from "../src/forum/topic-entities";

/** What each entity covers, e.g. "bold:Sale". */
const covered = (t: TopicText) =>
  t.entities.map((e) => `${e.type}:${t.text.slice(e.offset, e.offset + e.length)}`);

/** "Big Sale 🎉 today, see shop" with "Sale" bold and "shop" a link. */
const sale = (): TopicText => ({
  text: "Big Sale 🎉 today, see shop",
  entities: [
    { type: "bold", offset: 4, length: 4 },
    { type: "text_link", offset: 23, length: 4, url: "https://shop.example" },
  ],
});

describe("entities after a prefix", () => {
  it("move by the prefix's UTF-16 length (an emoji counts two)", () => {
    expect(covered(sale())).toEqual(["bold:Sale", "text_link:shop"]);
    const line = customerLine("Zoë 🌸", sale());
    expect(line.text).toBe("Zoë 🌸: Big Sale 🎉 today, see shop");
    expect(line.entities.map((e) => e.offset)).toEqual([4 + 8, 23 + 8]);
    expect(covered(line)).toEqual(["bold:Sale", "text_link:shop"]);
    expect(line.entities[1]).toMatchObject({ url: "https://shop.example" });
    expect(covered(inboxReplyLine("Oscar", sale()))).toEqual(["bold:Sale", "text_link:shop"]);
  });

  it("a caption's formatting follows its file's [photo] tag", () => {
    const photo = contentFormatted({
      text: "Sale now",
      media: "photo",
      entities: [{ type: "bold", offset: 0, length: 4 }],
    });
    expect(photo).toEqual({ text: "[photo] Sale now", entities: [{ type: "bold", offset: 8, length: 4 }] });
    expect(contentFormatted({ text: null, media: "voice", entities: null })).toEqual(
      plainTopicText("[voice]"),
    );
  });
});

describe("entities from Telegram", () => {
  it("keeps those that fit the text, with only their type's fields", () => {
    const text = "hi @someone see https://x.example";
    expect(
      entitiesFrom(
        [
          { type: "mention", offset: 3, length: 8, extra: 1 },
          { type: "url", offset: 16, length: 17 },
          { type: "text_link", offset: 0, length: 2, url: "https://a.example" },
          { type: "pre", offset: 0, length: 2, language: "js" },
        ],
        text,
      ),
    ).toEqual([
      { type: "mention", offset: 3, length: 8 },
      { type: "url", offset: 16, length: 17 },
      { type: "text_link", offset: 0, length: 2, url: "https://a.example" },
      { type: "pre", offset: 0, length: 2, language: "js" },
    ]);
  });

  it.each([
    ["past the text's end", { type: "bold", offset: 30, length: 4 }],
    ["empty", { type: "bold", offset: 0, length: 0 }],
    ["at a negative offset", { type: "bold", offset: -1, length: 2 }],
    [
      "a custom emoji (a bot may not send one)",
      { type: "custom_emoji", offset: 0, length: 2, custom_emoji_id: "5" },
    ],
    ["a text link without its url", { type: "text_link", offset: 0, length: 2 }],
    ["not an entity", "bold"],
  ])("drops one %s", (_, entity) => {
    expect(entitiesFrom([entity], "x".repeat(32))).toEqual([]);
  });

  it("reads nothing from what isn't a list", () => {
    expect(entitiesFrom(null, "text")).toEqual([]);
    expect(entitiesFrom({ type: "bold" }, "text")).toEqual([]);
  });
});

describe("coalesced lines", () => {
  it("move each line's entities to where the line starts in the message", () => {
    const first = customerLine("Ann", sale());
    const second = customerLine("Ann", {
      text: "🎉 and *this*",
      entities: [{ type: "italic", offset: 7, length: 6 }],
    });
    const { count, text, entities } = coalesceLines([plainTopicText("— Oscar took it."), first, second]);
    expect(count).toBe(3);
    expect(text).toBe("— Oscar took it.\nAnn: Big Sale 🎉 today, see shop\nAnn: 🎉 and *this*");
    expect(covered({ text, entities })).toEqual(["bold:Sale", "text_link:shop", "italic:*this*"]);
  });

  it("a line left for the next message takes its entities with it", () => {
    const big: TopicText = { text: "x".repeat(10), entities: [{ type: "bold", offset: 0, length: 10 }] };
    const next: TopicText = { text: "yy", entities: [{ type: "italic", offset: 0, length: 2 }] };
    expect(coalesceLines([big, next], 12)).toEqual({ count: 1, ...big });
    expect(joinTopicTexts([big, next])).toEqual({
      text: `${"x".repeat(10)}\nyy`,
      entities: [
        { type: "bold", offset: 0, length: 10 },
        { type: "italic", offset: 11, length: 2 },
      ],
    });
  });
});

describe("split lines", () => {
  it("an entity across the split is clipped into both parts, each from its own 0", () => {
    const long = `${"word ".repeat(800)}${"bold ".repeat(100)}end`;
    const at = long.indexOf("bold");
    const parts = topicTextParts({ text: long, entities: [{ type: "bold", offset: at, length: 500 }] });
    expect(parts).toHaveLength(2);
    expect(parts.map((p) => p.text).join("")).toBe(long);
    const [a, b] = parts as [TopicText, TopicText];
    expect(a.entities).toEqual([{ type: "bold", offset: at, length: a.text.length - at }]);
    expect(b.entities).toEqual([{ type: "bold", offset: 0, length: 500 - (a.text.length - at) }]);
    for (const p of parts)
      for (const e of p.entities) expect(e.offset + e.length).toBeLessThanOrEqual(p.text.length);
  });

  it("an entity only over trailing blanks goes with them", () => {
    const parts = topicTextParts({
      text: "Hi  \n",
      entities: [
        { type: "bold", offset: 0, length: 4 },
        { type: "italic", offset: 3, length: 2 },
      ],
    });
    expect(parts).toEqual([{ text: "Hi", entities: [{ type: "bold", offset: 0, length: 2 }] }]);
  });

  it("slicing drops what lies wholly outside", () => {
    expect(sliceFormatted(sale(), 0, 9)).toEqual({
      text: "Big Sale ",
      entities: [{ type: "bold", offset: 4, length: 4 }],
    });
    expect(withPrefix("", sale())).toEqual(sale());
  });
});
