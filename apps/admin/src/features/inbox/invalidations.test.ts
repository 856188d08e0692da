import { describe, expect, it } from "vitest";
import { type FeedEvent, invalidationsFor, mergeInvalidations } from "./invalidations";

const event = (type: string, extra: Partial<FeedEvent> = {}): FeedEvent => ({
  type,
  conversationId: "c1",
  botId: "b1",
  payload: {},
  ...extra,
});

describe("invalidationsFor", () => {
  it("a message refreshes the lists, the tabs and that conversation", () => {
    expect(invalidationsFor(event("message", { payload: { direction: "in" } }))).toEqual([
      { target: "list" },
      { target: "counts" },
      { target: "conversation", id: "c1" },
    ]);
  });

  it("a conversation change also refreshes the assign menu's open chats", () => {
    expect(invalidationsFor(event("conversation"))).toEqual([
      { target: "list" },
      { target: "counts" },
      { target: "conversation", id: "c1" },
      { target: "operators" },
    ]);
  });

  it("a queue change refreshes the lists and the tabs (it names no conversation)", () => {
    expect(invalidationsFor(event("queue", { conversationId: null }))).toEqual([
      { target: "list" },
      { target: "counts" },
      { target: "operators" },
    ]);
  });

  it("a note refreshes only its conversation's timeline", () => {
    expect(invalidationsFor(event("note"))).toEqual([{ target: "conversation", id: "c1" }]);
    expect(invalidationsFor(event("note", { conversationId: null }))).toEqual([]);
  });

  it("presence refreshes the operators menu and the presence list only", () => {
    expect(invalidationsFor(event("presence", { conversationId: null, botId: null }))).toEqual([
      { target: "operators" },
      { target: "presence" },
    ]);
  });

  it("an unknown event refreshes the lists to be safe", () => {
    expect(invalidationsFor(event("something-new", { conversationId: null }))).toEqual([
      { target: "list" },
      { target: "counts" },
    ]);
  });
});

describe("mergeInvalidations", () => {
  it("keeps each query once, in first-seen order", () => {
    const merged = mergeInvalidations([
      invalidationsFor(event("message")),
      invalidationsFor(event("message", { conversationId: "c2" })),
      invalidationsFor(event("presence")),
      invalidationsFor(event("message")),
    ]);
    expect(merged).toEqual([
      { target: "list" },
      { target: "counts" },
      { target: "conversation", id: "c1" },
      { target: "conversation", id: "c2" },
      { target: "operators" },
      { target: "presence" },
    ]);
  });
});
