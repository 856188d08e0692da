import type { SandboxMessage } from "@switchboard/telegram-sandbox/client";
import { describe, expect, it } from "vitest";
import { currentReplyKeyboard, mediaOf, toBubble } from "./sandbox-messages";

const from = { id: 1, is_bot: true, first_name: "Bot" };
const msg = (over: Partial<SandboxMessage>): SandboxMessage => ({
  message_id: 1,
  chat_id: 100,
  from_bot: true,
  from,
  date: 1_700_000_000,
  edited: false,
  ...over,
});

describe("toBubble", () => {
  it("marks url, login_url and callback buttons", () => {
    const bubble = toBubble(
      msg({
        text: "Choose",
        reply_markup: {
          inline_keyboard: [
            [
              { text: "Pay", callback_data: "s:pay" },
              { text: "Site", url: "https://x.y" },
            ],
            [{ text: "Log in", login_url: { url: "https://a.b/api/telegram-login?t=x" } }],
          ],
        },
      }),
    );
    expect(bubble.inline).toEqual([
      [
        { label: "Pay", data: "s:pay" },
        { label: "Site", url: "https://x.y" },
      ],
      [{ label: "Log in", login: { row: 1, column: 0 } }],
    ]);
    expect(bubble).toMatchObject({ from: "bot", text: "Choose", meta: "#1", time: 1_700_000_000_000 });
  });

  it("shows a file's kind and name with its caption as the text", () => {
    const bubble = toBubble(
      msg({
        caption: "Our menu",
        document: { file_id: "f", file_unique_id: "u", file_name: "menu.pdf" },
        media: {
          kind: "document",
          source: "upload",
          file_id: "f",
          file_unique_id: "u",
          file_name: "menu.pdf",
        },
      }),
    );
    expect(bubble.media).toBe("📎 Document · menu.pdf");
    expect(bubble.text).toBe("Our menu");
  });

  it("shows the user's shared phone", () => {
    const bubble = toBubble(
      msg({ from_bot: false, contact: { phone_number: "+15550100100", first_name: "U" } }),
    );
    expect(bubble).toMatchObject({ from: "user", text: "📱 +15550100100" });
    expect(bubble.media).toBeUndefined();
  });
});

describe("mediaOf", () => {
  it("reads the media summary, else the file fields", () => {
    expect(mediaOf(msg({ photo: [{ file_id: "p", file_unique_id: "u", width: 1, height: 1 }] }))).toBe(
      "🖼 Photo",
    );
    expect(mediaOf(msg({ text: "hi" }))).toBeUndefined();
  });
});

describe("currentReplyKeyboard", () => {
  const keyboard = msg({
    message_id: 2,
    text: "Your phone?",
    reply_markup: {
      keyboard: [[{ text: "📱 Share my phone number", request_contact: true }, "Skip"]],
      one_time_keyboard: true,
    },
  });

  it("shows the last keyboard, request_contact buttons marked", () => {
    expect(currentReplyKeyboard([keyboard])).toEqual([
      [{ label: "📱 Share my phone number", requestContact: true }, { label: "Skip" }],
    ]);
  });

  it("hides a one-time keyboard once the user answered, and a removed one", () => {
    expect(
      currentReplyKeyboard([keyboard, msg({ message_id: 3, from_bot: false, text: "Skip" })]),
    ).toBeNull();
    expect(
      currentReplyKeyboard([keyboard, msg({ message_id: 3, reply_markup: { remove_keyboard: true } })]),
    ).toBeNull();
    expect(currentReplyKeyboard([])).toBeNull();
  });
});
