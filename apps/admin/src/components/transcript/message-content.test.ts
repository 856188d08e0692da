import { describe, expect, it } from "vitest";
import { entityRuns } from "@/components/chat/telegram-entities";
import { authorOf, buttonRows, describeInbound, entitiesOf, markupOf, mediaLabel } from "./message-content";

describe("markupOf", () => {
  it("reads the reply_markup of a stored call, as an object or as JSON", () => {
    const markup = { inline_keyboard: [[{ text: "A", callback_data: "s:a" }]] };
    expect(markupOf({ method: "sendMessage", params: { reply_markup: markup } })).toEqual(markup);
    expect(markupOf({ params: { reply_markup: JSON.stringify(markup) } })).toEqual(markup);
  });

  it("is null for anything else", () => {
    expect(markupOf(null)).toBeNull();
    expect(markupOf({ params: { reply_markup: "{not json" } })).toBeNull();
    expect(markupOf({ params: {} })).toBeNull();
    expect(markupOf("text")).toBeNull();
  });
});

describe("buttonRows", () => {
  it("labels inline buttons, marking links and login buttons", () => {
    const markup = {
      inline_keyboard: [
        [
          { text: "Pay", callback_data: "s:pay" },
          { text: "Site", url: "https://x.y" },
        ],
        [{ text: "Log in", login_url: { url: "https://a.b/api/telegram-login?t=x" } }],
      ],
    };
    expect(buttonRows(markup, "inline_keyboard")).toEqual([
      [{ text: "Pay" }, { text: "Site", link: true }],
      [{ text: "Log in", link: true }],
    ]);
  });

  it("labels reply keyboards, strings and contact requests included", () => {
    const markup = { keyboard: [["Yes", { text: "📱 Share", request_contact: true }], [42]] };
    expect(buttonRows(markup, "keyboard")).toEqual([
      [{ text: "Yes" }, { text: "📱 Share", requestContact: true }],
      [{ text: "?" }],
    ]);
    expect(buttonRows(markup, "inline_keyboard")).toEqual([]);
    expect(buttonRows(null, "keyboard")).toEqual([]);
  });
});

describe("describeInbound", () => {
  it("names the pressed button by its label", () => {
    const payload = {
      callback_query: {
        data: "menu:b1",
        message: { reply_markup: { inline_keyboard: [[{ text: "Prices", callback_data: "menu:b1" }]] } },
      },
    };
    expect(describeInbound({ payload, text: null })).toEqual({ kind: "press", text: "Prices" });
    expect(describeInbound({ payload: { callback_query: { data: "x:y" } }, text: null })).toEqual({
      kind: "press",
      text: "x:y",
    });
  });

  it("shows a shared phone", () => {
    const payload = { message: { contact: { phone_number: "+15550100100" } } };
    expect(describeInbound({ payload, text: null })).toEqual({ kind: "contact", text: "+15550100100" });
  });

  it("shows the kind, file name and caption of a file the user sent", () => {
    const payload = { message: { document: { file_id: "f", file_name: "cv.pdf" }, caption: "My CV" } };
    expect(describeInbound({ payload, text: "My CV" })).toEqual({
      kind: "media",
      media: "document",
      name: "cv.pdf",
      caption: "My CV",
    });
    const photo = { message: { photo: [{ file_id: "p" }] } };
    expect(describeInbound({ payload: photo, text: null })).toEqual({
      kind: "media",
      media: "photo",
      name: null,
      caption: null,
    });
  });

  it("falls back to the text, then to a placeholder", () => {
    expect(describeInbound({ payload: { message: { text: "hi" } }, text: "hi" })).toEqual({
      kind: "text",
      text: "hi",
    });
    expect(describeInbound({ payload: {}, text: null }).kind).toBe("other");
  });
});

describe("authorOf", () => {
  it("tells the user, the flow and an operator apart", () => {
    expect(authorOf({ direction: "in", senderUserId: null, senderName: null })).toEqual({ kind: "user" });
    expect(authorOf({ direction: "out", senderUserId: null, senderName: null })).toEqual({ kind: "bot" });
    expect(authorOf({ direction: "out", senderUserId: "u1", senderName: "Ann" })).toEqual({
      kind: "operator",
      name: "Ann",
    });
    expect(authorOf({ direction: "out", senderUserId: "u1", senderName: null })).toEqual({
      kind: "operator",
      name: "A former member",
    });
  });
});

describe("mediaLabel", () => {
  it("names the kind and the file", () => {
    expect(mediaLabel("photo", "menu.jpg")).toBe("🖼 Photo · menu.jpg");
    expect(mediaLabel("voice")).toBe("🎤 Voice message");
  });
});

