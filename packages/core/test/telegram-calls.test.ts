import type { Keyboard, Media } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import { callText, type LoginLink, messageCalls, type OutboundCall } from "../src/outbox/telegram-calls";

const CHAT = 42;

const photo: Media = {
  fileId: "00000000-0000-4000-8000-000000000001",
  kind: "photo",
  name: "pic.jpg",
  size: 1000,
  mimeType: "image/jpeg",
};

const inline: Keyboard = {
  kind: "inline",
  rows: [
    [
      { label: "Yes", callbackData: "b:yes" },
      { label: "No", callbackData: "b:no" },
    ],
    [{ label: "Site", url: "https://example.com" }],
  ],
};
const inlineMarkup = {
  inline_keyboard: [
    [
      { text: "Yes", callback_data: "b:yes" },
      { text: "No", callback_data: "b:no" },
    ],
    [{ text: "Site", url: "https://example.com" }],
  ],
};

/** Words of `n` characters each ("aaaa bbbb …"), `count` of them. */
const words = (count: number, n = 9) =>
  Array.from({ length: count }, (_, i) => String.fromCharCode(97 + (i % 26)).repeat(n)).join(" ");

const markupOf = (calls: OutboundCall[]) => calls.map((c) => c.params.reply_markup);
const methods = (calls: OutboundCall[]) => calls.map((c) => c.method);

describe("messageCalls: text", () => {
  it("plain text is one sendMessage to the chat, without markup", () => {
    expect(messageCalls(CHAT, "Hello")).toEqual([
      { method: "sendMessage", params: { chat_id: CHAT, text: "Hello" } },
    ]);
  });

  it.each([
    ["empty", ""],
    ["spaces", "   "],
    ["newlines", "\n\n"],
  ])("blank text (%s) becomes '…' (Telegram refuses blank messages)", (_, text) => {
    expect(messageCalls(CHAT, text, { keyboard: inline })).toEqual([
      { method: "sendMessage", params: { chat_id: CHAT, text: "…", reply_markup: inlineMarkup } },
    ]);
  });

  it("text of exactly 4096 characters stays one message", () => {
    const text = "x".repeat(4096);
    expect(messageCalls(CHAT, text).map((c) => callText(c))).toEqual([text]);
  });

  it("text over 4096 is split into parts that together are the text; the keyboard is only on the last part", () => {
    const text = words(1000); // 9,999 characters
    const calls = messageCalls(CHAT, text, { keyboard: inline });
    expect(calls.length).toBe(3);
    expect(methods(calls)).toEqual(["sendMessage", "sendMessage", "sendMessage"]);
    for (const c of calls) expect(callText(c)!.length).toBeLessThanOrEqual(4096);
    expect(calls.map((c) => callText(c)).join("")).toBe(text);
    expect(markupOf(calls)).toEqual([undefined, undefined, inlineMarkup]);
    expect(calls.every((c) => c.params.chat_id === CHAT)).toBe(true);
  });
});

describe("messageCalls: keyboards", () => {
  it.each<[string, Keyboard, unknown]>([
    ["inline (callback and url buttons)", inline, inlineMarkup],
    [
      "reply, one button asking for the contact",
      {
        kind: "reply",
        rows: [[{ label: "📱 Share", requestContact: true }], [{ label: "Skip" }, { label: "Later" }]],
      },
      {
        keyboard: [[{ text: "📱 Share", request_contact: true }], [{ text: "Skip" }, { text: "Later" }]],
        resize_keyboard: true,
        one_time_keyboard: true,
      },
    ],
    ["remove", { kind: "remove" }, { remove_keyboard: true }],
  ])("%s", (_, keyboard, markup) => {
    expect(messageCalls(CHAT, "Pick", { keyboard })).toEqual([
      { method: "sendMessage", params: { chat_id: CHAT, text: "Pick", reply_markup: markup } },
    ]);
  });

  it("a reply button without requestContact has no request_contact key at all", () => {
    const [call] = messageCalls(CHAT, "Pick", { keyboard: { kind: "reply", rows: [[{ label: "A" }]] } });
    const button = (call!.params.reply_markup as { keyboard: object[][] }).keyboard[0]![0]!;
    expect(Object.keys(button)).toEqual(["text"]);
  });
});

