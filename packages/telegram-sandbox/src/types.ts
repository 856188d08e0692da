// Shared type declarations. This module holds NO runtime code so that the control client
// (imported from Next.js server components) can `import type` from it without pulling in node:*.

// ---- Telegram Bot API shapes (only the parts the sandbox produces or validates) ----

export interface TgUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface TgBotUser extends TgUser {
  can_join_groups: boolean;
  can_read_all_group_messages: boolean;
  supports_inline_queries: boolean;
  can_connect_to_business: boolean;
  has_main_web_app: boolean;
}

export interface TgChat {
  id: number;
  type: "private" | "group" | "supergroup";
  title?: string;
  first_name?: string;
  last_name?: string;
  username?: string;
  /** Present (true) only for supergroups with topics enabled, as the Bot API sends it. */
  is_forum?: true;
}

export interface TgMessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  user?: TgUser;
  language?: string;
  custom_emoji_id?: string;
}

export interface InlineKeyboardButton {
  text: string;
  url?: string;
  callback_data?: string;
  web_app?: { url: string };
  login_url?: LoginUrl;
  switch_inline_query?: string;
  switch_inline_query_current_chat?: string;
  switch_inline_query_chosen_chat?: unknown;
  copy_text?: { text: string };
  callback_game?: unknown;
  pay?: boolean;
}

/** Seamless login button target; the URL's host must be the domain linked to the bot (/setdomain). */
export interface LoginUrl {
  url: string;
  forward_text?: string;
  bot_username?: string;
  request_write_access?: boolean;
}

export interface InlineKeyboardMarkup {
  inline_keyboard: InlineKeyboardButton[][];
}

export interface KeyboardButton {
  text: string;
  request_contact?: boolean;
  request_location?: boolean;
  request_poll?: unknown;
  request_users?: unknown;
  request_chat?: unknown;
  web_app?: { url: string };
}

export interface ReplyKeyboardMarkup {
  // Telegram accepts plain strings as shorthand for { text }.
  keyboard: Array<Array<KeyboardButton | string>>;
  is_persistent?: boolean;
  resize_keyboard?: boolean;
  one_time_keyboard?: boolean;
  input_field_placeholder?: string;
  selective?: boolean;
}

export interface ReplyKeyboardRemove {
  remove_keyboard: true;
  selective?: boolean;
}

export interface ForceReply {
  force_reply: true;
  input_field_placeholder?: string;
  selective?: boolean;
}

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

export interface TgPhotoSize {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  file_size?: number;
}

export interface TgDocument {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size?: number;
}

export interface TgVideo {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  duration: number;
  file_name?: string;
  mime_type?: string;
  file_size?: number;
}

/** An animation carries the same fields as a video. */
export type TgAnimation = TgVideo;

export interface TgAudio {
  file_id: string;
  file_unique_id: string;
  duration: number;
  performer?: string;
  title?: string;
  file_name?: string;
  mime_type?: string;
  file_size?: number;
}

export interface TgVoice {
  file_id: string;
  file_unique_id: string;
  duration: number;
  mime_type?: string;
  file_size?: number;
}

export interface TgContact {
  phone_number: string;
  first_name: string;
  last_name?: string;
  /** The contact's Telegram user id; absent for people not on Telegram. */
  user_id?: number;
  vcard?: string;
}

/** The icon colors Telegram allows for forum topics (createForumTopic `icon_color`). */
export type TgForumTopicIconColor = 7322096 | 16766590 | 13338331 | 9367192 | 16749490 | 16478047;

export interface TgForumTopic {
  message_thread_id: number;
  name: string;
  icon_color: number;
  icon_custom_emoji_id?: string;
}

