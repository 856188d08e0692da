// What a simulated user can do: each action records the user's side in the chat and queues
// the matching Telegram Update for the bot.

import { randomBytes } from "node:crypto";
import { parseKeyboardButton } from "../bot-api/keyboard-buttons";
import { messageMedia } from "../bot-api/media-kinds";
import { replyButtons } from "../bot-api/reply-markup";
import { ControlError } from "../errors";
import type { NewFile, StoredFile } from "../files";
import { detectEntities } from "../formatting/auto-entities";
import { type BotState, ChatState, type NewMessage, nowSeconds, type Store, toTgMessage } from "../store";
import { deliverToGroupBots } from "../supergroup";
import type {
  SandboxLoginButtonResult,
  SandboxUser,
  TgChatMember,
  TgContact,
  TgMessageEntity,
  TgUpdate,
  TgUser,
} from "../types";
import { type ButtonSelector, findLoginButton, pressLogin } from "./login-button";

export interface SentMessage {
  /** null when the bot does not get it (allowed_updates, or in a group: not a member, privacy mode). */
  update_id: number | null;
  message_id: number;
}

/** A person's media message: the file as the bot can fetch it (for a photo, its largest size). */
export interface SentMediaMessage extends SentMessage {
  file_id: string;
  file_unique_id: string;
  file_size: number;
  file_path: string;
}

/** Where in a chat a user's message goes: a forum topic and/or a reply to one message. */
export interface MessagePlacement {
  threadId?: number;
  replyToMessageId?: number;
}

export class UserActions {
  constructor(private readonly store: Store) {}

  bot(token: string): BotState {
    const bot = this.store.bots.get(token);
    // As Telegram answers an unknown token: 401 Unauthorized, and never the token back (error text
    // ends up in logs and API responses).
    if (!bot) throw new ControlError(401, "Unauthorized");
    return bot;
  }

  sendText(
    bot: BotState,
    from: SandboxUser,
    text: string,
    chatId?: number,
    placement: MessagePlacement = {},
  ): SentMessage {
    return this.userMessage(bot, from, chatId, { text, entities: detectEntities(text) }, placement);
  }

  /**
   * The person sends a photo, document, video, voice note, audio file or GIF, with an optional
   * caption: the file is stored for the bot (getFile and downloads work, up to Telegram's 20 MB for
   * bots) and the update carries Telegram's field for its kind.
   */
  sendMedia(
    bot: BotState,
    from: SandboxUser,
    file: NewFile,
    caption: string | undefined,
    chatId?: number,
    placement: MessagePlacement = {},
  ): SentMediaMessage {
    // Checked before the file is stored, so a refused message leaves nothing behind.
    const chat = this.chatFor(bot, from, chatId);
    if (chat.blocked) throw blockedError(bot, from);
    if (chat.supergroup) groupPlacement(chat, from, placement);
    else plainPlacement(chat, placement);
    const stored = this.store.files.add(file);
    const content = {
      ...messageMedia(stored),
      ...(caption ? { caption, captionEntities: detectEntities(caption) } : {}),
    };
    const sent = this.userMessage(bot, from, chatId, content, placement, (bots) => {
      // Every bot of a group that gets the message may fetch its file.
      const others = [...bots].filter((id) => id !== bot.id);
      if (others.length) for (const size of stored.photoSizes ?? [stored]) size.sharedWith = new Set(others);
    });
    return { ...sent, ...fileFields(stored) };
  }

  start(bot: BotState, from: SandboxUser, payload?: string, chatId?: number): SentMessage {
    const chat = this.chatFor(bot, from, chatId);
    // Like Telegram's "Restart" button: /start from a user who blocked the bot unblocks it.
    if (chat.blocked && !chat.supergroup) this.setBlocked(bot, from, false);
    const text = payload ? `/start ${payload}` : "/start";
    const entities: TgMessageEntity[] = [{ type: "bot_command", offset: 0, length: 6 }];
    return this.userMessage(bot, from, chatId, { text, entities });
  }

