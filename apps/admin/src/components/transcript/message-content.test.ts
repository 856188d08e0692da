import { describe, expect, it } from "vitest";
import { authorOf, buttonRows, describeInbound, markupOf, mediaLabel } from "./message-content";

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
