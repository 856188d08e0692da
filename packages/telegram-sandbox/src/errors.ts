// Error types. Bot API errors must match Telegram byte-for-byte (bots branch on description
// strings), so every description used more than once lives here.

export interface ResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

/** An error answered to a bot as `{ ok:false, error_code, description, parameters? }`. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
    this.name = "ApiError";
  }

  toJSON(): Record<string, unknown> {
    return {
      ok: false,
      error_code: this.code,
      description: this.description,
      ...(this.parameters ? { parameters: this.parameters } : {}),
    };
  }
}

export const badRequest = (detail: string) => new ApiError(400, `Bad Request: ${detail}`);

export const Errors = {
  unauthorized: () => new ApiError(401, "Unauthorized"),
  notFound: () => new ApiError(404, "Not Found"),
  blocked: () => new ApiError(403, "Forbidden: bot was blocked by the user"),
  tooLarge: () => new ApiError(413, "Request Entity Too Large"),
  tooManyRequests: (retryAfter: number) =>
    new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter }),
  webhookActive: () =>
    new ApiError(
      409,
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    ),
  terminatedByOtherGetUpdates: () =>
    new ApiError(
      409,
      "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    ),
  chatNotFound: () => badRequest("chat not found"),
  textEmpty: () => badRequest("message text is empty"),
  textTooLong: () => badRequest("message is too long"),
  captionTooLong: () => badRequest("message caption is too long"),
  buttonDataInvalid: () => badRequest("BUTTON_DATA_INVALID"),
  /** A login_url whose host is not the domain linked to the bot with BotFather's /setdomain. */
  botDomainInvalid: () => badRequest("BOT_DOMAIN_INVALID"),
  messageToEditNotFound: () => badRequest("message to edit not found"),
  messageToDeleteNotFound: () => badRequest("message to delete not found"),
  messageNotModified: () =>
    badRequest(
      "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    ),
  queryTooOld: () => badRequest("query is too old and response timeout expired or query ID is invalid"),
  cantParseEntities: (detail: string) => badRequest(`can't parse entities: ${detail}`),
  wrongFileId: () => badRequest("wrong file identifier/HTTP URL specified"),
  // Supergroups and forum topics: Bot API server (Client.cpp check_chat_access,
  // TdOnCheckMessageThreadCallback) and TDLib (ForumTopicManager.cpp) texts, first letter
  // lowered by the Bot API server; the upper-case ones are Telegram server errors passed through.
  botKicked: () => new ApiError(403, "Forbidden: bot was kicked from the supergroup chat"),
  botNotMember: () => new ApiError(403, "Forbidden: bot is not a member of the supergroup chat"),
  notAForum: () => badRequest("the chat is not a forum"),
  messageThreadNotFound: () => badRequest("message thread not found"),
  invalidThreadId: () => badRequest("invalid message thread identifier specified"),
  topicClosed: () => badRequest("TOPIC_CLOSED"),
  topicIdInvalid: () => badRequest("TOPIC_ID_INVALID"),
  topicNotModified: () => badRequest("TOPIC_NOT_MODIFIED"),
  messageCantBeDeleted: () => badRequest("message can't be deleted"),
} as const;

/** Descriptions Telegram uses for a bare error code, used when failNext gets no description. */
export function defaultDescription(code: number, retryAfter: number): string {
  switch (code) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 409:
      return "Conflict";
    case 413:
      return "Request Entity Too Large";
    case 429:
      return `Too Many Requests: retry after ${retryAfter}`;
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    default:
      return `Error ${code}`;
  }
}

/** An error of the sandbox control API (answered as `{ error }` with this HTTP status). */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ControlError";
  }
}
