import { describe, expect, it } from "vitest";
import { entityRuns, linkHref } from "./telegram-entities";

describe("entityRuns", () => {
  it("plain text is one run", () => {
    expect(entityRuns("hi", undefined)).toEqual([{ text: "hi", styles: [] }]);
    expect(entityRuns("", [])).toEqual([]);
  });

  it("cuts nested entities into runs at every boundary, in UTF-16 units", () => {
    // "😀 " is 3 code units; bold covers "ab c", italic "c".
    const runs = entityRuns("😀 ab cd", [
      { type: "bold", offset: 3, length: 4 },
      { type: "italic", offset: 6, length: 1 },
    ]);
    expect(runs).toEqual([
      { text: "😀 ", styles: [] },
      { text: "ab ", styles: ["bold"] },
      { text: "c", styles: ["bold", "italic"] },
      { text: "d", styles: [] },
    ]);
  });

  it("links carry their url; entities it can't show and broken ones stay plain", () => {
    expect(
      entityRuns("go #tag x", [
        { type: "text_link", offset: 0, length: 2, url: "https://a.io" },
        { type: "hashtag", offset: 3, length: 4 },
        { type: "bold", offset: 8, length: 5 },
      ]),
    ).toEqual([
      { text: "go", styles: [], url: "https://a.io" },
      { text: " #tag x", styles: [] },
    ]);
  });
});

describe("linkHref: only addresses that are safe to open become links", () => {
  it("keeps http(s), tg and mailto as written", () => {
    expect(linkHref("https://example.com/docs")).toBe("https://example.com/docs");
    expect(linkHref("HTTP://a.io")).toBe("HTTP://a.io");
    expect(linkHref("tg://resolve?domain=x")).toBe("tg://resolve?domain=x");
    expect(linkHref("mailto:a@b.io")).toBe("mailto:a@b.io");
  });

  it("opens a url entity without a scheme over http, a port being no scheme", () => {
    expect(linkHref("example.com/x")).toBe("http://example.com/x");
    expect(linkHref("example.com:8080/x")).toBe("http://example.com:8080/x");
  });

  it("refuses script and data addresses, however they are spelled", () => {
    for (const url of [
      "javascript:alert(1)",
      " JavaScript:alert(1)",
      "data:text/html,<b>",
      "vbscript:x",
      "java\tscript:alert(1)",
    ])
      expect(linkHref(url)).toBeUndefined();
    expect(linkHref("")).toBeUndefined();
    expect(linkHref(undefined)).toBeUndefined();
  });

  it("a url entity whose text is a script address stays text", () => {
    expect(entityRuns("javascript:alert(1)", [{ type: "url", offset: 0, length: 19 }])).toEqual([
      { text: "javascript:alert(1)", styles: [] },
    ]);
  });
});
