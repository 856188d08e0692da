// The in-memory world: bots, their chats and messages, callback queries, injected failures and
// the call log. Pure state plus small helpers; no HTTP and no Telegram validation here.

import { randomBytes } from "node:crypto";
import { FileStore } from "./files";
import { Notifier } from "./notifier";
import type { SupergroupInfo } from "./supergroup";
import type {
  ReplyKeyboardMarkup,
  ReplyMarkup,
  SandboxCall,
  SandboxGroupRateLimit,
  SandboxMedia,
  SandboxMediaKind,
  SandboxMessage,
  SandboxRateLimit,
  TgAnimation,
  TgAudio,
  TgBotCommand,
  TgBotUser,
  TgChat,
  TgContact,
  TgDocument,
  TgMessage,
  TgMessageEntity,
  TgPhotoSize,
  TgUser,
  TgVideo,
  TgVoice,
} from "./types";
import { UpdateQueue } from "./update-queue";

export const TOKEN_PATTERN = /^(\d+):[A-Za-z0-9_-]{30,}$/;
/** Calls kept per bot; older ones are dropped so a long demo cannot grow memory forever. */
const CALL_LOG_LIMIT = 2000;

export interface StoredMessage {
  messageId: number;
  fromBot: boolean;
  from: TgUser;
  date: number;
  editDate?: number;
  deleted: boolean;
  text?: string;
  entities?: TgMessageEntity[];
  caption?: string;
  captionEntities?: TgMessageEntity[];
  replyMarkup?: ReplyMarkup;
  replyToMessageId?: number;
  photo?: TgPhotoSize[];
  document?: TgDocument;
  video?: TgVideo;
  audio?: TgAudio;
  voice?: TgVoice;
  animation?: TgAnimation;
  /** Which media field holds the file and how the bot supplied it (control API only). */
  media?: SentMedia;
  contact?: TgContact;
  linkPreviewOptions?: unknown;
  /** The forum topic (id of its creation message) the message is in; every topic message has it. */
  threadId?: number;
  /** Service message content, with Telegram's field names (forum_topic_created, new_chat_members...). */
  service?: ServiceContent;
}

export type ServiceContent = Pick<
  TgMessage,
  | "new_chat_members"
  | "left_chat_member"
  | "forum_topic_created"
  | "forum_topic_edited"
  | "forum_topic_closed"
  | "forum_topic_reopened"
>;

export interface SentMedia {
  kind: SandboxMediaKind;
  source: SandboxMedia["source"];
  url?: string;
}

export type NewMessage = Omit<StoredMessage, "messageId" | "date" | "deleted">;

export class ChatState {
  /** Message ids are shared by both directions, like Telegram's per-chat counter. */
  private nextMessageId = 1;
  private readonly messages = new Map<number, StoredMessage>();
  blocked = false;
  /** The reply keyboard currently shown to the user (set by the bot, cleared by ReplyKeyboardRemove). */
  replyKeyboard: ReplyKeyboardMarkup | null = null;
  lastChatAction: { action: string; at: number } | null = null;
  /** Kept across restarts (persistence.ts) like everything a bot may have seen. */
  chatInstance = BigInt.asIntN(64, randomBytes(8).readBigUInt64BE()).toString();
  /** When each bot sent its recent messages here (epoch ms), for the group and chat flood limits. */
  readonly sendTimes = new Map<number, number[]>();

  sendTimesOf(botId: number): number[] {
    let times = this.sendTimes.get(botId);
    if (!times) {
      times = [];
      this.sendTimes.set(botId, times);
    }
    return times;
  }

  /** Members, bots, rights and topics; only for supergroups made with the control API. */
  constructor(
    public chat: TgChat,
    readonly supergroup?: SupergroupInfo,
  ) {}

  add(input: NewMessage): StoredMessage {
    const message: StoredMessage = {
      ...input,
      messageId: this.nextMessageId++,
      date: nowSeconds(),
      deleted: false,
    };
    this.messages.set(message.messageId, message);
    return message;
  }

