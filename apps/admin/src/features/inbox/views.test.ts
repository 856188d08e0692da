import { describe, expect, it } from "vitest";
import { isView, shortCount, viewTabs } from "./views";

describe("viewTabs", () => {
  it("lists the four views with their keys and counts", () => {
    const tabs = viewTabs({ waiting: 2, mine: 3, all: 40, closed: 30, unreadMine: 1 });
    expect(tabs.map((t) => [t.view, t.key, t.count])).toEqual([
      ["waiting", "1", 2],
      ["mine", "2", 3],
      ["all", "3", 40],
      ["closed", "4", 30],
    ]);
  });

  it("asks for attention when people wait or the caller's chats have unread messages", () => {
    const quiet = viewTabs({ waiting: 0, mine: 3, all: 3, closed: 0, unreadMine: 0 });
    expect(quiet.filter((t) => t.alert)).toEqual([]);
    const busy = viewTabs({ waiting: 1, mine: 3, all: 3, closed: 0, unreadMine: 2 });
    expect(busy.filter((t) => t.alert).map((t) => t.view)).toEqual(["waiting", "mine"]);
    expect(busy[1]?.unread).toBe(2);
  });

  it("has no numbers while the counts load", () => {
    expect(viewTabs(undefined).every((t) => t.count === null && !t.alert)).toBe(true);
  });
});

describe("isView / shortCount", () => {
  it("accepts only the four views", () => {
    expect(isView("mine")).toBe(true);
    expect(isView("bot")).toBe(false);
    expect(isView(undefined)).toBe(false);
  });
  it("caps big numbers", () => {
    expect(shortCount(null)).toBe("");
    expect(shortCount(99)).toBe("99");
    expect(shortCount(100)).toBe("99+");
  });
});
