// Control actions on supergroups: create one, put bots and people in it (with rights), let
// people create, close and reopen forum topics, and show the whole group to tests.

import { cleanTopicName } from "../bot-api/topic-name";
import { ControlError } from "../errors";
import { type BotState, ChatState, nowSeconds, type Store, toTgMessage } from "../store";
import {
  botChatMember,
  createTopic,
  NO_RIGHTS,
  nextSupergroupId,
  postServiceMessage,
  SupergroupInfo,
  TOPIC_ICON_COLORS,
  type TopicState,
} from "../supergroup";
import type {
  SandboxForumTopic,
  SandboxSupergroup,
  SandboxUser,
  TgAdministratorRights,
  TgChat,
  TgForumTopic,
} from "../types";
import { toUser } from "./user-actions";

/** Ids Telegram gives supergroups: -100 followed by ten digits. */
const MIN_SUPERGROUP_ID = -1_999_999_999_999;
const MAX_SUPERGROUP_ID = -1_000_000_000_001;

export interface CreateSupergroupInput {
  title: string;
  owner: SandboxUser;
  isForum?: boolean;
  id?: number;
  /** ChatPermissions.can_manage_topics for members: may they (and member bots) create topics. */
  membersCanCreateTopics?: boolean;
}

export interface AddBotInput {
  status?: "member" | "administrator";
  rights?: Partial<TgAdministratorRights>;
  /** Who adds the bot; default the group's owner. */
  from?: SandboxUser;
}

export class GroupActions {
  constructor(private readonly store: Store) {}

  createSupergroup(input: CreateSupergroupInput): TgChat {
    const title = input.title.trim();
    if (title === "" || [...title].length > 128)
      throw new ControlError(400, '"title" must be 1-128 characters');
    const id = input.id ?? nextSupergroupId(this.store);
    if (!Number.isSafeInteger(id) || id < MIN_SUPERGROUP_ID || id > MAX_SUPERGROUP_ID)
      throw new ControlError(
        400,
        `"id" must look like Telegram's supergroup ids (-100 and ten digits), got ${id}`,
      );
    if (this.store.supergroups.has(id)) throw new ControlError(409, `supergroup ${id} already exists`);
    if ([...this.store.bots.values()].some((bot) => bot.chats.has(id)))
      throw new ControlError(
        409,
        `chat ${id} already exists as a basic group (made by sendText with that chatId)`,
      );
    const chat: TgChat = {
      id,
      title,
      ...(input.isForum ? { is_forum: true as const } : {}),
      type: "supergroup",
    };
    const info = new SupergroupInfo(toUser(input.owner));
    info.permissions.can_manage_topics = input.membersCanCreateTopics === true;
    this.store.supergroups.set(id, new ChatState(chat, info));
    this.store.changes.notify();
    return chat;
  }

  /** The bot joins (or gets new rights): my_chat_member for it, and new_chat_members when it joins. */
  addBot(bot: BotState, chatId: number, input: AddBotInput): { update_id: number | null } {
    const chat = this.supergroup(chatId);
    const info = this.info(chat);
    const from = toUser(input.from ?? info.owner);
    const status = input.status ?? "member";
    if (!info.isActiveUser(from.id))
      throw new ControlError(403, `user ${from.id} is not a member of supergroup ${chatId}`);
    const adder = info.members.get(from.id);
    if (status === "administrator" && adder?.status !== "creator" && adder?.status !== "administrator")
      throw new ControlError(403, `user ${from.id} is not an administrator and cannot promote bots`);
    const old = info.bots.get(bot.id);
    const rights: TgAdministratorRights | null =
      status === "administrator" ? { ...NO_RIGHTS, can_manage_chat: true, ...input.rights } : null;
    if (old?.status === status && JSON.stringify(old.rights) === JSON.stringify(rights))
      throw new ControlError(409, `@${bot.username} already is ${status} of supergroup ${chatId}`);
    const joins = !info.isActiveBot(bot.id);
    const oldMember = botChatMember(bot, old);
    info.bots.set(bot.id, { status, rights });
    const update = this.pushMyChatMember(bot, chat, from, oldMember);
    if (joins) {
      postServiceMessage(this.store, chat, {
        from,
        fromBot: false,
        service: { new_chat_members: [bot.sender] },
      });
    }
    return update;
  }

  /** The bot leaves (or is banned): my_chat_member for it and left_chat_member in the group. */
  removeBot(
    bot: BotState,
    chatId: number,
    input: { ban?: boolean; from?: SandboxUser },
  ): { update_id: number | null } {
    const chat = this.supergroup(chatId);
    const info = this.info(chat);
    if (!info.isActiveBot(bot.id))
      throw new ControlError(409, `@${bot.username} is not in supergroup ${chatId}`);
    const from = toUser(input.from ?? info.owner);
    const oldMember = botChatMember(bot, info.bots.get(bot.id));
    info.bots.set(bot.id, { status: input.ban ? "kicked" : "left", rights: null });
    const update = this.pushMyChatMember(bot, chat, from, oldMember);
    const message = postServiceMessage(this.store, chat, {
      from,
      fromBot: false,
      service: { left_chat_member: bot.sender },
    });
    // A bot that left still gets the message about its own leaving (Client.cpp need_skip_update_message).
    bot.updates.push({ message: toTgMessage(chat, message) });
    this.store.changes.notify();
    return update;
  }

