import { describe, expect, it } from "vitest";
import { offsetAfter } from "../src/receive-updates";
import {
  isStorable,
  jsonTextIsStorable,
  originalJsonOf,
  sanitizeJson,
  sanitizeString,
} from "../src/telegram/sanitize";
import { updateShapeProblem } from "../src/telegram/update-shape";

describe("sanitizeString", () => {
  it("replaces U+0000 and lone surrogates with U+FFFD, and nothing else", () => {
    expect(sanitizeString("a\u0000b")).toBe("a\uFFFDb");
    expect(sanitizeString("x\ud800")).toBe("x\uFFFD");
    expect(sanitizeString("\udc00x")).toBe("\uFFFDx");
    expect(sanitizeString("\udc00\ud800")).toBe("\uFFFD\uFFFD");
    // Whole pairs (emoji), RTL marks and other control characters are fine for Postgres.
    const fine = "😀 \u200f\u202e שלום \u0001\t";
    expect(sanitizeString(fine)).toBe(fine);
    expect(isStorable(fine)).toBe(true);
    expect(isStorable("\ud83d")).toBe(false);
    expect(isStorable("\u0000")).toBe(false);
  });
});

describe("sanitizeJson", () => {
  it("cleans every string, keys included, and says whether it changed anything", () => {
    const input = { "k\u0000": ["\ud800", 1, null, { deep: "ok" }], n: 2.5, b: true };
    expect(sanitizeJson(input)).toEqual({
      value: { "k\uFFFD": ["\uFFFD", 1, null, { deep: "ok" }], n: 2.5, b: true },
      changed: true,
    });
    expect(sanitizeJson({ a: "fine" })).toEqual({ value: { a: "fine" }, changed: false });
  });

  it("keeps a __proto__ key a key", () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": "\\u0000"}}');
    const { value } = sanitizeJson(parsed);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(["__proto__"]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe("originalJsonOf", () => {
  it("is storable text that parses back to the very update", () => {
    const update = { update_id: 1, message: { text: "a\u0000\ud800\udc00\udfff" } };
    const text = originalJsonOf(update);
    expect(isStorable(text)).toBe(true);
    expect(JSON.parse(text)).toEqual(update);
  });
});

describe("updateShapeProblem", () => {
  const message = {
    message_id: 1,
    chat: { id: 5, type: "private" },
    from: { id: 5, first_name: "A" },
    text: "hi",
  };
  it("accepts what Telegram sends, and unknown kinds of update", () => {
    expect(updateShapeProblem({ update_id: 1, message })).toBeNull();
    expect(updateShapeProblem({ update_id: 2, poll_answer: { whatever: [1] } })).toBeNull();
  });
  it("names the first field the runtime can't read", () => {
    expect(updateShapeProblem(null)).toBe("the update is not a JSON object");
    expect(updateShapeProblem({ update_id: "1" })).toBe("update_id is not an integer");
    expect(updateShapeProblem({ update_id: 1, message: { ...message, text: 42 } })).toBe(
      "message.text is not a string",
    );
    expect(
      updateShapeProblem({ update_id: 1, message: { ...message, chat: { id: 1.5, type: "private" } } }),
    ).toBe("message.chat.id is not an integer");
    expect(updateShapeProblem({ update_id: 1, message: { ...message, photo: [null] } })).toBe(
      "message.photo[0] is not an object",
    );
    expect(updateShapeProblem({ update_id: 1, callback_query: { id: "q", from: { id: 1 } } })).toBe(
      "callback_query.from.first_name is not a string",
    );
    expect(
      updateShapeProblem({
        update_id: 1,
        my_chat_member: { chat: { id: 1 }, from: { id: 1, first_name: "A" } },
      }),
    ).toBe("my_chat_member.new_chat_member.status is not a string");
  });
});

describe("offsetAfter", () => {
  it("moves past the highest usable update_id, whatever the others hold", () => {
    expect(offsetAfter([{ update_id: 5 }, { update_id: 3 }, { update_id: "x" }, null], 0)).toBe(6);
    expect(offsetAfter([{}], 10)).toBe(10);
  });
});

describe("jsonTextIsStorable (the fast path: most updates need no copy)", () => {
  const text = (value: unknown) => JSON.stringify(value);

  it("passes a JSON text that can hold no U+0000 or lone surrogate, and flags every one that can", () => {
    expect(jsonTextIsStorable(text({ text: "plain 😀 שלום \u0001 \\ backslash", [`k${"\u200f"}`]: 1 }))).toBe(
      true,
    );
    for (const bad of ["a\u0000b", "x\ud800", "\udc00x", "\udbff"])
      expect([bad, jsonTextIsStorable(text({ text: bad }))]).toEqual([bad, false]);
    // In a key too, and in a raw body that escapes what it could have sent as it is.
    expect(jsonTextIsStorable(text({ "\u0000": 1 }))).toBe(false);
    expect(jsonTextIsStorable('{"text":"\\uD83D\\uDE00"}')).toBe(false);
  });

  it("agrees with sanitizeJson: whatever it passes, sanitizeJson would leave unchanged", () => {
    const samples = [
      "",
      "a",
      "\u0000",
      "\ud800",
      "\udfff",
      "😀",
      "\\u0000",
      "\\\\ud800",
      "é\u0000é",
      "\ud83d\ude00\ud83d",
    ];
    for (const a of samples)
      for (const b of samples) {
        const value = { message: { text: a + b, entities: [{ type: b }] }, [a]: b };
        if (jsonTextIsStorable(text(value))) expect(sanitizeJson(value).changed).toBe(false);
      }
  });
});
