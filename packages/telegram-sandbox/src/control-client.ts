// Client for the sandbox control API. Uses only global fetch and type imports, so it is safe to
// import from Next.js server components, browsers and Node alike.

import { type BotMessageStream, openBotMessageStream } from "./bot-message-stream-client";
import type {
  ReplyKeyboardMarkup,
  SandboxBotInfo,
  SandboxBotMessage,
  SandboxCall,
  SandboxCallbackAnswer,
  SandboxGroupRateLimit,
  SandboxLoginButtonResult,
  SandboxMediaKind,
  SandboxMessage,
  SandboxRateLimit,
  SandboxSupergroup,
  SandboxUser,
  TgAdministratorRights,
  TgChat,
  TgContact,
  TgForumTopic,
} from "./types";

export type { BotMessageStream } from "./bot-message-stream-client";
export type {
  SandboxBotInfo,
  SandboxBotMessage,
  SandboxCall,
  SandboxCallbackAnswer,
  SandboxForumTopic,
  SandboxGroupRateLimit,
  SandboxLoginButtonResult,
  SandboxMedia,
  SandboxMediaKind,
  SandboxMessage,
  SandboxRateLimit,
  SandboxSupergroup,
  SandboxUser,
  TelegramLoginData,
  TgAdministratorRights,
  TgChat,
  TgContact,
  TgForumTopic,
} from "./types";

/** A control API request the sandbox refused (status is the HTTP status). */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "SandboxError";
  }
}

export interface SentUserMessage {
  /** null when the bot's allowed_updates filtered the update out. */
  update_id: number | null;
  message_id: number;
}

/** A person's media message: the file as the bot can fetch it (for a photo, its largest size). */
export interface SentUserMedia extends SentUserMessage {
  file_id: string;
  file_unique_id: string;
  file_size: number;
  /** getFile's file_path (downloads: GET /file/bot<token>/<file_path>). */
  file_path: string;
}

export interface SendMediaInput {
  token: string;
  from: SandboxUser;
  kind: SandboxMediaKind;
  /** The file: bytes (sent as multipart), or a base64 string (sent in JSON; fine for small files). */
  data: Uint8Array | ArrayBuffer | string;
  /** Documents, audio, video, GIFs (photos and voice notes carry no name on Telegram). */
  fileName?: string;
  /** Default: from fileName's extension, else the kind's usual type. Photos use the image's type. */
  mimeType?: string;
  /** At most 1024 characters; blank = none. URLs, mentions, hashtags and commands get entities. */
  caption?: string;
  chatId?: number;
  threadId?: number;
  replyToMessageId?: number;
  /** video / animation; default 0 (Telegram fills them from the file). */
  width?: number;
  height?: number;
  /** video / animation / audio / voice, seconds; default 0. */
  duration?: number;
  performer?: string;
  title?: string;
}

export interface FailNextOptions {
  token: string;
  /** Method to fail (case-insensitive). Omitted = the next call of any method except getUpdates. */
  method?: string;
  /** Default 429. */
  errorCode?: number;
  /** Default: Telegram's text for the code ("Too Many Requests: retry after N" for 429). */
  description?: string;
  /** Sent as parameters.retry_after. Default 1 for 429. */
  retryAfter?: number;
  /** How many calls fail. Default 1. */
  count?: number;
}

export interface SandboxChatState {
  exists: boolean;
  chat: TgChat | null;
  blocked: boolean;
  reply_keyboard: ReplyKeyboardMarkup | null;
  last_chat_action: { action: string; at: number } | null;
}

const DEFAULT_WAIT_TIMEOUT_MS = 5000;

