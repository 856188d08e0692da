import { describe, expect, it } from "vitest";
import {
  contactSubtitle,
  contactTitle,
  initialOf,
  previewOf,
  shortAgo,
  unreadLabel,
  waitedFor,
  waitIsLong,
} from "./list-format";

const now = new Date("2026-12-03T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;

describe("contactTitle / contactSubtitle / initialOf", () => {
  it("prefers the name, then the username, then the phone", () => {
    expect(contactTitle({ name: " Ann Lee ", username: "ann", phone: null })).toBe("Ann Lee");
    expect(contactTitle({ name: "", username: "ann", phone: "+49" })).toBe("@ann");
    expect(contactTitle({ name: " ", username: null, phone: "+4915112" })).toBe("+4915112");
    expect(contactTitle({ name: "", username: null, phone: null })).toBe("Unknown contact");
  });
  it("shows the username under a name only", () => {
    expect(contactSubtitle({ name: "Ann", username: "ann", phone: null })).toBe("@ann");
    expect(contactSubtitle({ name: "", username: "ann", phone: null })).toBeNull();
  });
  it("takes whole characters for the avatar", () => {
    expect(initialOf("@ann")).toBe("A");
    expect(initialOf("😀 Smile")).toBe("😀");
    expect(initialOf("")).toBe("?");
  });
});

describe("previewOf", () => {
  it("names the bot and operators, not the user", () => {
    expect(previewOf({ text: "hi", author: "in", hasMedia: false })).toEqual({
      author: null,
      media: false,
      text: "hi",
    });
    expect(previewOf({ text: "Menu", author: "out", hasMedia: false }).author).toBe("Bot:");
    expect(previewOf({ text: "On it", author: "operator", hasMedia: false }).author).toBe("Operator:");
  });
  it("marks media and names a file without a caption", () => {
    expect(previewOf({ text: null, author: "in", hasMedia: true })).toEqual({
      author: null,
      media: true,
      text: "Attachment",
    });
    expect(previewOf({ text: "menu.pdf", author: "operator", hasMedia: true }).text).toBe("menu.pdf");
  });
  it("flattens white space and cuts long texts without splitting emoji", () => {
    expect(previewOf({ text: "a\n\n  b", author: "in", hasMedia: false }).text).toBe("a b");
    const long = "😀".repeat(100);
    const text = previewOf({ text: long, author: "in", hasMedia: false }, 10).text;
    expect(Array.from(text)).toHaveLength(11);
    expect(text.endsWith("😀…")).toBe(true);
  });
  it("says so when there is nothing", () => {
    expect(previewOf(null).text).toBe("No messages yet");
    expect(previewOf({ text: "  ", author: "in", hasMedia: false }).text).toBe("(no text)");
  });
});

describe("shortAgo", () => {
  it("is short for the row's corner", () => {
    expect(shortAgo(ago(10_000), now)).toBe("now");
    expect(shortAgo(ago(5 * MIN), now)).toBe("5m");
    expect(shortAgo(ago(3 * 60 * MIN), now)).toBe("3h");
    expect(shortAgo(ago(2 * 24 * 60 * MIN), now)).toBe("2d");
    expect(shortAgo(null, now)).toBe("");
  });
  it("shows a date after a week, with the year when it differs", () => {
    expect(shortAgo(new Date(2026, 2, 4, 12), now)).toBe("Mar 4");
    expect(shortAgo(new Date(2025, 10, 30, 12), now)).toBe("Nov 30, 2025");
  });
  it("treats a clock slightly ahead as now", () => {
    expect(shortAgo(new Date(now.getTime() + 5_000), now)).toBe("now");
  });
});

describe("waitedFor / waitIsLong / unreadLabel", () => {
  it("reads as a duration", () => {
    expect(waitedFor(ago(20_000), now)).toBe("under a minute");
    expect(waitedFor(ago(4 * MIN), now)).toBe("4 min");
    expect(waitedFor(ago(65 * MIN), now)).toBe("1 h 5 min");
    expect(waitedFor(ago(120 * MIN), now)).toBe("2 h");
    expect(waitedFor(ago((48 + 3) * 60 * MIN), now)).toBe("2 d 3 h");
  });
  it("is long from five minutes", () => {
    expect(waitIsLong(ago(4 * MIN), now)).toBe(false);
    expect(waitIsLong(ago(5 * MIN), now)).toBe(true);
  });
  it("caps the unread bubble", () => {
    expect(unreadLabel(3)).toBe("3");
    expect(unreadLabel(12)).toBe("9+");
  });
});