export interface TgMessage {
  message_id: number;
  from?: TgUser;
  chat: TgChat;
  date: number;
  edit_date?: number;
  /** The forum topic (its creation message id) the message belongs to. */
  message_thread_id?: number;
  reply_to_message?: TgMessage;
  text?: string;
  entities?: TgMessageEntity[];
  caption?: string;
  caption_entities?: TgMessageEntity[];
  photo?: TgPhotoSize[];
  /** Also set for animations, as Telegram does for backward compatibility. */
  document?: TgDocument;
  video?: TgVideo;
  audio?: TgAudio;
  voice?: TgVoice;
  animation?: TgAnimation;
  contact?: TgContact;
  link_preview_options?: unknown;
  new_chat_members?: TgUser[];
  new_chat_member?: TgUser;
  new_chat_participant?: TgUser;
  left_chat_member?: TgUser;
  left_chat_participant?: TgUser;
  forum_topic_created?: { name: string; icon_color: number; icon_custom_emoji_id?: string };
  forum_topic_edited?: { name?: string; icon_custom_emoji_id?: string };
  forum_topic_closed?: Record<string, never>;
  forum_topic_reopened?: Record<string, never>;
  reply_markup?: InlineKeyboardMarkup;
  /** true for every message in a forum topic, the topic's creation message included. */
  is_topic_message?: true;
}

/** ChatAdministratorRights as the Bot API lists them for supergroups. */
export interface TgAdministratorRights {
  is_anonymous: boolean;
  can_manage_chat: boolean;
  can_delete_messages: boolean;
  can_manage_video_chats: boolean;
  can_restrict_members: boolean;
  can_promote_members: boolean;
  can_change_info: boolean;
  can_invite_users: boolean;
  can_post_stories: boolean;
  can_edit_stories: boolean;
  can_delete_stories: boolean;
  can_pin_messages: boolean;
  can_manage_topics: boolean;
}

export type TgChatMember =
  | { user: TgUser; status: "creator"; is_anonymous: boolean }
  | ({ user: TgUser; status: "administrator"; can_be_edited: boolean } & TgAdministratorRights)
  | { user: TgUser; status: "member" }
  | { user: TgUser; status: "left" }
  | { user: TgUser; status: "kicked"; until_date: number };

export interface TgUpdate {
  update_id: number;
  message?: TgMessage;
  edited_message?: TgMessage;
  callback_query?: {
    id: string;
    from: TgUser;
    message?: TgMessage;
    chat_instance: string;
    data?: string;
  };
  my_chat_member?: {
    chat: TgChat;
    from: TgUser;
    date: number;
    old_chat_member: TgChatMember;
    new_chat_member: TgChatMember;
  };
}

export interface TgBotCommand {
  command: string;
  description: string;
}

// ---- Sandbox control API shapes ----

/** A simulated Telegram user (the human side of a chat). */
export interface SandboxUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  /** Profile photo URL; only used in login_url authorization data, as Telegram sends it there. */
  photo_url?: string;
}

export interface SandboxBotInfo {
  id: number;
  username: string;
  firstName: string;
  token: string;
}

/** One message of a chat as the sandbox sees it, in either direction, with edits applied. */
export interface SandboxMessage {
  message_id: number;
  chat_id: number;
  /** true when the bot sent it, false when the simulated user did. */
  from_bot: boolean;
  from: TgUser;
  date: number;
  edited: boolean;
  edit_date?: number;
  text?: string;
  entities?: TgMessageEntity[];
  caption?: string;
  caption_entities?: TgMessageEntity[];
  /** Any markup the bot attached, including reply keyboards (which Telegram does not echo back). */
  reply_markup?: ReplyMarkup;
  reply_to_message_id?: number;
  photo?: TgPhotoSize[];
  document?: TgDocument;
  video?: TgVideo;
  audio?: TgAudio;
  voice?: TgVoice;
  animation?: TgAnimation;
  /** A summary of the media the bot sent (any kind), for simple assertions. */
  media?: SandboxMedia;
  contact?: TgContact;
  /** The forum topic the message is in (supergroups with topics). */
  message_thread_id?: number;
  is_topic_message?: true;
  /** Service messages, with Telegram's field names. */
  new_chat_members?: TgUser[];
  left_chat_member?: TgUser;
  forum_topic_created?: { name: string; icon_color: number; icon_custom_emoji_id?: string };
  forum_topic_edited?: { name?: string; icon_custom_emoji_id?: string };
  forum_topic_closed?: Record<string, never>;
  forum_topic_reopened?: Record<string, never>;
}