  tapReplyButton(bot: BotState, from: SandboxUser, text: string, chatId?: number): SentMessage {
    const chat = this.existingChat(bot, chatId ?? from.id);
    if (!chat.replyKeyboard)
      throw new ControlError(400, `no reply keyboard is shown in chat ${chat.chat.id}`);
    const buttons = replyButtons(chat.replyKeyboard.keyboard);
    const button = buttons.find((b) => b.text === text);
    if (!button) {
      const list = buttons.map((b) => JSON.stringify(b.text)).join(", ");
      throw new ControlError(
        400,
        `"${text}" is not a button of the current reply keyboard (buttons: ${list})`,
      );
    }
    const type = parseKeyboardButton(button);
    if (type === "request_contact") {
      throw new ControlError(
        400,
        `button "${text}" requests the user's contact; use tapContactButton instead`,
      );
    }
    // Tapping these opens a picker or a Web App in the real client, never sends the label.
    if (type !== "text")
      throw new ControlError(400, `button "${text}" is a ${type} button; the sandbox cannot tap it`);
    return this.sendText(bot, from, text, chatId);
  }

  /**
   * The user taps the request_contact button of the reply keyboard shown in the chat: the client
   * sends the user's own contact card, user_id included, as the real app does.
   */
  tapContactButton(bot: BotState, from: SandboxUser, phoneNumber: string, chatId?: number): SentMessage {
    const chat = this.existingChat(bot, chatId ?? from.id);
    const keyboard = chat.replyKeyboard;
    if (!keyboard) throw new ControlError(400, `no reply keyboard is shown in chat ${chat.chat.id}`);
    const buttons = replyButtons(keyboard.keyboard);
    if (!buttons.some((button) => parseKeyboardButton(button) === "request_contact")) {
      const list = buttons.map((b) => JSON.stringify(b.text)).join(", ");
      throw new ControlError(
        400,
        `the reply keyboard shown in chat ${chat.chat.id} has no request_contact button (buttons: ${list})`,
      );
    }
    return this.shareContact(bot, from, phoneNumber, chatId);
  }

  /** The user shares their own contact card (attachment menu), no keyboard needed. */
  shareContact(bot: BotState, from: SandboxUser, phoneNumber: string, chatId?: number): SentMessage {
    return this.sendContact(bot, from, ownContact(from, phoneNumber), chatId);
  }

  /**
   * The user sends any contact card: someone else's (user_id of another user, or none for a
   * person not on Telegram) as well as their own. Bots that want the user's own number must
   * compare contact.user_id with from.id; this is how tests check that they do.
   */
  sendContact(bot: BotState, from: SandboxUser, contact: TgContact, chatId?: number): SentMessage {
    return this.userMessage(bot, from, chatId, { contact });
  }

  pressInlineButton(
    bot: BotState,
    from: SandboxUser,
    messageId: number,
    callbackData: string,
    chatId?: number,
  ): { update_id: number | null; callback_query_id: string } {
    const chat = this.existingChat(bot, chatId ?? from.id);
    if (chat.blocked) throw blockedError(bot, from);
    if (chat.supergroup) requireGroupMember(chat, from);
    const message = chat.get(messageId);
    if (!message) throw new ControlError(400, `message ${messageId} not found in chat ${chat.chat.id}`);
    if (!message.fromBot)
      throw new ControlError(400, `message ${messageId} was sent by the user, not the bot`);
    if (message.from.id !== bot.id)
      throw new ControlError(400, `message ${messageId} was sent by another bot (${message.from.id})`);
    const markup = message.replyMarkup;
    const buttons = markup && "inline_keyboard" in markup ? markup.inline_keyboard.flat() : [];
    if (!buttons.some((b) => b.callback_data === callbackData)) {
      const list = buttons
        .filter((b) => b.callback_data !== undefined)
        .map((b) => JSON.stringify(b.callback_data));
      throw new ControlError(
        400,
        `message ${messageId} has no inline button with callback_data ${JSON.stringify(callbackData)} (has: ${list.join(", ") || "none"})`,
      );
    }
    // Telegram's callback query ids are large decimal strings.
    const id = randomBytes(8).readBigUInt64BE().toString();
    bot.callbackQueries.set(id, { id, chatId: chat.chat.id, messageId, createdAt: Date.now() });
    const update = bot.updates.push({
      callback_query: {
        id,
        from: toUser(from),
        message: toTgMessage(chat, message),
        chat_instance: chat.chatInstance,
        data: callbackData,
      },
    });
    this.store.changes.notify();
    return { update_id: update?.update_id ?? null, callback_query_id: id };
  }

