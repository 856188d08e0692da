// Supergroups (with or without forum topics): who is in them, the rights of their bots and
// members, their topics, and which bots get which messages. One ChatState per supergroup is
// shared by every bot in it, so message ids are the group's own counter, as in Telegram.

import { type BotState, type ChatState, type Store, type StoredMessage, toTgMessage } from "./store";
import type { TgAdministratorRights, TgChatMember, TgUser } from "./types";

export type BotStatus = "administrator" | "member" | "left" | "kicked";
export type UserStatus = "creator" | "administrator" | "member" | "left" | "kicked";

export interface BotMembership {
  status: BotStatus;
  /** Administrator rights; null unless the bot is an administrator. */
  rights: TgAdministratorRights | null;
}

export interface UserMembership {
  user: TgUser;
  status: UserStatus;
  /** Administrators only: may create, rename, close and reopen topics. */
  canManageTopics: boolean;
}

export interface TopicState {
  threadId: number;
  name: string;
  iconColor: number;
  closed: boolean;
  /** The user or bot that created the topic (it may rename, close and reopen it without rights). */
  creatorId: number;
}

/** The six colors createForumTopic accepts (Bot API docs: "Currently, must be one of ..."). */
export const TOPIC_ICON_COLORS = [7322096, 16766590, 13338331, 9367192, 16749490, 16478047] as const;

export const NO_RIGHTS: TgAdministratorRights = {
  is_anonymous: false,
  can_manage_chat: false,
  can_delete_messages: false,
  can_manage_video_chats: false,
  can_restrict_members: false,
  can_promote_members: false,
  can_change_info: false,
  can_invite_users: false,
  can_post_stories: false,
  can_edit_stories: false,
  can_delete_stories: false,
  can_pin_messages: false,
  can_manage_topics: false,
};

export class SupergroupInfo {
  readonly members = new Map<number, UserMembership>();
  readonly bots = new Map<number, BotMembership>();
  readonly topics = new Map<number, TopicState>();
  /** What members who are not administrators may do. */
  permissions = { can_send_messages: true, can_manage_topics: false };
  /** The last bot that sent a message: in privacy mode, general commands (/start) go to it. */
  lastBotSenderId: number | null = null;

  constructor(readonly owner: TgUser) {
    this.members.set(owner.id, { user: owner, status: "creator", canManageTopics: true });
  }

  botStatus(botId: number): BotStatus | undefined {
    return this.bots.get(botId)?.status;
  }

  isActiveBot(botId: number): boolean {
    const status = this.botStatus(botId);
    return status === "member" || status === "administrator";
  }

  /** An administrator right of a bot (false for members and bots that left). */
  botHasRight(botId: number, right: keyof TgAdministratorRights): boolean {
    const membership = this.bots.get(botId);
    return membership?.status === "administrator" && membership.rights?.[right] === true;
  }

  /** TDLib's can_create_topics: administrators with can_manage_topics, or anyone if members may. */
  botCanCreateTopics(botId: number): boolean {
    return this.botHasRight(botId, "can_manage_topics") || this.permissions.can_manage_topics;
  }

  isActiveUser(userId: number): boolean {
    const status = this.members.get(userId)?.status;
    return status === "creator" || status === "administrator" || status === "member";
  }

  userCanManageTopics(userId: number): boolean {
    const member = this.members.get(userId);
    return member?.status === "creator" || (member?.status === "administrator" && member.canManageTopics);
  }
}

/** A bot as ChatMember, with its rights when it is an administrator. */
export function botChatMember(bot: BotState, membership: BotMembership | undefined): TgChatMember {
  const user = bot.sender;
  switch (membership?.status) {
    case "administrator":
      return { user, status: "administrator", can_be_edited: false, ...(membership.rights ?? NO_RIGHTS) };
    case "member":
      return { user, status: "member" };
    case "kicked":
      return { user, status: "kicked", until_date: 0 };
    default:
      return { user, status: "left" };
  }
}

