import type { EntityLike } from "@/components/chat/telegram-entities";
import type { RouterOutputs } from "@/lib/trpc";

/** One message of a conversation's transcript (`conversations.transcript`, `leads.get`). */
export type TranscriptMessage = RouterOutputs["conversations"]["transcript"]["messages"][number];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export type MediaKind = "photo" | "video" | "audio" | "document" | "voice" | "animation" | "sticker";

const MEDIA_LABEL: Record<MediaKind, string> = {
  photo: "Photo",
  video: "Video",
  audio: "Audio",
  document: "Document",
  voice: "Voice message",
  animation: "GIF",
  sticker: "Sticker",
};
const MEDIA_EMOJI: Record<MediaKind, string> = {
  photo: "🖼",
  video: "🎬",
  audio: "🎵",
  document: "📎",
  voice: "🎤",
  animation: "🎞",
  sticker: "🏷",
};

/** "🖼 Photo · menu.jpg": a media attachment as one line. */
export function mediaLabel(kind: MediaKind, name?: string | null): string {
  const base = `${MEDIA_EMOJI[kind]} ${MEDIA_LABEL[kind]}`;
  return name ? `${base} · ${name}` : base;
}

/** The reply_markup of an outbound message's stored Bot API call (an object, or a JSON string). */
export function markupOf(payload: unknown): Obj | null {
  if (!isObj(payload)) return null;
  const params = isObj(payload.params) ? payload.params : null;
  const markup = params?.reply_markup;
  if (typeof markup === "string") {
    try {
      const parsed: unknown = JSON.parse(markup);
      return isObj(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
  return isObj(markup) ? markup : null;
}

/**
 * The formatting of a message's text as Telegram has it: the `entities` (or `caption_entities`) next
 * to that very text in the stored payload, the Bot API call of an outgoing message (`params`: the
 * outbox always sends entities, never parse_mode markup, see core's telegram-calls.ts) or the update
 * of an incoming one (`message`). Only when the text there is the one shown, since offsets into another
 * text would cut it wrong; malformed entries are dropped. Rendered by TelegramText, which builds
 * elements from the runs, so nothing in the text is ever parsed as markup.
 */
export function entitiesOf(payload: unknown, text: string | null | undefined): EntityLike[] {
  if (!text || !isObj(payload)) return [];
  for (const holder of [payload.params, payload.message, payload.edited_message]) {
    if (!isObj(holder)) continue;
    if (holder.text === text) return validEntities(holder.entities);
    if (holder.caption === text) return validEntities(holder.caption_entities);
  }
  return [];
}

function validEntities(list: unknown): EntityLike[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isObj).flatMap((e): EntityLike[] => {
    const { type, offset, length, url } = e;
    if (typeof type !== "string" || !Number.isInteger(offset) || !Number.isInteger(length)) return [];
    return [
      {
        type,
        offset: offset as number,
        length: length as number,
        ...(typeof url === "string" ? { url } : {}),
      },
    ];
  });
}

export interface ButtonLabel {
  text: string;
  /** A link button (url or Telegram's login_url). */
  link?: boolean;
  requestContact?: boolean;
}

/** The labels of an inline or reply keyboard, row by row. */
export function buttonRows(markup: Obj | null, key: "inline_keyboard" | "keyboard"): ButtonLabel[][] {
  const rows = markup?.[key];
  if (!Array.isArray(rows)) return [];
  return rows.filter(Array.isArray).map((row: unknown[]) =>
    row.map((b): ButtonLabel => {
      if (typeof b === "string") return { text: b };
      if (!isObj(b)) return { text: "?" };
      const text = typeof b.text === "string" ? b.text : "?";
      if (b.url !== undefined || b.login_url !== undefined) return { text, link: true };
      if (b.request_contact === true) return { text, requestContact: true };
      return { text };
    }),
  );
}

export type InboundContent =
  | { kind: "text"; text: string }
  | { kind: "press"; text: string }
  | { kind: "contact"; text: string }
  | { kind: "media"; media: MediaKind; name: string | null; caption: string | null }
  | { kind: "other"; text: string };

const INBOUND_MEDIA: MediaKind[] = ["photo", "video", "audio", "document", "voice", "animation", "sticker"];

/** What the user sent: text, a button press (with the button's label), a shared phone, a file. */
export function describeInbound(m: Pick<TranscriptMessage, "payload" | "text">): InboundContent {
  const update = isObj(m.payload) ? m.payload : {};
  const cq = isObj(update.callback_query) ? update.callback_query : null;
  if (cq) {
    const data = typeof cq.data === "string" ? cq.data : "";
    const msg = isObj(cq.message) ? cq.message : null;
    const markup = isObj(msg?.reply_markup) ? msg.reply_markup : null;
    const rows = Array.isArray(markup?.inline_keyboard) ? (markup.inline_keyboard as unknown[]) : [];
    const button = rows.flat().find((b): b is Obj => isObj(b) && b.callback_data === data);
    const label = typeof button?.text === "string" ? button.text : data || "a button";
    return { kind: "press", text: label };
  }
  const message = isObj(update.message) ? update.message : null;
  if (message && isObj(message.contact)) {
    const phone = typeof message.contact.phone_number === "string" ? message.contact.phone_number : null;
    return { kind: "contact", text: m.text ?? phone ?? "a phone number" };
  }
  if (message) {
    const media = INBOUND_MEDIA.find((k) => message[k] !== undefined);
    if (media) {
      const file = message[media];
      const name = isObj(file) && typeof file.file_name === "string" ? file.file_name : null;
      const caption = typeof message.caption === "string" ? message.caption : null;
      return { kind: "media", media, name, caption };
    }
  }
  if (m.text !== null && m.text !== undefined) return { kind: "text", text: m.text };
  return { kind: "other", text: "(unsupported message)" };
}

export type Author = { kind: "user" } | { kind: "bot" } | { kind: "operator"; name: string };

/** Who wrote it: the user, the flow (the bot), or a member replying in the inbox. */
export function authorOf(m: Pick<TranscriptMessage, "direction" | "senderUserId" | "senderName">): Author {
  if (m.direction === "in") return { kind: "user" };
  if (m.senderUserId) return { kind: "operator", name: m.senderName?.trim() || "A former member" };
  return { kind: "bot" };
}
