import { describe, expect, it } from "vitest";
import { messageBubbles } from "./test-chat-actions";

let seq = 0;
const newId = () => `m${++seq}`;

describe("test chat: formatted messages", () => {
  it("a bubble carries the message's entities", () => {
    const [bubble] = messageBubbles(
      {
        type: "send_message",
        text: "Hi <b>",
        entities: [{ type: "bold", offset: 3, length: 3 }],
        stepId: "a",
      },
      newId,
      0,
    );
    expect(bubble).toMatchObject({ text: "Hi <b>", entities: [{ type: "bold", offset: 3, length: 3 }] });
  });

  it("with media: the caption keeps its entities and the rest follows with its own offsets", () => {
    const text = `${"a".repeat(1000)} ${"b".repeat(100)}`;
    const bubbles = messageBubbles(
      {
        type: "send_message",
        text,
        entities: [
          { type: "italic", offset: 0, length: 3 },
          { type: "bold", offset: 1001, length: 100 },
        ],
        media: {
          fileId: "00000000-0000-4000-8000-000000000001",
          kind: "photo",
          name: "p.jpg",
          size: 1,
          mimeType: "image/jpeg",
        },
        stepId: "a",
      },
      newId,
      0,
    );
    expect(bubbles.map((b) => [b.media, b.text.length, b.entities])).toEqual([
      ["🖼 Photo · p.jpg", 1001, [{ type: "italic", offset: 0, length: 3 }]],
      [undefined, 100, [{ type: "bold", offset: 0, length: 100 }]],
    ]);
  });
});