describe("messageCalls: media", () => {
  it.each([
    ["photo", "sendPhoto"],
    ["video", "sendVideo"],
    ["audio", "sendAudio"],
    ["document", "sendDocument"],
  ] as const)("a %s with a short caption is one %s naming the stored file", (kind, method) => {
    const media: Media = { ...photo, kind, name: `f.${kind}`, mimeType: "application/x-test" };
    expect(messageCalls(CHAT, "Look", { media, keyboard: inline })).toEqual([
      {
        method,
        params: { chat_id: CHAT, caption: "Look", reply_markup: inlineMarkup },
        media: { fileId: media.fileId, kind, name: `f.${kind}`, mimeType: "application/x-test" },
      },
    ]);
  });

  it("the media reference carries no size (only what sending needs)", () => {
    const [call] = messageCalls(CHAT, "x", { media: photo });
    expect(call).toMatchObject({ media: { fileId: photo.fileId } });
    expect(Object.keys((call as { media: object }).media).sort()).toEqual([
      "fileId",
      "kind",
      "mimeType",
      "name",
    ]);
  });

  it("a 1,500-character text: a caption of at most 1,024, the rest as a message with the keyboard", () => {
    const text = words(150); // 1,499 characters
    const calls = messageCalls(CHAT, text, { media: photo, keyboard: inline });
    expect(methods(calls)).toEqual(["sendPhoto", "sendMessage"]);
    const caption = callText(calls[0]!)!;
    expect(caption.length).toBeGreaterThan(500);
    expect(caption.length).toBeLessThanOrEqual(1024);
    expect(text.startsWith(caption)).toBe(true);
    // Nothing is lost: the message is the rest, without the whitespace at the cut.
    expect(callText(calls[1]!)).toBe(text.slice(caption.length).trimStart());
    expect(markupOf(calls)).toEqual([undefined, inlineMarkup]);
  });

  it("a text of 1,024 characters is all caption", () => {
    const text = "y".repeat(1024);
    const calls = messageCalls(CHAT, text, { media: photo });
    expect(calls).toHaveLength(1);
    expect(callText(calls[0]!)).toBe(text);
  });

  it("media with a very long text: caption, then parts of at most 4096, the keyboard on the last", () => {
    const text = words(600); // 5,999 characters
    const calls = messageCalls(CHAT, text, { media: photo, keyboard: inline });
    expect(methods(calls)).toEqual(["sendPhoto", "sendMessage", "sendMessage"]);
    expect(callText(calls[0]!)!.length).toBeLessThanOrEqual(1024);
    for (const c of calls.slice(1)) expect(callText(c)!.length).toBeLessThanOrEqual(4096);
    expect(markupOf(calls)).toEqual([undefined, undefined, inlineMarkup]);
  });

  it.each(["", "  ", "\n"])(
    "media with blank text %j: no caption, no extra message, the keyboard on the media",
    (text) => {
      const calls = messageCalls(CHAT, text, { media: photo, keyboard: inline });
      expect(calls).toHaveLength(1);
      expect(calls[0]!.method).toBe("sendPhoto");
      expect("caption" in calls[0]!.params).toBe(false);
      expect(calls[0]!.params.reply_markup).toEqual(inlineMarkup);
      expect(callText(calls[0]!)).toBeNull();
    },
  );
});

describe("messageCalls: formatting entities", () => {
  /** The substrings each entity of a call covers. */
  const covered = (call: OutboundCall) => {
    const text = callText(call) ?? "";
    const list = call.method === "sendMessage" ? call.params.entities : call.params.caption_entities;
    return (list ?? []).map((e) => [e.type, text.slice(e.offset, e.offset + e.length)]);
  };

  it("sends the entities with the text, never a parse_mode", () => {
    const [call] = messageCalls(CHAT, "Hi <b>", { entities: [{ type: "bold", offset: 3, length: 3 }] });
    expect(call).toEqual({
      method: "sendMessage",
      params: { chat_id: CHAT, text: "Hi <b>", entities: [{ type: "bold", offset: 3, length: 3 }] },
    });
  });

  it("a long text split in two: each part's entities start at its own offset 0", () => {
    const text = `${"😀".repeat(2000)} ${"x".repeat(200)}`; // 4201 code units
    const calls = messageCalls(CHAT, text, { entities: [{ type: "italic", offset: 3990, length: 211 }] });
    expect(calls).toHaveLength(2);
    expect(covered(calls[0]!)).toEqual([["italic", `${"😀".repeat(5)} `]]);
    expect(covered(calls[1]!)).toEqual([["italic", "x".repeat(200)]]);
  });

  it("media: the caption carries caption_entities, the rest its own entities after the trimmed cut", () => {
    const text = `${words(110)} ${"z".repeat(20)}`;
    const start = text.length - 20;
    const calls = messageCalls(CHAT, text, {
      media: photo,
      entities: [
        { type: "bold", offset: 0, length: 9 },
        { type: "code", offset: start, length: 20 },
      ],
    });
    expect(methods(calls)).toEqual(["sendPhoto", "sendMessage"]);
    expect(covered(calls[0]!)).toEqual([["bold", "aaaaaaaaa"]]);
    expect(covered(calls[1]!)).toEqual([["code", "z".repeat(20)]]);
  });

  it("a blank text's '…' has no entities", () => {
    expect(
      messageCalls(CHAT, " ", { entities: [{ type: "bold", offset: 0, length: 1 }] })[0]!.params,
    ).toEqual({
      chat_id: CHAT,
      text: "…",
    });
  });
});