export class SandboxClient {
  private readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, "");
  }

  /** Registers a bot token (idempotent for the same token). */
  registerBot(input: { token: string; username: string; firstName?: string }): Promise<SandboxBotInfo> {
    return this.post("register-bot", input);
  }

  listBots(): Promise<SandboxBotInfo[]> {
    return this.post("bots", {});
  }

  /**
   * The user types a message (a command like "/close" gets its bot_command entity). chatId
   * defaults to from.id (the private chat); a supergroup id posts in the group, in the forum
   * topic threadId (or the topic of replyToMessageId), and every bot in the group that gets it
   * (privacy mode, allowed_updates) gets the update; update_id is the one of `token`'s bot.
   */
  sendText(input: {
    token: string;
    from: SandboxUser;
    text: string;
    chatId?: number;
    threadId?: number;
    replyToMessageId?: number;
  }): Promise<SentUserMessage> {
    return this.post("send-text", input);
  }

  /**
   * The user sends a photo, document, video, voice note, audio file or GIF (`kind`) with an optional
   * caption, as from the app: the bot gets Telegram's Message field for the kind (`photo` as
   * PhotoSizes, smallest first) and can getFile and download it (bots: up to 20 MB; getFile answers
   * "file is too big" above). People may send up to 2 GB. Photos must be JPEG, PNG, GIF or WebP (the
   * size comes from the header) and at most 10 MB. Chats and topics as for sendText.
   */
  sendMedia(input: SendMediaInput): Promise<SentUserMedia> {
    const { data, ...rest } = input;
    if (typeof data === "string") return this.post("send-media", { ...rest, data });
    const form = new FormData();
    form.set("payload", JSON.stringify(rest));
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
    // A copy into a plain ArrayBuffer: Blob refuses views of a SharedArrayBuffer in strict typings.
    form.set("data", new Blob([new Uint8Array(bytes)]), input.fileName ?? "file");
    return this.request("send-media", { method: "POST", body: form, cache: "no-store" });
  }

  /** The user sends /start (or "/start <payload>", as a deep link does). */
  start(input: {
    token: string;
    from: SandboxUser;
    payload?: string;
    chatId?: number;
  }): Promise<SentUserMessage> {
    return this.post("start", input);
  }

  /** The user presses an inline button; fails unless that bot message has this callback_data. */
  pressInlineButton(input: {
    token: string;
    from: SandboxUser;
    messageId: number;
    callbackData: string;
    chatId?: number;
  }): Promise<{ update_id: number | null; callback_query_id: string }> {
    return this.post("press-inline-button", input);
  }

  /** The user taps a reply keyboard button; fails unless the chat's current keyboard has it. */
  tapReplyButton(input: {
    token: string;
    from: SandboxUser;
    text: string;
    chatId?: number;
  }): Promise<SentUserMessage> {
    return this.post("tap-reply-button", input);
  }

  /**
   * The user taps the request_contact button of the reply keyboard currently shown: message.contact
   * = { phone_number, first_name, last_name?, user_id: from.id }. Fails (400) when the chat's
   * current reply keyboard has no such button.
   */
  tapContactButton(input: {
    token: string;
    from: SandboxUser;
    phoneNumber: string;
    chatId?: number;
  }): Promise<SentUserMessage> {
    return this.post("tap-contact-button", input);
  }

  /**
   * The user sends any contact card, e.g. someone else's (user_id of another user, or none), to
   * test that a bot asking for the user's own number refuses it.
   */
  sendContact(input: {
    token: string;
    from: SandboxUser;
    contact: TgContact;
    chatId?: number;
  }): Promise<SentUserMessage> {
    return this.post("send-contact", input);
  }

  /** The user shares their own contact without a keyboard button (message.contact with user_id = from.id). */
  shareContact(input: {
    token: string;
    from: SandboxUser;
    phoneNumber: string;
    chatId?: number;
  }): Promise<SentUserMessage> {
    return this.post("share-contact", input);
  }

  /**
   * Links a website domain to the bot, like BotFather's /setdomain. login_url buttons are only
   * accepted when their URL's host is this domain (else "Bad Request: BOT_DOMAIN_INVALID").
   * null or "" unlinks it. Kept across reset().
   */
  setBotDomain(input: { token: string; domain: string | null }): Promise<{ domain: string | null }> {
    return this.post("set-bot-domain", input);
  }

  /**
   * The user presses an inline login_url button (by its text, or 0-based row and column) and
   * accepts to log in: resolves with the URL the app opens, login_url.url plus id, first_name,
   * last_name, username, photo_url (when set on the user), auth_date and hash, signed with the
   * token of login_url.bot_username (or the sending bot). decline: true returns the bare URL.
   */
  pressLoginButton(input: {
    token: string;
    from: SandboxUser;
    messageId: number;
    text?: string;
    row?: number;
    column?: number;
    chatId?: number;
    decline?: boolean;
  }): Promise<SandboxLoginButtonResult> {
    return this.post("press-login-button", input);
  }

  /** The user blocks the bot: my_chat_member update (kicked); bot sends then fail with 403. */
  blockBot(input: { token: string; from: SandboxUser }): Promise<{ update_id: number | null }> {
    return this.post("block-bot", input);
  }

  unblockBot(input: { token: string; from: SandboxUser }): Promise<{ update_id: number | null }> {
    return this.post("unblock-bot", input);
  }

  /**
   * Messages of a chat, both directions, in order, edits applied, deleted ones left out. In a
   * supergroup: everyone's messages, service messages included; threadId keeps one forum topic's.
   * With waitMs: first waits (server side) until a message of this bot newer than afterMessageId exists.
   */
  getMessages(input: {
    token: string;
    chatId: number;
    afterMessageId?: number;
    threadId?: number;
    waitMs?: number;
  }): Promise<SandboxMessage[]> {
    return this.post("messages", input);
  }

  /**
   * Resolves with the bot's messages newer than afterMessageId (in topic threadId) once there
   * are at least `count`. Other bots' messages and service messages do not count.
   */
  async waitForBotMessages(input: {
    token: string;
    chatId: number;
    count: number;
    afterMessageId?: number;
    threadId?: number;
    timeoutMs?: number;
  }): Promise<SandboxMessage[]> {
    const timeoutMs = input.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
    const messages: SandboxMessage[] = await this.post("messages", {
      token: input.token,
      chatId: input.chatId,
      afterMessageId: input.afterMessageId,
      threadId: input.threadId,
      waitMs: timeoutMs,
      minBotMessages: input.count,
    });
    const botId = Number(input.token.split(":")[0]);
    const fromBot = messages.filter((m) => m.from_bot && m.from.id === botId && !isServiceMessage(m));
    if (fromBot.length >= input.count) return fromBot;
    const where = `chat ${input.chatId}${input.threadId !== undefined ? ` topic ${input.threadId}` : ""}`;
    throw new Error(
      `Timed out after ${timeoutMs}ms waiting for ${input.count} bot message(s) in ${where}` +
        `${input.afterMessageId ? ` after message ${input.afterMessageId}` : ""}; got ${fromBot.length}.` +
        `\nChat since then:${messages.length ? `\n${messages.map(describeMessage).join("\n")}` : " (nothing)"}`,
    );
  }

  /**
   * Follows every message any bot sends from now on (one server-sent event stream for all bots and
   * chats): resolves once the stream is live, then calls `onMessage` per message. For load tests that
   * wait for replies in many chats at once; close it (or abort `signal`) when done.
   */
  streamBotMessages(
    onMessage: (message: SandboxBotMessage) => void,
    signal?: AbortSignal,
  ): Promise<BotMessageStream> {
    return openBotMessageStream(this.baseUrl, onMessage, signal);
  }

  /**
   * Polls the chat until `until(messages)` holds, e.g. to wait for an edit. Resolves with the
   * messages; rejects with the chat contents on timeout.
   */
  async waitForChat(input: {
    token: string;
    chatId: number;
    until: (messages: SandboxMessage[]) => boolean;
    threadId?: number;
    timeoutMs?: number;
    intervalMs?: number;
  }): Promise<SandboxMessage[]> {
    const timeoutMs = input.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const messages = await this.getMessages({
        token: input.token,
        chatId: input.chatId,
        ...(input.threadId !== undefined ? { threadId: input.threadId } : {}),
      });
      if (input.until(messages)) return messages;
      if (Date.now() >= deadline) {
        throw new Error(
          `Timed out after ${timeoutMs}ms waiting for chat ${input.chatId} condition.\nChat:` +
            `${messages.length ? `\n${messages.map(describeMessage).join("\n")}` : " (empty)"}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, input.intervalMs ?? 25));
    }
  }

  /**
   * Queues a raw update, unchecked (U+0000, lone surrogates, odd shapes); update_id is assigned
   * unless given. Returns the update_id.
   */
  async injectUpdate(input: { token: string; update: Record<string, unknown> }): Promise<number> {
    return (await this.post<{ update_id: number }>("inject-update", input)).update_id;
  }

  /** Makes the next `count` calls of `method` (default: any but getUpdates) fail; default 429. */
  async failNext(input: FailNextOptions): Promise<void> {
    await this.post("fail-next", input);
  }

  /** Bot API calls the sandbox received from this bot, oldest first (optionally one method). */
  getCalls(input: { token: string; method?: string }): Promise<SandboxCall[]> {
    return this.post("calls", input);
  }

  /** How the bot answered a callback query (answerCallbackQuery text/alert); waitMs waits for it. */
  getCallbackAnswer(input: {
    token: string;
    callbackQueryId: string;
    waitMs?: number;
  }): Promise<SandboxCallbackAnswer> {
    return this.post("callback-answer", input);
  }

  /** Current reply keyboard, block status and last chat action of a chat. */
  getChatState(input: { token: string; chatId: number }): Promise<SandboxChatState> {
    return this.post("chat-state", input);
  }

  // ---- Supergroups and forum topics ----

  /**
   * Creates a supergroup owned by `owner` (its creator), with topics when isForum. The id is
   * Telegram-like (-100 and ten digits; pass `id` to choose one). Returns the Chat bots see:
   * { id, title, is_forum?: true, type: "supergroup" }. membersCanCreateTopics sets
   * ChatPermissions.can_manage_topics (default false: only administrators create topics).
   */
  createSupergroup(input: {
    title: string;
    owner: SandboxUser;
    isForum?: boolean;
    id?: number;
    membersCanCreateTopics?: boolean;
  }): Promise<TgChat> {
    return this.post("create-supergroup", input);
  }

  /**
   * Adds the bot to the supergroup (or changes its status): the bot gets my_chat_member and, when
   * it joins, the new_chat_members message. An administrator has can_manage_chat plus the
   * `rights` given (e.g. { can_manage_topics: true }); every other right is false. `from` (who
   * adds it) defaults to the owner.
   */
  addBotToSupergroup(input: {
    token: string;
    chatId: number;
    status?: "member" | "administrator";
    rights?: Partial<TgAdministratorRights>;
    from?: SandboxUser;
  }): Promise<{ update_id: number | null }> {
    return this.post("add-bot-to-supergroup", input);
  }

  /** Removes the bot (ban: true bans it): my_chat_member "left" / "kicked", then 403s on sends. */
  removeBotFromSupergroup(input: {
    token: string;
    chatId: number;
    ban?: boolean;
    from?: SandboxUser;
  }): Promise<{ update_id: number | null }> {
    return this.post("remove-bot-from-supergroup", input);
  }

  /**
   * A person joins the supergroup (new_chat_members, delivered to its bots) or, when already in
   * it, gets another status. Administrators may manage topics only with canManageTopics.
   */
  addSupergroupMember(input: {
    chatId: number;
    user: SandboxUser;
    status?: "member" | "administrator";
    canManageTopics?: boolean;
  }): Promise<{ message_id: number | null }> {
    return this.post("add-supergroup-member", input);
  }

  /** The supergroup as the sandbox knows it: chat, owner, members, bots with rights, topics. */
  getSupergroup(input: { chatId: number }): Promise<SandboxSupergroup> {
    return this.post("supergroup", input);
  }

  /** A person creates a forum topic in the app (forum_topic_created from them). */
  createForumTopic(input: {
    chatId: number;
    from: SandboxUser;
    name: string;
    iconColor?: number;
  }): Promise<TgForumTopic> {
    return this.post("create-forum-topic", input);
  }

  /** A person (topic creator or administrator with can_manage_topics) closes a topic. */
  closeForumTopic(input: {
    chatId: number;
    from: SandboxUser;
    threadId: number;
  }): Promise<{ message_id: number }> {
    return this.post("close-forum-topic", input);
  }

  reopenForumTopic(input: {
    chatId: number;
    from: SandboxUser;
    threadId: number;
  }): Promise<{ message_id: number }> {
    return this.post("reopen-forum-topic", input);
  }

  /**
   * The flood limit for one bot sending to one group: at most `messages` per `windowSeconds`
   * (default 60), else 429 with retry_after. Default 20 per 60 s; null turns it off. Kept across reset.
   */
  setGroupRateLimit(input: {
    messages: number | null;
    windowSeconds?: number;
  }): Promise<SandboxGroupRateLimit> {
    return this.post("set-group-rate-limit", input);
  }

  /**
   * The flood limit for one bot sending to one private chat: at most `messages` per `windowSeconds`
   * (default 1), else 429 with retry_after. Off by default (Telegram: "avoid sending more than one
   * message per second", short bursts tolerated); null turns it off again. Kept across reset.
   */
  setChatRateLimit(input: { messages: number | null; windowSeconds?: number }): Promise<SandboxRateLimit> {
    return this.post("set-chat-rate-limit", input);
  }

  /**
   * The flood limit for one bot across all its chats: at most `messages` per `windowSeconds` (default
   * 1), else 429. Off by default (Telegram: about 30 a second); null turns it off. Kept across reset.
   */
  setBotRateLimit(input: { messages: number | null; windowSeconds?: number }): Promise<SandboxRateLimit> {
    return this.post("set-bot-rate-limit", input);
  }

  /**
   * BotFather's /setprivacy (on by default). In privacy mode a bot that is not an administrator
   * gets only commands, replies to its messages and service messages from groups. Kept across reset.
   */
  setBotPrivacy(input: { token: string; enabled: boolean }): Promise<{ privacy_mode: boolean }> {
    return this.post("set-bot-privacy", input);
  }

  /** Clears chats, updates, callback queries, failures and call logs; keeps bots and webhooks. */
  async reset(): Promise<void> {
    await this.post("reset", {});
  }

  private post<T>(route: string, body: object): Promise<T> {
    return this.request(route, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      cache: "no-store",
    });
  }

  private async request<T>(route: string, init: RequestInit): Promise<T> {
    const response = await fetch(`${this.baseUrl}/sandbox/${route}`, init);
    const text = await response.text();
    const data: unknown = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const message = (data as { error?: string } | null)?.error ?? `HTTP ${response.status}`;
      throw new SandboxError(response.status, `telegram-sandbox /sandbox/${route}: ${message}`);
    }
    return data as T;
  }
}

const SERVICE_FIELDS = [
  "new_chat_members",
  "left_chat_member",
  "forum_topic_created",
  "forum_topic_edited",
  "forum_topic_closed",
  "forum_topic_reopened",
] as const;

function isServiceMessage(message: SandboxMessage): boolean {
  return SERVICE_FIELDS.some((field) => message[field] !== undefined);
}

function describeMessage(message: SandboxMessage): string {
  const who = message.from_bot ? "bot " : "user";
  const service = SERVICE_FIELDS.find((field) => message[field] !== undefined);
  const topic = message.message_thread_id !== undefined ? ` [topic ${message.message_thread_id}]` : "";
  const body =
    (service ? `[${service}]` : undefined) ??
    message.text ??
    (message.media
      ? `[${message.media.kind}]${message.caption !== undefined ? ` ${message.caption}` : ""}`
      : undefined) ??
    (message.contact ? `[contact ${message.contact.phone_number}]` : "[?]");
  const markup = message.reply_markup;
  const buttons =
    markup && "inline_keyboard" in markup
      ? ` [buttons: ${markup.inline_keyboard
          .flat()
          .map((b) => b.text)
          .join(", ")}]`
      : "";
  return `  #${message.message_id}${topic} ${who}: ${JSON.stringify(body)}${message.edited ? " (edited)" : ""}${buttons}`;
}
