import { type EntitySpan, sliceFormatted, type TextWithEntities } from "./format";

/**
 * Splits text into Telegram-sized pieces (4096 UTF-16 code units for messages, 1024 for captions),
 * preferring paragraph, line and word breaks, and never cutting a surrogate pair (emoji) in half.
 */
/** Telegram's limit for a message text, in UTF-16 code units. */
export const TELEGRAM_TEXT_LIMIT = 4096;
/** Telegram's limit for a media caption, in UTF-16 code units. */
export const TELEGRAM_CAPTION_LIMIT = 1024;

export function splitText(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  if (text.length <= limit) return [text];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = -1;
    for (const sep of ["\n\n", "\n", " "]) {
      const at = rest.lastIndexOf(sep, limit - sep.length); // the separator stays in this part
      if (at > limit / 2) {
        cut = at + sep.length;
        break;
      }
    }
    if (cut < 0) {
      cut = limit;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // keep the surrogate pair together
    }
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length) parts.push(rest);
  return parts;
}

/**
 * Splits a formatted text at the same places as `splitText` (its pieces concatenate to the text),
 * clipping each entity to the pieces it spans so every piece's offsets start at its own 0.
 */
export function splitFormatted<E extends EntitySpan>(
  f: TextWithEntities<E>,
  limit = TELEGRAM_TEXT_LIMIT,
): TextWithEntities<E>[] {
  if (!f.entities.length) return splitText(f.text, limit).map((text) => ({ text, entities: [] }));
  let start = 0;
  return splitText(f.text, limit).map((part) => {
    const piece = sliceFormatted(f, start, start + part.length);
    start += part.length;
    return piece;
  });
}