/** One event of the bot-message stream: a message a bot just sent, and which bot sent it. */
export interface SandboxBotMessage extends SandboxMessage {
  bot_id: number;
}

/** A supergroup as the control API shows it: who is in it, its bots' rights and its topics. */
export interface SandboxSupergroup {
  chat: TgChat;
  owner: TgUser;
  members: Array<{
    user: TgUser;
    status: "creator" | "administrator" | "member" | "left" | "kicked";
    can_manage_topics: boolean;
  }>;
  bots: Array<{
    id: number;
    username: string;
    status: "administrator" | "member" | "left" | "kicked";
    rights: TgAdministratorRights | null;
  }>;
  topics: SandboxForumTopic[];
  /** What members who are not administrators may do (ChatPermissions subset the sandbox models). */
  permissions: { can_send_messages: boolean; can_manage_topics: boolean };
}

export interface SandboxForumTopic {
  message_thread_id: number;
  name: string;
  icon_color: number;
  is_closed: boolean;
  /** The user or bot that created the topic. */
  creator_id: number;
}

/** A flood limit the sandbox enforces on bots: at most `messages` sends within any `windowSeconds`. */
export interface SandboxRateLimit {
  /** null = no limit. */
  messages: number | null;
  windowSeconds: number;
}

/** The per-group flood limit the sandbox enforces on bots (Telegram: about 20 messages a minute). */
export type SandboxGroupRateLimit = SandboxRateLimit;

export type SandboxMediaKind = "photo" | "document" | "video" | "audio" | "voice" | "animation";

/** The media of a message as tests want to check it, whatever its kind. */
export interface SandboxMedia {
  kind: SandboxMediaKind;
  /** How the bot gave the file: a multipart upload, an HTTP URL, or a file_id it had received. */
  source: "upload" | "url" | "file_id";
  /** The HTTP URL, when source is "url". */
  url?: string;
  /** For photos, the largest size. */
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size?: number;
  width?: number;
  height?: number;
  duration?: number;
  performer?: string;
  title?: string;
}

export interface SandboxCall {
  method: string;
  params: Record<string, unknown>;
  ok: boolean;
  error_code?: number;
  description?: string;
  /** Epoch milliseconds when the request was received. */
  at: number;
  /** Present (true) while the call is still in progress, e.g. a waiting long poll; ok is false until done. */
  pending?: true;
  /** How long the call took, once finished. */
  duration_ms?: number;
  /** true when the call arrived as a webhook reply (method in the webhook response body). */
  via_webhook_reply?: boolean;
}

export interface SandboxCallbackAnswer {
  answered: boolean;
  text?: string;
  show_alert?: boolean;
  url?: string;
}

/** The fields Telegram appends to a login URL (Login Widget / login_url authorization data). */
export interface TelegramLoginData {
  id: number | string;
  first_name: string;
  last_name?: string;
  username?: string;
  photo_url?: string;
  auth_date: number | string;
  hash: string;
}

/** What pressing a login_url button does in the Telegram app. */
export interface SandboxLoginButtonResult {
  /** What the app opens: login_url.url plus the signed fields, or the bare URL when declined. */
  url: string;
  /** false when the user declined to log in (the app then opens login_url.url unchanged). */
  authorized: boolean;
  /** The signed fields appended to the URL (absent when declined). */
  data?: TelegramLoginData;
  /** The bot whose token signs the data (login_url.bot_username, else the sender). */
  bot_username: string;
  request_write_access: boolean;
}
