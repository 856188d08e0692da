import { describe, expect, it } from "vitest";
import { applyCanned, cannedKeyAction, findCannedToken, matchingCanned, moveHighlight } from "./canned-token";

describe("findCannedToken", () => {
  it("finds a shortcut at the start of the text", () => {
    expect(findCannedToken(":hel", 4)).toEqual({ start: 0, end: 4, query: "hel" });
  });

  it("finds a shortcut after a space or a new line, lowercased", () => {
    expect(findCannedToken("Hi there :Thx", 13)).toEqual({ start: 9, end: 13, query: "thx" });
    expect(findCannedToken("Hi\n:thx", 7)).toEqual({ start: 3, end: 7, query: "thx" });
  });

  it("looks only before the caret", () => {
    expect(findCannedToken(":thanks and more", 4)).toEqual({ start: 0, end: 4, query: "tha" });
    expect(findCannedToken(":thanks and more", 16)).toBeNull();
  });

  it("accepts letters of any script, digits, _ and -", () => {
    expect(findCannedToken(":привет_2-a", 11)?.query).toBe("привет_2-a");
  });

  it("ignores a lone colon, times, URLs and emoji-like text", () => {
    expect(findCannedToken(":", 1)).toBeNull();
    expect(findCannedToken("at 10:30", 8)).toBeNull();
    expect(findCannedToken("see https://x", 13)).toBeNull();
    expect(findCannedToken("Note: ok", 8)).toBeNull();
    expect(findCannedToken(": hello", 7)).toBeNull();
  });

  it("ignores shortcuts longer than the server allows", () => {
    const long = `:${"a".repeat(33)}`;
    expect(findCannedToken(long, long.length)).toBeNull();
    expect(findCannedToken(long.slice(0, 33), 33)?.query).toHaveLength(32);
  });

  it("is null for a caret outside the text", () => {
    expect(findCannedToken(":ab", 9)).toBeNull();
    expect(findCannedToken(":ab", 0)).toBeNull();
  });
});

describe("applyCanned", () => {
  it("replaces the token and puts the caret after the inserted text", () => {
    const token = findCannedToken("Hello :th and bye", 9)!;
    expect(applyCanned("Hello :th and bye", token, "Thank you!")).toEqual({
      text: "Hello Thank you! and bye",
      caret: 16,
    });
  });

  it("works at the start of the box", () => {
    expect(applyCanned(":x", { start: 0, end: 2 }, "Hi")).toEqual({ text: "Hi", caret: 2 });
  });
});

describe("moveHighlight", () => {
  it("wraps around both ways", () => {
    expect(moveHighlight(0, -1, 3)).toBe(2);
    expect(moveHighlight(2, 1, 3)).toBe(0);
    expect(moveHighlight(1, 1, 3)).toBe(2);
  });
  it("is 0 without suggestions", () => {
    expect(moveHighlight(4, 1, 0)).toBe(0);
  });
});

describe("matchingCanned", () => {
  const replies = [{ shortcut: "hello" }, { shortcut: "help" }, { shortcut: "hours" }];

  it("keeps the replies whose shortcut starts with the query", () => {
    expect(matchingCanned(replies, "hel")).toEqual([{ shortcut: "hello" }, { shortcut: "help" }]);
    expect(matchingCanned(replies, "ho")).toEqual([{ shortcut: "hours" }]);
  });

  it("drops an earlier, shorter query's answers that no longer fit", () => {
    // The list for ":h" is still on screen while ":hx" loads: nothing of it fits.
    expect(matchingCanned(replies, "hx")).toEqual([]);
  });
});

describe("cannedKeyAction", () => {
  const ready = { loading: false, count: 2 };

  it("inserts with Enter or Tab, moves with the arrows, closes with Esc", () => {
    expect(cannedKeyAction("Enter", false, ready)).toBe("insert");
    expect(cannedKeyAction("Tab", false, ready)).toBe("insert");
    expect(cannedKeyAction("ArrowDown", false, ready)).toBe("down");
    expect(cannedKeyAction("ArrowUp", false, ready)).toBe("up");
    expect(cannedKeyAction("Escape", false, ready)).toBe("dismiss");
  });

  it("leaves Shift+Enter and other keys to the reply box", () => {
    expect(cannedKeyAction("Enter", true, ready)).toBeNull();
    expect(cannedKeyAction("a", false, ready)).toBeNull();
  });

  it("waits on Enter and Tab while the replies load, so the bare :token is never sent", () => {
    const loading = { loading: true, count: 0 };
    expect(cannedKeyAction("Enter", false, loading)).toBe("wait");
    expect(cannedKeyAction("Tab", false, loading)).toBe("wait");
    expect(cannedKeyAction("Enter", true, loading)).toBeNull();
    expect(cannedKeyAction("ArrowDown", false, loading)).toBeNull();
    expect(cannedKeyAction("Escape", false, loading)).toBe("dismiss");
  });

  it("lets Enter through when nothing matches (the text is sent as typed)", () => {
    expect(cannedKeyAction("Enter", false, { loading: false, count: 0 })).toBeNull();
  });
});
