// parse_mode parsers: entity offsets in UTF-16 units and Telegram's error texts.

import { describe, expect, it } from "vitest";
import { parseHtml } from "../src/formatting/html";
import { parseLegacyMarkdown, parseMarkdownV2 } from "../src/formatting/markdown";

describe("HTML", () => {
  it("converts nested tags, entities and pre/code languages", () => {
    expect(parseHtml("<b>bold <i>both</i></b> &lt;3 &#128512; <code>x</code>")).toEqual({
      text: "bold both <3 😀 x",
      entities: [
        { type: "bold", offset: 0, length: 9 },
        { type: "italic", offset: 5, length: 4 },
        { type: "code", offset: 16, length: 1 },
      ],
    });
    expect(parseHtml('<pre><code class="language-ts">let a</code></pre>')).toEqual({
      text: "let a",
      entities: [{ type: "pre", offset: 0, length: 5, language: "ts" }],
    });
    expect(
      parseHtml('<span class="tg-spoiler">s</span><blockquote expandable>q</blockquote>').entities,
    ).toEqual([
      { type: "spoiler", offset: 0, length: 1 },
      { type: "expandable_blockquote", offset: 1, length: 1 },
    ]);
  });

  it("reports broken markup like Telegram", () => {
    expect(() => parseHtml("<b>x</i>")).toThrow(
      'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"',
    );
    expect(() => parseHtml("x</b>")).toThrow("Unexpected end tag at byte offset 1");
    expect(() => parseHtml("1 < 2")).toThrow('Unsupported start tag "" at byte offset 2');
    expect(() => parseHtml("é<foo>")).toThrow('Unsupported start tag "foo" at byte offset 2'); // bytes, not chars
    expect(() => parseHtml("<b")).toThrow("Unclosed start tag at byte offset 0");
  });
});

describe("MarkdownV2", () => {
  it("parses entities, escapes and links", () => {
    expect(parseMarkdownV2("*b* _i_ __u__ ~s~ ||sp|| `c` [t](https://e\\.x) a\\.b")).toEqual({
      text: "b i u s sp c t a.b",
      entities: [
        { type: "bold", offset: 0, length: 1 },
        { type: "italic", offset: 2, length: 1 },
        { type: "underline", offset: 4, length: 1 },
        { type: "strikethrough", offset: 6, length: 1 },
        { type: "spoiler", offset: 8, length: 2 },
        { type: "code", offset: 11, length: 1 },
        { type: "text_link", offset: 13, length: 1, url: "https://e.x" },
      ],
    });
    expect(parseMarkdownV2("```js\nlet a = 1;\n```").entities).toEqual([
      { type: "pre", offset: 0, length: 11, language: "js" },
    ]);
    expect(parseMarkdownV2(">quoted\nplain")).toEqual({
      text: "quoted\nplain",
      entities: [{ type: "blockquote", offset: 0, length: 6 }],
    });
  });

  it("rejects reserved characters and unclosed entities", () => {
    expect(() => parseMarkdownV2("1-2")).toThrow(
      "Character '-' is reserved and must be escaped with the preceding '\\'",
    );
    expect(() => parseMarkdownV2("a *bold")).toThrow("Can't find end of Bold entity at byte offset 2");
    expect(() => parseMarkdownV2("`code")).toThrow("Can't find end of Code entity at byte offset 0");
  });
});

describe("legacy Markdown", () => {
  it("parses simple entities and rejects unclosed ones", () => {
    expect(parseLegacyMarkdown("*b* _i_ [l](http://x.io) 1-2.")).toEqual({
      text: "b i l 1-2.",
      entities: [
        { type: "bold", offset: 0, length: 1 },
        { type: "italic", offset: 2, length: 1 },
        { type: "text_link", offset: 4, length: 1, url: "http://x.io" },
      ],
    });
    expect(() => parseLegacyMarkdown("snake_case")).toThrow(
      "Can't find end of the entity starting at byte offset 5",
    );
  });
});
