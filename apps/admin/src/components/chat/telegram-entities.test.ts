import { describe, expect, it } from "vitest";
import { entityRuns } from "./telegram-entities";

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
