import { normalizeAlias } from "../compiler/compiled";
import type { InboundEvent } from "./types";

/**
 * The deep-link payload an event carries: `{ type: "start", payload }`, or a text `/start <payload>`
 * as Telegram delivers a `t.me/<bot>?start=<payload>` click (`/start@Bot <payload>` too). Matches what
 * the engine reports as its `deep_link` event; the core records it on the contact before the engine
 * runs, so the first step can read `{{tracker.KEY}}`.
 */
export function deepLinkPayloadOf(event: InboundEvent): string | undefined {
  if (event.type === "start") return event.payload || undefined;
  if (event.type !== "text") return undefined;
  if (!/^\/start(?:\s+(\S+))?$/.test(normalizeAlias(event.text))) return undefined;
  return event.text.trim().split(/\s+/)[1] || undefined;
}
