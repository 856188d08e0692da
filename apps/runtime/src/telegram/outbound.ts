import { type Keyboard, splitText, TELEGRAM_TEXT_LIMIT } from "@switchboard/flow";

export interface OutboundCall {
  method: "sendMessage";
  params: { chat_id: number; text: string; reply_markup?: unknown };
}

/** Telegram refuses blank messages; a template that renders to nothing still has to carry its keyboard. */
const BLANK_TEXT_FALLBACK = "…";

export function toReplyMarkup(k: Keyboard): unknown {
  switch (k.kind) {
    case "inline":
      return {
        inline_keyboard: k.rows.map((row) =>
          row.map((b) =>
            "url" in b ? { text: b.label, url: b.url } : { text: b.label, callback_data: b.callbackData },
          ),
        ),
      };
    case "reply":
      return {
        keyboard: k.rows.map((row) => row.map((text) => ({ text }))),
        resize_keyboard: true,
        one_time_keyboard: true,
      };
    case "remove":
      return { remove_keyboard: true };
  }
}

/**
 * One engine message -> one or more sendMessage calls: long texts are split at Telegram's limit and
 * the keyboard goes on the last part, where the user reads the question.
 */
export function messageCalls(chatId: number, text: string, keyboard?: Keyboard): OutboundCall[] {
  const parts = splitText(text.trim() ? text : BLANK_TEXT_FALLBACK, TELEGRAM_TEXT_LIMIT);
  return parts.map((part, i) => ({
    method: "sendMessage",
    params: {
      chat_id: chatId,
      text: part,
      ...(keyboard && i === parts.length - 1 ? { reply_markup: toReplyMarkup(keyboard) } : {}),
    },
  }));
}
