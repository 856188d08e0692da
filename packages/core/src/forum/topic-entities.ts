/*
 * The formatting of what the operators' group reads: a message's Telegram entities carried into its
 * topic copy. Offsets and lengths are UTF-16 code units, Telegram's unit and JavaScript's string
 * length alike, so a prefix moves them by its `.length`. Pure.
 */

/** A Telegram MessageEntity: its type, where it is, and the fields its type needs (url, language, user). */
export interface TopicEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  user?: Record<string, unknown>;
}

/** A text and its formatting, as one line or message of a topic. */
export interface TopicText {
  text: string;
  entities: TopicEntity[];
}

export const plainTopicText = (text: string): TopicText => ({ text, entities: [] });

/** A bot may not send custom emoji (only bots with a Fragment username can): they stay plain text. */
const NOT_SENDABLE = new Set(["custom_emoji"]);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The entities Telegram gave with a message (or a stored call's), those that fit `text` and a bot
 * may send back, with only the fields their type needs. Anything else is left out: a wrong entity
 * would make Telegram refuse the whole topic message.
 */
export function entitiesFrom(raw: unknown, text: string): TopicEntity[] {
  if (!Array.isArray(raw)) return [];
  const out: TopicEntity[] = [];
  for (const e of raw) {
    if (!isObject(e) || typeof e.type !== "string" || NOT_SENDABLE.has(e.type)) continue;
    const { offset, length } = e;
    if (!Number.isInteger(offset) || !Number.isInteger(length)) continue;
    if (
      (offset as number) < 0 ||
      (length as number) < 1 ||
      (offset as number) + (length as number) > text.length
    )
      continue;
    if (e.type === "text_link" && typeof e.url !== "string") continue;
    if (e.type === "text_mention" && !isObject(e.user)) continue;
    out.push({
      type: e.type,
      offset: offset as number,
      length: length as number,
      ...(e.type === "text_link" ? { url: e.url as string } : {}),
      ...(e.type === "pre" && typeof e.language === "string" && e.language ? { language: e.language } : {}),
      ...(e.type === "text_mention" ? { user: e.user as Record<string, unknown> } : {}),
    });
  }
  return out;
}

/** `prefix` then `body`: the body's entities move by the prefix's length. */
export function withPrefix(prefix: string, body: TopicText): TopicText {
  return {
    text: `${prefix}${body.text}`,
    entities: body.entities.map((e) => ({ ...e, offset: e.offset + prefix.length })),
  };
}

/** The lines one under the other, each line's entities moved to where the line starts. */
export function joinTopicTexts(lines: readonly TopicText[], separator = "\n"): TopicText {
  let text = "";
  const entities: TopicEntity[] = [];
  lines.forEach((line, i) => {
    if (i > 0) text += separator;
    const at = text.length;
    for (const e of line.entities) entities.push({ ...e, offset: e.offset + at });
    text += line.text;
  });
  return { text, entities };
}
