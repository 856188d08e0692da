import {
  type FormattedText,
  type Keyboard,
  type Media,
  type MediaKind,
  type MessageEntity,
  sliceFormatted,
  splitFormatted,
  splitText,
  TELEGRAM_CAPTION_LIMIT,
  TELEGRAM_TEXT_LIMIT,
} from "@switchboard/flow";

/**
 * The Bot API calls an outgoing message becomes, as stored in the outbox (`messages.payload`). Plain
 * JSON: the runtime sends exactly this. A media call names a stored file (`media`); the runtime sends
 * it by upload the first time and by Telegram's file_id afterwards.
 */
export type OutboundCall =
  | {
      method: "sendMessage";
      params: { chat_id: number; text: string; entities?: MessageEntity[]; reply_markup?: unknown };
    }
  | {
      method: MediaMethod;
      params: {
        chat_id: number;
        caption?: string;
        caption_entities?: MessageEntity[];
        reply_markup?: unknown;
      };
      media: MediaRef;
    };

export type MediaMethod = "sendPhoto" | "sendVideo" | "sendAudio" | "sendDocument";
export interface MediaRef {
  fileId: string;
  kind: MediaKind;
  name: string;
  mimeType: string;
}

export const MEDIA_METHOD: Record<MediaKind, MediaMethod> = {
  photo: "sendPhoto",
  video: "sendVideo",
  audio: "sendAudio",
  document: "sendDocument",
};

/** How a Login step's button reaches the user (see logins/links.ts). */
export interface LoginLink {
  url: string;
  /** login_url: Telegram's login button; url: a plain link button; text: the link in the text (Telegram refuses button URLs without a dot in the host, e.g. localhost). */
  mode: "login_url" | "url" | "text";
}

/** Telegram refuses blank messages; a template that renders to nothing still has to carry its keyboard. */
const BLANK_TEXT_FALLBACK = "…";

function toReplyMarkup(k: Keyboard, logins: ReadonlyMap<string, LoginLink>): unknown {
  switch (k.kind) {
    case "inline": {
      const rows = k.rows
        .map((row) =>
          row.flatMap((b): Record<string, unknown>[] => {
            if ("url" in b) return [{ text: b.label, url: b.url }];
            if ("callbackData" in b) return [{ text: b.label, callback_data: b.callbackData }];
            const link = logins.get(b.loginId);
            if (!link || link.mode === "text") return [];
            return link.mode === "login_url"
              ? [{ text: b.label, login_url: { url: link.url } }]
              : [{ text: b.label, url: link.url }];
          }),
        )
        .filter((row) => row.length > 0);
      return rows.length ? { inline_keyboard: rows } : undefined;
    }
    case "reply":
      return {
        keyboard: k.rows.map((row) =>
          row.map((b) => (b.requestContact ? { text: b.label, request_contact: true } : { text: b.label })),
        ),
        resize_keyboard: true,
        one_time_keyboard: true,
      };
    case "remove":
      return { remove_keyboard: true };
  }
}

/** Login links that can't be buttons are appended to the text. */
function textLinks(keyboard: Keyboard | undefined, logins: ReadonlyMap<string, LoginLink>): string[] {
  if (keyboard?.kind !== "inline") return [];
  return keyboard.rows.flat().flatMap((b) => {
    if (!("loginId" in b)) return [];
    const link = logins.get(b.loginId);
    return link?.mode === "text" ? [`${b.label}: ${link.url}`] : [];
  });
}

export interface MessageOptions {
  keyboard?: Keyboard | undefined;
  media?: Media | undefined;
  logins?: ReadonlyMap<string, LoginLink>;
  /**
   * The text's formatting (UTF-16 offsets into `text`), sent as `entities` / `caption_entities`,
   * never as parse_mode markup, so nothing in the text is ever parsed by Telegram.
   */
  entities?: readonly MessageEntity[] | undefined;
}

const withEntities = (entities: MessageEntity[]) => (entities.length ? { entities } : {});

/**
 * One engine message -> the Bot API calls that deliver it. Long texts are split at Telegram's limit;
 * with media, the text is the caption (1,024 characters) and the rest follows as messages. The
 * keyboard goes on the last call, where the user reads the question.
 */
export function messageCalls(chatId: number, text: string, options: MessageOptions = {}): OutboundCall[] {
  const logins = options.logins ?? new Map<string, LoginLink>();
  const links = textLinks(options.keyboard, logins);
  const fullText = links.length ? [text, ...links].filter((t) => t.trim()).join("\n\n") : text;
  const markup = options.keyboard ? toReplyMarkup(options.keyboard, logins) : undefined;
  const calls: OutboundCall[] = [];

  // Login links are appended after the text, so the text's entity offsets stay valid.
  const full: FormattedText = { text: fullText, entities: [...(options.entities ?? [])] };
  let restStart = 0;
  if (options.media) {
    const caption = fullText.trim() ? splitText(fullText, TELEGRAM_CAPTION_LIMIT)[0]! : "";
    const captionEntities = sliceFormatted(full, 0, caption.length).entities;
    restStart = caption.length;
    const { fileId, kind, name, mimeType } = options.media;
    calls.push({
      method: MEDIA_METHOD[kind],
      params: {
        chat_id: chatId,
        ...(caption ? { caption } : {}),
        ...(captionEntities.length ? { caption_entities: captionEntities } : {}),
      },
      media: { fileId, kind, name, mimeType },
    });
  }
  const rest = fullText.slice(restStart);
  if (!options.media || rest.trim()) {
    let body: FormattedText;
    if (options.media) {
      const leading = rest.length - rest.replace(/^\s+/, "").length;
      body = sliceFormatted(full, restStart + leading);
    } else body = rest.trim() ? full : { text: BLANK_TEXT_FALLBACK, entities: [] };
    for (const part of splitFormatted(body, TELEGRAM_TEXT_LIMIT))
      calls.push({
        method: "sendMessage",
        params: { chat_id: chatId, text: part.text, ...withEntities(part.entities) },
      });
  }
  if (markup !== undefined) calls[calls.length - 1]!.params.reply_markup = markup;
  return calls;
}

/** The text a call shows, for the transcript. */
export const callText = (call: OutboundCall): string | null =>
  call.method === "sendMessage" ? call.params.text : (call.params.caption ?? null);