  /** The user presses an inline login_url button; returns the URL the app would open. */
  pressLoginButton(
    bot: BotState,
    from: SandboxUser,
    messageId: number,
    selector: ButtonSelector,
    options: { chatId?: number; decline?: boolean } = {},
  ): SandboxLoginButtonResult {
    const chat = this.existingChat(bot, options.chatId ?? from.id);
    const message = chat.get(messageId);
    if (!message) throw new ControlError(400, `message ${messageId} not found in chat ${chat.chat.id}`);
    if (!message.fromBot)
      throw new ControlError(400, `message ${messageId} was sent by the user, not the bot`);
    return pressLogin(this.store, bot, findLoginButton(message, selector), from, options.decline === true);
  }

  setBlocked(bot: BotState, from: SandboxUser, blocked: boolean): { update_id: number | null } {
    const chat = this.chatFor(bot, from, from.id);
    if (chat.blocked === blocked) {
      throw new ControlError(
        409,
        `user ${from.id} has ${blocked ? "already blocked" : "not blocked"} @${bot.username}`,
      );
    }
    chat.blocked = blocked;
    const member = (status: "member" | "kicked"): TgChatMember =>
      status === "kicked" ? { user: bot.sender, status, until_date: 0 } : { user: bot.sender, status };
    const update = bot.updates.push({
      my_chat_member: {
        chat: chat.chat,
        from: toUser(from),
        date: nowSeconds(),
        old_chat_member: member(blocked ? "member" : "kicked"),
        new_chat_member: member(blocked ? "kicked" : "member"),
      },
    });
    this.store.changes.notify();
    return { update_id: update?.update_id ?? null };
  }

  private userMessage(
    bot: BotState,
    from: SandboxUser,
    chatId: number | undefined,
    content: Pick<
      NewMessage,
      | "text"
      | "entities"
      | "contact"
      | "caption"
      | "captionEntities"
      | "photo"
      | "document"
      | "video"
      | "audio"
      | "voice"
      | "animation"
    >,
    placement: MessagePlacement = {},
    /** Told which bots of a group got the message, before anyone can read the updates. */
    onGroupDelivery?: (botIds: Set<number>) => void,
  ): SentMessage {
    const chat = this.chatFor(bot, from, chatId);
    if (chat.blocked) throw blockedError(bot, from);
    const where = chat.supergroup ? groupPlacement(chat, from, placement) : plainPlacement(chat, placement);
    const message = chat.add({ fromBot: false, from: toUser(from), ...content, ...where });
    if (chat.supergroup) {
      const delivered = deliverToGroupBots(this.store, chat, message);
      onGroupDelivery?.(new Set(delivered.keys()));
      return { update_id: delivered.get(bot.id) ?? null, message_id: message.messageId };
    }
    const payload: Omit<TgUpdate, "update_id"> = { message: toTgMessage(chat, message) };
    const update = bot.updates.push(payload);
    this.store.changes.notify();
    return { update_id: update?.update_id ?? null, message_id: message.messageId };
  }

  /**
   * The chat a user action happens in, created on first use. Positive ids are private chats
   * (must be the user's own id); negative ids are supergroups made with createSupergroup, else
   * basic groups.
   */
  private chatFor(bot: BotState, from: SandboxUser, chatId: number | undefined): ChatState {
    const id = chatId ?? from.id;
    const supergroup = this.store.supergroups.get(id);
    if (supergroup) return supergroup;
    if (id > 0 && id !== from.id) {
      throw new ControlError(
        400,
        `chatId ${id} is another user's private chat; omit chatId or use a negative group id`,
      );
    }
    const chat = id > 0 ? { id, type: "private" as const, ...userChatFields(from) } : groupChat(id);
    const existing = bot.chats.get(id);
    if (existing) {
      // Keep the chat's user details current (a test may rename its user).
      if (id > 0) existing.chat = chat;
      return existing;
    }
    const created = new ChatState(chat);
    bot.chats.set(id, created);
    return created;
  }

