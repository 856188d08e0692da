import {
  applyTags,
  BUILTIN_FIELD_LABELS,
  type BuiltinContactField,
  type ContactFacts,
  type EngineEvent,
  type FormattedText,
  type InboundEvent,
  type InlineButton,
  type Keyboard,
  type OutboundAction,
  type ReleaseReason,
  sliceFormatted,
  splitFormatted,
  splitText,
  TELEGRAM_CAPTION_LIMIT,
} from "@switchboard/flow";
import type { ChatBubble, InlineKey, ReplyKey } from "@/components/chat/chat-view";
import { mediaLabel } from "@/components/transcript/message-content";

/* What the engine's actions and events look like in the builder's test chat. Pure. */

/** The number a share-my-number button shares in the test chat. */
export const TEST_PHONE = "+15550100100";

/** Inline-button data of a Login step's button (step and button ids never contain "!"). */
export const LOGIN_KEY_PREFIX = "login!";

export function inlineKey(b: InlineButton): InlineKey {
  if ("url" in b) return { label: b.label, url: b.url };
  if ("loginId" in b) return { label: b.label, data: `${LOGIN_KEY_PREFIX}${b.loginId}` };
  return { label: b.label, data: b.callbackData };
}

/** Reply keys; the chat view marks a share-my-number key with 📱 itself, so a leading 📱 is dropped. */
export const replyKeys = (keyboard: Extract<Keyboard, { kind: "reply" }>): ReplyKey[][] =>
  keyboard.rows.map((row) =>
    row.map((b) =>
      b.requestContact
        ? { label: b.label.replace(/^📱\s*/u, "") || b.label, requestContact: true }
        : { label: b.label },
    ),
  );

/**
 * A message as Telegram shows it: with media the text is its caption (1,024) and the rest follows;
 * long texts in several bubbles, each with its part of the formatting; the keyboard under the last.
 */
export function messageBubbles(
  action: Extract<OutboundAction, { type: "send_message" }>,
  newId: () => string,
  time: number,
): ChatBubble[] {
  const full = { text: action.text, entities: action.entities ?? [] };
  const parts: (FormattedText & { media?: string })[] = [];
  let rest = full;
  if (action.media) {
    const caption = action.text.trim() ? splitText(action.text, TELEGRAM_CAPTION_LIMIT)[0]! : "";
    parts.push({
      ...sliceFormatted(full, 0, caption.length),
      media: mediaLabel(action.media.kind, action.media.name),
    });
    const after = action.text.slice(caption.length);
    rest = sliceFormatted(full, caption.length + (after.length - after.trimStart().length));
  }
  if (!action.media || rest.text.trim()) parts.push(...splitFormatted(rest));
  const inline =
    action.keyboard?.kind === "inline" ? action.keyboard.rows.map((r) => r.map(inlineKey)) : undefined;
  return parts.map((part, i) => ({
    id: newId(),
    from: "bot",
    text: part.text,
    ...(part.entities.length ? { entities: part.entities } : {}),
    ...(part.media ? { media: part.media } : {}),
    time,
    inline: i === parts.length - 1 ? inline : undefined,
    stepId: action.stepId,
  }));
}

const BUILTIN_FACT: Record<
  BuiltinContactField,
  "firstName" | "lastName" | "email" | "phone" | "city" | "language"
> = {
  first_name: "firstName",
  last_name: "lastName",
  email: "email",
  phone: "phone",
  city: "city",
  language: "language",
};

type ContactUpdate = Extract<OutboundAction, { type: "update_contact" }>;

/** The test contact after an Update-contact step saved an answer. */
export function applyContactUpdate(contact: ContactFacts, action: ContactUpdate): ContactFacts {
  const next: ContactFacts = { ...contact, fields: { ...contact.fields, ...action.fields } };
  for (const [key, value] of Object.entries(action.set) as [BuiltinContactField, string][])
    next[BUILTIN_FACT[key]] = value;
  next.tags = applyTags(contact.tags, action.addTags, action.removeTags);
  return next;
}

function describeContactUpdate(action: ContactUpdate): string {
  const parts = [
    ...(Object.entries(action.set) as [BuiltinContactField, string][]).map(
      ([k, v]) => `${BUILTIN_FIELD_LABELS[k]} = ${v}`,
    ),
    ...Object.entries(action.fields).map(([k, v]) => `${k} = ${v}`),
  ];
  const tags = [...action.addTags.map((t) => `+${t}`), ...action.removeTags.map((t) => `−${t}`)].join(" ");
  if (tags) parts.push(`tags ${tags}`);
  return `Contact updated: ${parts.join(", ") || "nothing"}`;
}

const RELEASE_TEXT: Record<ReleaseReason, string> = {
  unavailable: "Left the operator queue: nobody available",
  timeout: "Left the operator queue: waited the maximum time",
  closed: "The operator closed the conversation",
  idle: "The conversation closed itself after the dialog close time of silence",
  user_ended: "The user ended the conversation with the operator",
  returned: "The operator handed the conversation back to the bot",
};

/** The system line for an action other than a message, or null when it needs none. */
export function actionLine(action: OutboundAction): string | null {
  switch (action.type) {
    case "send_message":
      return null;
    case "answer_callback":
      return action.text ? action.text : null;
    case "update_contact":
      return describeContactUpdate(action);
    case "route_to_operator":
      return "Routed to an operator: waiting in the inbox";
    case "release_operator":
      return RELEASE_TEXT[action.reason];
    case "create_lead":
      return `Lead created: ${action.title}`;
    case "start_login":
      return "Login link created: waiting for the member to sign in";
    case "go_to_flow":
      return "Continues in another flow (the test chat stays in this one)";
    case "send_webhook":
      return `Webhook to ${action.url || "(no URL)"} — not sent from the test chat`;
    case "http_request":
      return `HTTP request ${action.request.method} ${action.request.url}: the test chat doesn't call APIs; a published bot does`;
  }
}

/** The system line for an engine event worth showing, or null. */
export function eventLine(event: EngineEvent, stepName: (stepId: string) => string): string | null {
  switch (event.type) {
    case "audience_skipped":
      return `Skipped ${stepName(event.stepId)}: not in its audience`;
    case "step_timed_out":
      return `No answer in time at ${stepName(event.stepId)}`;
    case "alias_ignored":
      return `${stepName(event.stepId)} is waiting: the alias was ignored`;
    case "step_limit_reached":
      return "Stopped after 100 steps in a row — check for loops.";
    case "split_chosen":
      return `Random split at ${stepName(event.stepId)}: branch ${event.branchId} (kept for this chat)`;
    default:
      return null;
  }
}

/** The event an inline button press feeds: a Login button logs in, others are callbacks. */
export function inlineKeyEvent(key: InlineKey, callbackQueryId: string): InboundEvent | null {
  if (!key.data) return null;
  if (key.data.startsWith(LOGIN_KEY_PREFIX))
    return { type: "login_result", loginId: key.data.slice(LOGIN_KEY_PREFIX.length), ok: true };
  return { type: "callback", data: key.data, callbackQueryId };
}

/** The event a reply-keyboard tap feeds, and what the user's bubble says. */
export function replyKeyEvent(key: ReplyKey): { event: InboundEvent; userText: string } {
  if (key.requestContact)
    return { event: { type: "contact", phone: TEST_PHONE, own: true }, userText: `📱 ${TEST_PHONE}` };
  return { event: { type: "text", text: key.label }, userText: key.label };
}