  /** A live (not deleted) message by id. */
  get(messageId: number): StoredMessage | undefined {
    const message = this.messages.get(messageId);
    return message && !message.deleted ? message : undefined;
  }

  list(): StoredMessage[] {
    return [...this.messages.values()].filter((m) => !m.deleted);
  }

  /** Every message (deleted ones too) and the next id, for persistence.ts. */
  saved(): { nextMessageId: number; messages: StoredMessage[] } {
    return { nextMessageId: this.nextMessageId, messages: [...this.messages.values()] };
  }

  /** Puts back what saved() returned (a sandbox restart). */
  restoreMessages(nextMessageId: number, messages: StoredMessage[]): void {
    this.messages.clear();
    for (const m of messages) this.messages.set(m.messageId, m);
    this.nextMessageId = Math.max(nextMessageId, ...messages.map((m) => m.messageId + 1), 1);
  }

  /** Messages newer than afterMessageId, optionally only those of one forum topic. */
  listAfter(afterMessageId: number, threadId?: number): StoredMessage[] {
    return this.list().filter(
      (m) => m.messageId > afterMessageId && (threadId === undefined || m.threadId === threadId),
    );
  }
}

export interface CallbackQueryState {
  id: string;
  chatId: number;
  messageId: number;
  createdAt: number;
  answer?: { text?: string; show_alert?: boolean; url?: string };
}

export interface FailureRule {
  /** Lower-cased method name; undefined = any method except getUpdates. */
  method?: string;
  errorCode: number;
  description: string;
  retryAfter?: number;
  remaining: number;
}

export interface WebhookState {
  url: string;
  secretToken?: string;
  maxConnections: number;
  ipAddress?: string;
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

export class BotState {
  readonly id: number;
  readonly updates = new UpdateQueue();
  readonly chats = new Map<number, ChatState>();
  readonly callbackQueries = new Map<string, CallbackQueryState>();
  /** Keyed by JSON of { scope, language_code } as Telegram keeps one list per pair. */
  readonly commands = new Map<string, TgBotCommand[]>();
  failures: FailureRule[] = [];
  calls: SandboxCall[] = [];
  /** When this bot sent its recent messages, any chat (epoch ms), for the per-bot flood limit. */
  sendTimes: number[] = [];
  webhook: WebhookState | null = null;
  /** The website domain linked with BotFather's /setdomain; login_url buttons must point to it. */
  linkedDomain: string | null = null;
  /** BotFather's /setprivacy; on by default, as for every new bot. Kept across reset. */
  privacyMode = true;

  constructor(
    readonly token: string,
    public username: string,
    public firstName: string,
  ) {
    this.id = Number(token.split(":")[0]);
  }

  get user(): TgBotUser {
    return {
      id: this.id,
      is_bot: true,
      first_name: this.firstName,
      username: this.username,
      can_join_groups: true,
      can_read_all_group_messages: !this.privacyMode,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
    };
  }

  /** The bot as it appears in Message.from (only the User fields). */
  get sender(): TgUser {
    return { id: this.id, is_bot: true, first_name: this.firstName, username: this.username };
  }

  logCall(call: SandboxCall): void {
    this.calls.push(call);
    if (this.calls.length > CALL_LOG_LIMIT) this.calls.splice(0, this.calls.length - CALL_LOG_LIMIT);
  }