/** A person as ChatMember (administrators show the topic right the sandbox models). */
export function userChatMember(member: UserMembership): TgChatMember {
  const { user, status } = member;
  switch (status) {
    case "creator":
      return { user, status, is_anonymous: false };
    case "administrator":
      return {
        user,
        status,
        can_be_edited: false,
        ...NO_RIGHTS,
        can_manage_chat: true,
        can_manage_topics: member.canManageTopics,
      };
    case "kicked":
      return { user, status, until_date: 0 };
    default:
      return { user, status };
  }
}

/**
 * Whether a bot gets a message posted in the group. Administrators, and bots whose privacy mode
 * is off, get everything; in privacy mode a bot gets (Bot API features#privacy-mode, bots FAQ):
 * service messages, commands naming it ("/cmd@this_bot"), general commands ("/cmd") when it was
 * the last bot to send a message to the group, and replies to its own messages. Messages from
 * bots never reach other bots ("bots will not be able to see messages from other bots").
 */
export function botReceives(bot: BotState, chat: ChatState, message: StoredMessage): boolean {
  const info = chat.supergroup;
  const membership = info?.bots.get(bot.id);
  if (!info || !membership) return false;
  if (membership?.status !== "member" && membership?.status !== "administrator") return false;
  if (message.fromBot) return message.from.id === bot.id && message.service !== undefined;
  if (message.service) return true;
  if (membership.status === "administrator" || !bot.privacyMode) return true;
  const command = message.text?.match(/^\/[A-Za-z0-9_]{1,32}(?:@([A-Za-z0-9_]+))?(?![A-Za-z0-9_@])/);
  if (command) {
    const addressee = command[1];
    return addressee !== undefined
      ? addressee.toLowerCase() === bot.username.toLowerCase()
      : info.lastBotSenderId === bot.id;
  }
  const replied = message.replyToMessageId !== undefined ? chat.get(message.replyToMessageId) : undefined;
  return replied?.fromBot === true && replied.from.id === bot.id;
}

/**
 * Queues the message for every bot of the group that gets it (see botReceives). Returns the
 * update ids per bot id (null when the bot's allowed_updates filtered it out).
 */
export function deliverToGroupBots(
  store: Store,
  chat: ChatState,
  message: StoredMessage,
): Map<number, number | null> {
  const delivered = new Map<number, number | null>();
  for (const bot of store.bots.values()) {
    if (!botReceives(bot, chat, message)) continue;
    const update = bot.updates.push({ message: toTgMessage(chat, message) });
    delivered.set(bot.id, update?.update_id ?? null);
  }
  store.changes.notify();
  return delivered;
}

/** Posts a service message (topic created/closed, member added...) and delivers it. */
export function postServiceMessage(
  store: Store,
  chat: ChatState,
  input: {
    from: TgUser;
    fromBot: boolean;
    service: NonNullable<StoredMessage["service"]>;
    threadId?: number;
  },
): StoredMessage {
  const message = chat.add({
    fromBot: input.fromBot,
    from: input.from,
    service: input.service,
    ...(input.threadId !== undefined ? { threadId: input.threadId } : {}),
  });
  deliverToGroupBots(store, chat, message);
  return message;
}

/**
 * Creates a forum topic: its creation message (forum_topic_created) is the topic's first message
 * and its id is the topic's message_thread_id; the message is itself in the topic.
 */
export function createTopic(
  store: Store,
  chat: ChatState,
  creator: { from: TgUser; fromBot: boolean },
  name: string,
  iconColor: number,
): TopicState {
  const info = chat.supergroup;
  if (!info) throw new Error("createTopic needs a supergroup");
  const message = chat.add({
    fromBot: creator.fromBot,
    from: creator.from,
    service: { forum_topic_created: { name, icon_color: iconColor } },
  });
  message.threadId = message.messageId;
  const topic: TopicState = {
    threadId: message.messageId,
    name,
    iconColor,
    closed: false,
    creatorId: creator.from.id,
  };
  info.topics.set(topic.threadId, topic);
  deliverToGroupBots(store, chat, message);
  return topic;
}

/** The next free supergroup id: -100 followed by ten digits, as Telegram's are. */
export function nextSupergroupId(store: Store): number {
  const taken = (id: number) =>
    store.supergroups.has(id) || [...store.bots.values()].some((bot) => bot.chats.has(id));
  let id = -1001000000001;
  while (taken(id)) id -= 1;
  return id;
}