describe("entitiesOf: a transcript message's formatting, from its stored payload", () => {
  /** A stored outbound call, as core's messageCalls writes it. */
  const sent = (text: string, entities: unknown[]) => ({
    method: "sendMessage",
    params: { chat_id: 1, text, entities },
  });
  /** The runs TelegramText renders for a message. */
  const runs = (payload: unknown, text: string) => entityRuns(text, entitiesOf(payload, text));

  it("bold and italic", () => {
    const text = "Hi Ann, welcome";
    const payload = sent(text, [
      { type: "bold", offset: 0, length: 6 },
      { type: "italic", offset: 8, length: 7 },
    ]);
    expect(runs(payload, text)).toEqual([
      { text: "Hi Ann", styles: ["bold"] },
      { text: ", ", styles: [] },
      { text: "welcome", styles: ["italic"] },
    ]);
  });

  it("a link, and formats nested in it", () => {
    const text = "see our site";
    const payload = sent(text, [
      { type: "text_link", offset: 4, length: 8, url: "https://example.com/docs" },
      { type: "bold", offset: 8, length: 4 },
    ]);
    expect(runs(payload, text)).toEqual([
      { text: "see ", styles: [] },
      { text: "our ", styles: [], url: "https://example.com/docs" },
      { text: "site", styles: ["bold"], url: "https://example.com/docs" },
    ]);
  });

  it("nested formats in UTF-16 offsets (an emoji counts two)", () => {
    const text = "🎁 big gift";
    const payload = sent(text, [
      { type: "bold", offset: 3, length: 8 },
      { type: "italic", offset: 7, length: 4 },
      { type: "spoiler", offset: 0, length: 2 },
    ]);
    expect(runs(payload, text)).toEqual([
      { text: "🎁", styles: ["spoiler"] },
      { text: " ", styles: [] },
      { text: "big ", styles: ["bold"] },
      { text: "gift", styles: ["bold", "italic"] },
    ]);
  });

  it("a caption's entities, and an incoming message's own", () => {
    const photo = {
      method: "sendPhoto",
      params: { caption: "Menu", caption_entities: [{ type: "bold", offset: 0, length: 4 }] },
    };
    expect(entitiesOf(photo, "Menu")).toEqual([{ type: "bold", offset: 0, length: 4 }]);
    const update = {
      update_id: 1,
      message: { text: "hey you", entities: [{ type: "italic", offset: 4, length: 3 }] },
    };
    expect(entitiesOf(update, "hey you")).toEqual([{ type: "italic", offset: 4, length: 3 }]);
  });

  it("markup-looking text stays text; a hostile link address is no link", () => {
    const text = "<script>alert(1)</script> <b>x</b> click";
    const payload = sent(text, [
      { type: "bold", offset: 0, length: 25 },
      { type: "text_link", offset: 35, length: 5, url: "javascript:alert(1)" },
    ]);
    expect(runs(payload, text)).toEqual([
      { text: "<script>alert(1)</script>", styles: ["bold"] },
      { text: " <b>x</b> ", styles: [] },
      { text: "click", styles: [] },
    ]);
    // TelegramText gives each run's text to React as a string child: escaped, never parsed.
  });

  it("leaves entity types it can't show (mentions, custom emoji…) plain, and drops malformed ones", () => {
    const text = "@ann #tag ok";
    const payload = sent(text, [
      { type: "mention", offset: 0, length: 4 },
      { type: "hashtag", offset: 5, length: 4 },
      { type: "custom_emoji", offset: 10, length: 2, custom_emoji_id: "1" },
      { type: "bold", offset: "0", length: 2 },
      "bold",
      null,
    ]);
    expect(entitiesOf(payload, text)).toHaveLength(3);
    expect(runs(payload, text).every((r) => r.styles.length === 0 && !r.url)).toBe(true);
    expect(
      runs(payload, text)
        .map((r) => r.text)
        .join(""),
    ).toBe(text);
  });

  it("has no formatting when the shown text isn't the payload's (offsets would cut another text)", () => {
    const payload = sent("Hello there", [{ type: "bold", offset: 0, length: 5 }]);
    expect(entitiesOf(payload, "Hello")).toEqual([]);
    expect(entitiesOf(payload, null)).toEqual([]);
    expect(entitiesOf(null, "Hello there")).toEqual([]);
    expect(entitiesOf({ params: { text: "x", entities: "bold" } }, "x")).toEqual([]);
  });
});
