/**
 * Inline buttons carry "<stepId>:<buttonId>". Ids are at most 24 characters of [A-Za-z0-9_-],
 * so the data stays under Telegram's 64-byte limit by construction.
 */
export const encodeCallbackData = (stepId: string, buttonId: string) => `${stepId}:${buttonId}`;

export function decodeCallbackData(data: string): { stepId: string; buttonId: string } | null {
  const m = /^([A-Za-z0-9_-]{1,24}):([A-Za-z0-9_-]{1,24})$/.exec(data);
  return m ? { stepId: m[1]!, buttonId: m[2]! } : null;
}
