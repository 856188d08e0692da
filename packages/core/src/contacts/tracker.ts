import { randomUUID } from "node:crypto";

/**
 * Deep links: t.me/<bot>?start=<payload>. A payload of "key-value" pairs joined by "__"
 * (e.g. "utm_source-ads__utm_campaign-spring") is split into fields; the whole payload is kept as
 * `start`, and every deep-link start gets a unique `clickid` for postbacks.
 */
export function trackerFromPayload(payload: string): Record<string, string> {
  const tracker: Record<string, string> = { start: payload, clickid: randomUUID() };
  for (const pair of payload.split("__")) {
    const m = /^([A-Za-z0-9_]{1,32})-(.{1,64})$/.exec(pair);
    if (m && m[1] !== "start" && m[1] !== "clickid") tracker[m[1]!] = m[2]!;
  }
  return tracker;
}