  /** A person joins (new_chat_members) or gets another status. */
  addMember(
    chatId: number,
    user: SandboxUser,
    options: { status?: "member" | "administrator"; canManageTopics?: boolean },
  ): { message_id: number | null } {
    const chat = this.supergroup(chatId);
    const info = this.info(chat);
    const status = options.status ?? "member";
    const existing = info.members.get(user.id);
    if (existing?.status === "creator")
      throw new ControlError(409, `user ${user.id} owns supergroup ${chatId}`);
    const joins = !info.isActiveUser(user.id);
    info.members.set(user.id, {
      user: toUser(user),
      status,
      canManageTopics: status === "administrator" && options.canManageTopics === true,
    });
    if (!joins) {
      this.store.changes.notify();
      return { message_id: null };
    }
    const message = postServiceMessage(this.store, chat, {
      from: toUser(user),
      fromBot: false,
      service: { new_chat_members: [toUser(user)] },
    });
    return { message_id: message.messageId };
  }

  /** A person creates a topic in the app (needs can_manage_topics, or members may create topics). */
  createTopic(chatId: number, from: SandboxUser, name: string, iconColor?: number): TgForumTopic {
    const chat = this.supergroup(chatId);
    const info = this.forum(chat);
    this.requireMember(info, chatId, from);
    if (!info.userCanManageTopics(from.id) && !info.permissions.can_manage_topics)
      throw new ControlError(403, `user ${from.id} may not create topics in supergroup ${chatId}`);
    const cleaned = cleanTopicName(name);
    if (cleaned === "") throw new ControlError(400, '"name" must have a visible character');
    const color = iconColor ?? TOPIC_ICON_COLORS[0];
    if (!(TOPIC_ICON_COLORS as readonly number[]).includes(color))
      throw new ControlError(400, `"iconColor" must be one of ${TOPIC_ICON_COLORS.join(", ")}`);
    const topic = createTopic(this.store, chat, { from: toUser(from), fromBot: false }, cleaned, color);
    return { message_thread_id: topic.threadId, name: topic.name, icon_color: topic.iconColor };
  }

  /** A person closes or reopens a topic (its creator, or an administrator with can_manage_topics). */
  setTopicClosed(
    chatId: number,
    from: SandboxUser,
    threadId: number,
    closed: boolean,
  ): { message_id: number } {
    const chat = this.supergroup(chatId);
    const info = this.forum(chat);
    this.requireMember(info, chatId, from);
    const topic = this.topic(info, chatId, threadId);
    if (topic.creatorId !== from.id && !info.userCanManageTopics(from.id))
      throw new ControlError(403, `user ${from.id} may not close or reopen topic ${threadId}`);
    if (topic.closed === closed)
      throw new ControlError(409, `topic ${threadId} is already ${closed ? "closed" : "open"}`);
    topic.closed = closed;
    const message = postServiceMessage(this.store, chat, {
      from: toUser(from),
      fromBot: false,
      service: closed ? { forum_topic_closed: {} } : { forum_topic_reopened: {} },
      threadId,
    });
    return { message_id: message.messageId };
  }

  describe(chatId: number): SandboxSupergroup {
    const chat = this.supergroup(chatId);
    const info = this.info(chat);
    const bots = [...this.store.bots.values()];
    return {
      chat: chat.chat,
      owner: info.owner,
      members: [...info.members.values()].map((m) => ({
        user: m.user,
        status: m.status,
        can_manage_topics: m.status === "creator" || m.canManageTopics,
      })),
      bots: [...info.bots.entries()].map(([id, membership]) => ({
        id,
        username: bots.find((b) => b.id === id)?.username ?? String(id),
        status: membership.status,
        rights: membership.rights,
      })),
      topics: [...info.topics.values()].map(describeTopic),
      permissions: { ...info.permissions },
    };
  }

  private pushMyChatMember(
    bot: BotState,
    chat: ChatState,
    from: ReturnType<typeof toUser>,
    oldMember: ReturnType<typeof botChatMember>,
  ): { update_id: number | null } {
    const update = bot.updates.push({
      my_chat_member: {
        chat: chat.chat,
        from,
        date: nowSeconds(),
        old_chat_member: oldMember,
        new_chat_member: botChatMember(bot, chat.supergroup?.bots.get(bot.id)),
      },
    });
    this.store.changes.notify();
    return { update_id: update?.update_id ?? null };
  }

  private supergroup(chatId: number): ChatState {
    const chat = this.store.supergroups.get(chatId);
    if (!chat) throw new ControlError(404, `no supergroup ${chatId}; create it with createSupergroup`);
    return chat;
  }

  private info(chat: ChatState): SupergroupInfo {
    if (!chat.supergroup) throw new ControlError(500, `chat ${chat.chat.id} has no supergroup state`);
    return chat.supergroup;
  }

  private forum(chat: ChatState): SupergroupInfo {
    if (chat.chat.is_forum !== true)
      throw new ControlError(400, `supergroup ${chat.chat.id} has no topics (created with isForum: false)`);
    return this.info(chat);
  }

  private requireMember(info: SupergroupInfo, chatId: number, from: SandboxUser): void {
    if (!info.isActiveUser(from.id))
      throw new ControlError(403, `user ${from.id} is not a member of supergroup ${chatId}`);
  }

  private topic(info: SupergroupInfo, chatId: number, threadId: number): TopicState {
    const topic = info.topics.get(threadId);
    if (!topic) throw new ControlError(404, `no forum topic ${threadId} in supergroup ${chatId}`);
    return topic;
  }
}

function describeTopic(topic: TopicState): SandboxForumTopic {
  return {
    message_thread_id: topic.threadId,
    name: topic.name,
    icon_color: topic.iconColor,
    is_closed: topic.closed,
    creator_id: topic.creatorId,
  };
}
