/*
 * Telegram's updates are well formed, but the runtime must not depend on it: a field of the wrong
 * type (a text that is a number, a chat without an id) would make mapping or processing throw on
 * every attempt. Such an update is set aside when it arrives, with this module's sentence, instead
 * of being retried. It checks only the fields the runtime reads (update-mapping.ts, media.ts).
 */

type Problem = string | null;

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** An integer Postgres' bigint and JavaScript both hold exactly (update, chat, user and message ids). */
export const isSafeId = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v);

function optional(
  o: Record<string, unknown>,
  key: string,
  type: "string" | "number" | "boolean",
  at: string,
): Problem {
  const v = o[key];
  if (v === undefined) return null;
  if (type === "number" ? !(typeof v === "number" && Number.isFinite(v)) : typeof v !== type)
    return `${at}.${key} is not a ${type}`;
  return null;
}

function user(v: unknown, at: string): Problem {
  if (!isObject(v)) return `${at} is not an object`;
  if (!isSafeId(v.id)) return `${at}.id is not an integer`;
  if (typeof v.first_name !== "string") return `${at}.first_name is not a string`;
  return (
    optional(v, "last_name", "string", at) ??
    optional(v, "username", "string", at) ??
    optional(v, "language_code", "string", at) ??
    optional(v, "is_bot", "boolean", at)
  );
}

function file(v: unknown, at: string): Problem {
  if (v === undefined) return null;
  if (!isObject(v)) return `${at} is not an object`;
  if (v.file_id !== undefined && typeof v.file_id !== "string") return `${at}.file_id is not a string`;
  return (
    optional(v, "file_unique_id", "string", at) ??
    optional(v, "file_name", "string", at) ??
    optional(v, "mime_type", "string", at) ??
    optional(v, "emoji", "string", at)
  );
}

function message(v: unknown, at: string): Problem {
  if (!isObject(v)) return `${at} is not an object`;
  if (!isSafeId(v.message_id)) return `${at}.message_id is not an integer`;
  if (!isObject(v.chat)) return `${at}.chat is not an object`;
  if (!isSafeId(v.chat.id)) return `${at}.chat.id is not an integer`;
  if (typeof v.chat.type !== "string") return `${at}.chat.type is not a string`;
  const chatTitle = optional(v.chat, "title", "string", `${at}.chat`);
  if (chatTitle) return chatTitle;
  if (v.from !== undefined) {
    const p = user(v.from, `${at}.from`);
    if (p) return p;
  }
  if (v.message_thread_id !== undefined && !isSafeId(v.message_thread_id))
    return `${at}.message_thread_id is not an integer`;
  const plain = optional(v, "text", "string", at) ?? optional(v, "caption", "string", at);
  if (plain) return plain;
  if (v.contact !== undefined) {
    if (!isObject(v.contact)) return `${at}.contact is not an object`;
    if (typeof v.contact.phone_number !== "string") return `${at}.contact.phone_number is not a string`;
    if (v.contact.user_id !== undefined && !isSafeId(v.contact.user_id))
      return `${at}.contact.user_id is not an integer`;
  }
  if (v.photo !== undefined) {
    if (!Array.isArray(v.photo)) return `${at}.photo is not a list`;
    for (const [i, size] of v.photo.entries()) {
      if (!isObject(size)) return `${at}.photo[${i}] is not an object`;
      const p =
        file(size, `${at}.photo[${i}]`) ??
        optional(size, "width", "number", `${at}.photo[${i}]`) ??
        optional(size, "height", "number", `${at}.photo[${i}]`);
      if (p) return p;
    }
  }
  for (const kind of ["animation", "document", "video", "voice", "audio", "sticker"]) {
    const p = file(v[kind], `${at}.${kind}`);
    if (p) return p;
  }
  return null;
}

/** Why the runtime can't read this update (one sentence), or null when it can. */
export function updateShapeProblem(u: unknown): Problem {
  if (!isObject(u)) return "the update is not a JSON object";
  if (!isSafeId(u.update_id)) return "update_id is not an integer";
  for (const key of ["message", "edited_message"]) {
    if (u[key] === undefined) continue;
    const p = message(u[key], key);
    if (p) return p;
  }
  const cq = u.callback_query;
  if (cq !== undefined) {
    if (!isObject(cq)) return "callback_query is not an object";
    if (typeof cq.id !== "string") return "callback_query.id is not a string";
    const p =
      user(cq.from, "callback_query.from") ??
      optional(cq, "data", "string", "callback_query") ??
      (cq.message === undefined ? null : message(cq.message, "callback_query.message"));
    if (p) return p;
  }
  const member = u.my_chat_member;
  if (member !== undefined) {
    if (!isObject(member)) return "my_chat_member is not an object";
    if (!isObject(member.chat) || !isSafeId(member.chat.id))
      return "my_chat_member.chat.id is not an integer";
    const type = optional(member.chat, "type", "string", "my_chat_member.chat");
    if (type) return type;
    const p = user(member.from, "my_chat_member.from");
    if (p) return p;
    if (!isObject(member.new_chat_member) || typeof member.new_chat_member.status !== "string")
      return "my_chat_member.new_chat_member.status is not a string";
  }
  return null;
}
