import type { SandboxMessage } from "@switchboard/telegram-sandbox/client";
import type { ChatBubble, InlineKey, ReplyKey } from "@/components/chat/chat-view";
import { type MediaKind, mediaLabel } from "@/components/transcript/message-content";

/*
 * The sandbox chat's view of the sandbox's messages: bubbles with their media and buttons, and the
 * reply keyboard on the user's screen. Pure.
 */

const FILE_KINDS = ["photo", "video", "audio", "voice", "animation", "document"] as const;

/** "🖼 Photo · menu.jpg" for a message with a file, else undefined. */
export function mediaOf(m: SandboxMessage): string | undefined {
  if (m.media) return mediaLabel(m.media.kind, m.media.file_name ?? null);
  for (const kind of FILE_KINDS) {
    const file = m[kind];
    if (!file) continue;
    const name = !Array.isArray(file) && "file_name" in file ? (file.file_name ?? null) : null;
    return mediaLabel(kind as MediaKind, name);
  }
  return undefined;
}

export function messageText(m: SandboxMessage): string {
  if (m.text !== undefined) return m.text;
  if (m.caption !== undefined) return m.caption;
  if (m.contact) return `📱 ${m.contact.phone_number}`;
  return "";
}

function inlineKeys(m: SandboxMessage): InlineKey[][] | undefined {
  const markup = m.reply_markup;
  if (!markup || !("inline_keyboard" in markup)) return undefined;
  return markup.inline_keyboard.map((row, r) =>
    row.map((b, c): InlineKey => {
      if (b.login_url) return { label: b.text, login: { row: r, column: c } };
      if (b.url) return { label: b.text, url: b.url };
      return { label: b.text, ...(b.callback_data !== undefined ? { data: b.callback_data } : {}) };
    }),
  );
}

/** The formatting the bot sent with the text (or caption), to show it as Telegram does. */
function entitiesOf(m: SandboxMessage): { entities?: NonNullable<SandboxMessage["entities"]> } {
  const entities =
    m.text !== undefined ? m.entities : m.caption !== undefined ? m.caption_entities : undefined;
  return entities?.length ? { entities } : {};
}

export function toBubble(m: SandboxMessage): ChatBubble {
  const inline = inlineKeys(m);
  const media = mediaOf(m);
  return {
    id: String(m.message_id),
    from: m.from_bot ? "bot" : "user",
    text: messageText(m),
    ...entitiesOf(m),
    time: m.date * 1000,
    meta: `#${m.message_id}${m.edited ? " · edited" : ""}`,
    ...(media ? { media } : {}),
    ...(inline ? { inline } : {}),
  };
}

/** The reply keyboard on the user's screen: the last one a bot message set, unless removed or used up. */
export function currentReplyKeyboard(messages: SandboxMessage[]): ReplyKey[][] | null {
  let userSpokeAfter = false;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (!m.from_bot) {
      userSpokeAfter = true;
      continue;
    }
    const markup = m.reply_markup;
    if (!markup) continue;
    if ("remove_keyboard" in markup) return null;
    if ("keyboard" in markup) {
      if (markup.one_time_keyboard && userSpokeAfter) return null;
      return markup.keyboard.map((row) =>
        row.map((b) =>
          typeof b === "string"
            ? { label: b }
            : { label: b.text, ...(b.request_contact ? { requestContact: true } : {}) },
        ),
      );
    }
  }
  return null;
}