  /** Consumes and returns the first failure rule matching this call, if any. */
  takeFailure(method: string): FailureRule | undefined {
    const lower = method.toLowerCase();
    const rule = this.failures.find((r) =>
      r.method === undefined ? lower !== "getupdates" : r.method === lower,
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.failures = this.failures.filter((r) => r !== rule);
    return rule;
  }

  reset(): void {
    this.updates.clear();
    this.chats.clear();
    this.callbackQueries.clear();
    this.failures = [];
    this.calls = [];
    this.sendTimes = [];
  }
}

export type BotMessageListener = (bot: BotState, chat: ChatState, message: StoredMessage) => void;

/** Telegram's Bots FAQ: "your bot will not be able to send more than 20 messages per minute to the same group". */
export const DEFAULT_GROUP_RATE_LIMIT: SandboxGroupRateLimit = { messages: 20, windowSeconds: 60 };
/** Off unless a test asks: Telegram tolerates short bursts in a chat, and older tests send freely. */
export const DEFAULT_CHAT_RATE_LIMIT: SandboxRateLimit = { messages: null, windowSeconds: 1 };
export const DEFAULT_BOT_RATE_LIMIT: SandboxRateLimit = { messages: null, windowSeconds: 1 };

export class Store {
  readonly bots = new Map<string, BotState>();
  /** Supergroups made with the control API, shared by every bot in them (one message id counter). */
  readonly supergroups = new Map<number, ChatState>();
  /** Flood limit for bots sending to one group; kept across reset. */
  groupRateLimit: SandboxGroupRateLimit = { ...DEFAULT_GROUP_RATE_LIMIT };
  /** Flood limit for one bot sending to one private chat; kept across reset. */
  chatRateLimit: SandboxRateLimit = { ...DEFAULT_CHAT_RATE_LIMIT };
  /** Flood limit for one bot across all its chats; kept across reset. */
  botRateLimit: SandboxRateLimit = { ...DEFAULT_BOT_RATE_LIMIT };
  readonly files = new FileStore();
  /** Fired on every chat change so control long-polls (getMessages waitMs) can re-check. */
  readonly changes = new Notifier();
  private readonly pushListeners = new Set<(bot: BotState) => void>();
  private readonly botMessageListeners = new Set<BotMessageListener>();

  /** Idempotent per token: registering again returns the existing bot unchanged. */
  registerBot(token: string, username: string, firstName?: string): BotState {
    const existing = this.bots.get(token);
    if (existing) return existing;
    const name = username.replace(/^@/, "");
    const bot = new BotState(token, name, firstName ?? name);
    bot.updates.onPush(() => {
      for (const listener of this.pushListeners) listener(bot);
    });
    this.bots.set(token, bot);
    return bot;
  }

  /** A registered bot by @username (case-insensitive, like Telegram usernames). */
  botByUsername(username: string): BotState | undefined {
    const wanted = username.replace(/^@/, "").toLowerCase();
    return [...this.bots.values()].find((bot) => bot.username.toLowerCase() === wanted);
  }

  /** Called whenever any bot gets a new update (webhook delivery listens). */
  onUpdatePushed(listener: (bot: BotState) => void): void {
    this.pushListeners.add(listener);
  }

  /**
   * Subscribe to every new message a bot sends (the control API's bot-message stream). Unlike
   * `changes`, a listener is told exactly what was added, so a load generator watching thousands of
   * chats costs one call per message instead of re-checking every chat on every change.
   */
  onBotMessage(listener: BotMessageListener): () => void {
    this.botMessageListeners.add(listener);
    return () => this.botMessageListeners.delete(listener);
  }

  botMessageAdded(bot: BotState, chat: ChatState, message: StoredMessage): void {
    for (const listener of this.botMessageListeners) listener(bot, chat, message);
  }

  /** The chat a bot means by chat_id: its own private/basic group chat, else a supergroup. */
  chatFor(bot: BotState, chatId: number): ChatState | undefined {
    return bot.chats.get(chatId) ?? this.supergroups.get(chatId);
  }

