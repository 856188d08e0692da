/**
 * What a soak chat's transcript says: the echoes the bot sent ("got m<n>"), in the order they arrived,
 * compared with the numbered messages the user sent. Pure, so the rules can be unit-tested.
 */
export interface ChatVerdict {
  /** Distinct messages the bot echoed. */
  received: number;
  /** Sent but never echoed. */
  lost: number;
  /** Echoes whose first copy came after the first copy of a later message's echo. */
  outOfOrder: number;
  /** Extra copies of an echo already received (a send in flight when its runtime was killed). */
  resent: number;
}

const ECHO = /^got m(\d+)$/;

/** `botTexts`: the bot's messages in the chat, oldest first; `sent`: the user sent m1…m<sent>. */
export function judgeChat(botTexts: readonly string[], sent: number): ChatVerdict {
  const seen = new Set<number>();
  let resent = 0;
  let outOfOrder = 0;
  let highest = 0;
  for (const text of botTexts) {
    const match = ECHO.exec(text);
    if (!match) continue;
    const n = Number(match[1]);
    if (seen.has(n)) {
      resent++;
      continue;
    }
    seen.add(n);
    if (n < highest) outOfOrder++;
    highest = Math.max(highest, n);
  }
  let received = 0;
  for (let n = 1; n <= sent; n++) if (seen.has(n)) received++;
  return { received, lost: sent - received, outOfOrder, resent };
}
