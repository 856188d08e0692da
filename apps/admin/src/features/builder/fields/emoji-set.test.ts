import { describe, expect, it } from "vitest";
import { EMOJI_GROUPS, searchEmoji } from "./emoji-set";

describe("emoji set", () => {
  it("has no emoji twice", () => {
    const all = EMOJI_GROUPS.flatMap((g) => g.items.map(([e]) => e));
    expect(new Set(all).size).toBe(all.length);
  });

  it("searches by words", () => {
    expect(searchEmoji("heart").flatMap((g) => g.items.map(([e]) => e))).toContain("❤️");
    expect(searchEmoji("gift").flatMap((g) => g.items.map(([e]) => e))).toEqual(["🎁"]);
    expect(searchEmoji("zzzz")).toEqual([]);
    expect(searchEmoji(" ")).toBe(EMOJI_GROUPS);
  });
});