describe("messageCalls: Login buttons", () => {
  const loginKeyboard = (withHelp: boolean): Keyboard => ({
    kind: "inline",
    rows: withHelp
      ? [[{ label: "🔐 Log in", loginId: "login:1" }], [{ label: "Help", callbackData: "b:help" }]]
      : [[{ label: "🔐 Log in", loginId: "login:1" }]],
  });
  const logins = (link: LoginLink) => new Map([["login:1", link]]);
  const url = "https://admin.example.test/telegram-login/tok";

  it.each<[LoginLink["mode"], unknown]>([
    ["login_url", { inline_keyboard: [[{ text: "🔐 Log in", login_url: { url } }]] }],
    ["url", { inline_keyboard: [[{ text: "🔐 Log in", url }]] }],
  ])("mode %s: the button", (mode, markup) => {
    expect(
      messageCalls(CHAT, "Please log in", { keyboard: loginKeyboard(false), logins: logins({ url, mode }) }),
    ).toEqual([
      { method: "sendMessage", params: { chat_id: CHAT, text: "Please log in", reply_markup: markup } },
    ]);
  });

  it("mode text: the button is removed, 'label: url' is appended to the text, and an empty keyboard is left out", () => {
    const local = "http://localhost:3000/telegram-login/tok";
    expect(
      messageCalls(CHAT, "Please log in", {
        keyboard: loginKeyboard(false),
        logins: logins({ url: local, mode: "text" }),
      }),
    ).toEqual([
      { method: "sendMessage", params: { chat_id: CHAT, text: `Please log in\n\n🔐 Log in: ${local}` } },
    ]);
  });

  it("mode text keeps the keyboard's other buttons (and drops the emptied row)", () => {
    const local = "http://localhost:3000/telegram-login/tok";
    const [call] = messageCalls(CHAT, "Please log in", {
      keyboard: loginKeyboard(true),
      logins: logins({ url: local, mode: "text" }),
    });
    expect(call!.params).toEqual({
      chat_id: CHAT,
      text: `Please log in\n\n🔐 Log in: ${local}`,
      reply_markup: { inline_keyboard: [[{ text: "Help", callback_data: "b:help" }]] },
    });
  });

  it("mode text with a blank text: only the link line", () => {
    const local = "http://localhost/telegram-login/tok";
    const [call] = messageCalls(CHAT, "", {
      keyboard: loginKeyboard(false),
      logins: logins({ url: local, mode: "text" }),
    });
    expect(callText(call!)).toBe(`🔐 Log in: ${local}`);
  });

  it("mode text with media: the link is part of the caption", () => {
    const local = "http://localhost/telegram-login/tok";
    const calls = messageCalls(CHAT, "Log in", {
      media: photo,
      keyboard: loginKeyboard(false),
      logins: logins({ url: local, mode: "text" }),
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.params).toEqual({ chat_id: CHAT, caption: `Log in\n\n🔐 Log in: ${local}` });
  });

  it("a Login button without a minted link is left out", () => {
    const [call] = messageCalls(CHAT, "Please log in", { keyboard: loginKeyboard(false) });
    expect(call!.params).toEqual({ chat_id: CHAT, text: "Please log in" });
  });
});

describe("callText", () => {
  it.each<[string, OutboundCall, string | null]>([
    ["a message: its text", { method: "sendMessage", params: { chat_id: 1, text: "hi" } }, "hi"],
    [
      "media: its caption",
      {
        method: "sendVideo",
        params: { chat_id: 1, caption: "cap" },
        media: { fileId: "f", kind: "video", name: "v.mp4", mimeType: "video/mp4" },
      },
      "cap",
    ],
    [
      "media without caption: null",
      {
        method: "sendDocument",
        params: { chat_id: 1 },
        media: { fileId: "f", kind: "document", name: "d.pdf", mimeType: "application/pdf" },
      },
      null,
    ],
  ])("%s", (_, call, expected) => {
    expect(callText(call)).toBe(expected);
  });
});
