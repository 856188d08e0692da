// Pieces shared by the parse_mode parsers.

import type { TgMessageEntity } from "../types";

export interface Formatted {
  text: string;
  entities: TgMessageEntity[];
}

/** A parse failure; the caller prefixes "Bad Request: can't parse entities: ". */
export class FormattingError extends Error {}

/** Telegram reports parse errors at UTF-8 byte offsets of the source text. */
export function byteOffset(src: string, index: number): number {
  return Buffer.byteLength(src.slice(0, index), "utf8");
}

/** Telegram returns entities ordered by offset, outer (longer) entities first. */
export function sortEntities(entities: TgMessageEntity[]): TgMessageEntity[] {
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
}