  reset(): void {
    for (const bot of this.bots.values()) bot.reset();
    this.supergroups.clear();
    this.changes.notify();
  }
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Serialises a stored message as the Bot API Message object (what bots receive). */
export function toTgMessage(chat: ChatState, message: StoredMessage, withReply = true): TgMessage {
  const replyId = withReply ? replyToMessageId(message) : undefined;
  const replied = replyId !== undefined ? chat.get(replyId) : undefined;
  const out: TgMessage = {
    message_id: message.messageId,
    from: message.from,
    chat: chat.chat,
    date: message.date,
  };
  if (message.editDate !== undefined) out.edit_date = message.editDate;
  if (message.threadId !== undefined) out.message_thread_id = message.threadId;
  if (replied) out.reply_to_message = toTgMessage(chat, replied, false);
  if (message.text !== undefined) out.text = message.text;
  if (message.entities?.length) out.entities = message.entities;
  copyMedia(message, out);
  if (message.caption !== undefined) out.caption = message.caption;
  if (message.captionEntities?.length) out.caption_entities = message.captionEntities;
  if (message.contact) out.contact = message.contact;
  if (message.linkPreviewOptions !== undefined) out.link_preview_options = message.linkPreviewOptions;
  if (message.service) Object.assign(out, serviceFields(message.service));
  // Telegram only echoes inline keyboards back; reply keyboards are not part of Message.
  if (message.replyMarkup && "inline_keyboard" in message.replyMarkup) out.reply_markup = message.replyMarkup;
  if (message.threadId !== undefined) out.is_topic_message = true;
  return out;
}

/**
 * The message a Message.reply_to_message shows: the explicit reply, else, in a forum topic, the
 * topic's creation message, as the Bot API server adds it (Client.cpp
 * get_same_chat_reply_to_message_id: the thread id when it is below the message's own id).
 */
function replyToMessageId(message: StoredMessage): number | undefined {
  if (message.replyToMessageId !== undefined) return message.replyToMessageId;
  if (message.threadId !== undefined && message.threadId < message.messageId) return message.threadId;
  return undefined;
}

/** Service fields plus the legacy duplicates the Bot API still sends (new_chat_member, ...). */
function serviceFields(service: ServiceContent): Partial<TgMessage> {
  const out: Partial<TgMessage> = { ...service };
  const added = service.new_chat_members?.[0];
  if (added) {
    out.new_chat_participant = added;
    out.new_chat_member = added;
  }
  if (service.left_chat_member) out.left_chat_participant = service.left_chat_member;
  return out;
}

/** Serialises a stored message for the control API (test-facing view, both directions). */
export function toSandboxMessage(chat: ChatState, message: StoredMessage): SandboxMessage {
  const out: SandboxMessage = {
    message_id: message.messageId,
    chat_id: chat.chat.id,
    from_bot: message.fromBot,
    from: message.from,
    date: message.date,
    edited: message.editDate !== undefined,
  };
  if (message.editDate !== undefined) out.edit_date = message.editDate;
  if (message.text !== undefined) out.text = message.text;
  if (message.entities?.length) out.entities = message.entities;
  if (message.caption !== undefined) out.caption = message.caption;
  if (message.captionEntities?.length) out.caption_entities = message.captionEntities;
  if (message.replyMarkup) out.reply_markup = message.replyMarkup;
  if (message.replyToMessageId !== undefined) out.reply_to_message_id = message.replyToMessageId;
  copyMedia(message, out);
  const media = mediaSummary(message);
  if (media) out.media = media;
  if (message.contact) out.contact = message.contact;
  if (message.threadId !== undefined) {
    out.message_thread_id = message.threadId;
    out.is_topic_message = true;
  }
  if (message.service) Object.assign(out, message.service);
  return out;
}

function copyMedia(message: StoredMessage, out: TgMessage | SandboxMessage): void {
  if (message.photo) out.photo = message.photo;
  if (message.document) out.document = message.document;
  if (message.video) out.video = message.video;
  if (message.audio) out.audio = message.audio;
  if (message.voice) out.voice = message.voice;
  if (message.animation) out.animation = message.animation;
}

function mediaSummary(message: StoredMessage): SandboxMedia | undefined {
  const media = message.media;
  if (!media) return undefined;
  const file =
    media.kind === "photo"
      ? message.photo?.[message.photo.length - 1]
      : (message[media.kind] as object | undefined);
  if (!file) return undefined;
  return {
    kind: media.kind,
    source: media.source,
    ...(media.url ? { url: media.url } : {}),
    ...file,
  } as SandboxMedia;
}