  private existingChat(bot: BotState, chatId: number): ChatState {
    const supergroup = this.store.supergroups.get(chatId);
    if (supergroup) {
      if (!supergroup.supergroup?.isActiveBot(bot.id))
        throw new ControlError(409, `@${bot.username} is not in supergroup ${chatId}`);
      return supergroup;
    }
    const chat = bot.chats.get(chatId);
    if (!chat)
      throw new ControlError(404, `chat ${chatId} does not exist yet (the user has not written to the bot)`);
    return chat;
  }
}

function fileFields(file: StoredFile) {
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    file_size: file.size,
    file_path: file.filePath,
  };
}

function requireGroupMember(chat: ChatState, from: SandboxUser): void {
  if (!chat.supergroup?.isActiveUser(from.id)) {
    throw new ControlError(
      403,
      `user ${from.id} is not a member of supergroup ${chat.chat.id}; call addSupergroupMember first`,
    );
  }
}

/** A reply in a private chat or basic group: the replied message must exist. */
function plainPlacement(chat: ChatState, placement: MessagePlacement): Partial<NewMessage> {
  if (placement.threadId !== undefined)
    throw new ControlError(400, `chat ${chat.chat.id} has no topics (threadId needs a forum supergroup)`);
  return replyPlacement(chat, placement.replyToMessageId);
}

function replyPlacement(chat: ChatState, replyToMessageId: number | undefined): Partial<NewMessage> {
  if (replyToMessageId === undefined) return {};
  if (!chat.get(replyToMessageId))
    throw new ControlError(400, `message ${replyToMessageId} not found in chat ${chat.chat.id}`);
  return { replyToMessageId };
}

/**
 * A person's message in a supergroup: they must be a member; in a forum it goes to the topic
 * given (or the topic of the message it replies to), else to the General topic. A closed topic
 * takes messages only from its creator and administrators with can_manage_topics, as in the app.
 */
function groupPlacement(
  chat: ChatState,
  from: SandboxUser,
  placement: MessagePlacement,
): Partial<NewMessage> {
  const info = chat.supergroup;
  if (!info) return {};
  requireGroupMember(chat, from);
  const reply = replyPlacement(chat, placement.replyToMessageId);
  const repliedThread =
    placement.replyToMessageId === undefined ? undefined : chat.get(placement.replyToMessageId)?.threadId;
  const threadId = placement.threadId ?? repliedThread;
  if (threadId === undefined) return reply;
  if (chat.chat.is_forum !== true)
    throw new ControlError(400, `supergroup ${chat.chat.id} has no topics (created with isForum: false)`);
  const topic = info.topics.get(threadId);
  if (!topic) throw new ControlError(404, `no forum topic ${threadId} in supergroup ${chat.chat.id}`);
  if (repliedThread !== undefined && repliedThread !== threadId) {
    throw new ControlError(
      400,
      `message ${placement.replyToMessageId} is in topic ${repliedThread}, not in topic ${threadId}`,
    );
  }
  if (topic.closed && topic.creatorId !== from.id && !info.userCanManageTopics(from.id)) {
    throw new ControlError(
      409,
      `forum topic ${threadId} is closed: only its creator and administrators with can_manage_topics can write in it (Telegram: TOPIC_CLOSED)`,
    );
  }
  return { ...reply, threadId };
}

function blockedError(bot: BotState, from: SandboxUser): ControlError {
  return new ControlError(
    409,
    `user ${from.id} has blocked @${bot.username}; call unblockBot (or start) first`,
  );
}

function ownContact(from: SandboxUser, phoneNumber: string): TgContact {
  return {
    phone_number: phoneNumber,
    first_name: from.first_name,
    ...(from.last_name ? { last_name: from.last_name } : {}),
    user_id: from.id,
  };
}

export function toUser(from: SandboxUser): TgUser {
  // photo_url is not a User field; Telegram only sends it in login data.
  const { id, first_name, photo_url: _photoUrl, ...rest } = from;
  return { id, is_bot: false, first_name, ...rest };
}

function userChatFields(from: SandboxUser) {
  return {
    first_name: from.first_name,
    ...(from.last_name ? { last_name: from.last_name } : {}),
    ...(from.username ? { username: from.username } : {}),
  };
}

function groupChat(id: number) {
  return { id, type: "group" as const, title: `Sandbox group ${-id}` };
}
