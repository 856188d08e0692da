// Entities Telegram detects by itself in text a user types: bot commands (what bot.command()
// handlers match on), mentions, hashtags and URLs.

import type { TgMessageEntity } from "../types";
import { sortEntities } from "./common";

// URLs first: overlapping later matches (a "/path" inside a URL) are skipped.
const PATTERNS: Array<[type: string, pattern: RegExp]> = [
  ["url", /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'"]/g],
  ["bot_command", /(?<![\w/])\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/])/g],
  ["mention", /(?<![\w@])@[A-Za-z0-9_]{5,32}(?!\w)/g],
  ["hashtag", /(?<![\w#])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu],
];

export function detectEntities(text: string): TgMessageEntity[] {
  const entities: TgMessageEntity[] = [];
  const taken: Array<[number, number]> = [];
  for (const [type, pattern] of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const offset = match.index ?? 0;
      const end = offset + match[0].length;
      // A "/path" inside a URL or "@x" inside an e-mail is not its own entity.
      if (taken.some(([s, e]) => offset < e && end > s)) continue;
      taken.push([offset, end]);
      entities.push({ type, offset, length: match[0].length });
    }
  }
  return sortEntities(entities);
}
