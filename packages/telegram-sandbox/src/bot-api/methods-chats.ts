// getChat and getChatMember: the chat as ChatFullInfo and members as ChatMember, shaped like the
// Bot API server's JsonChat / JsonChatMember (booleans that are only ever true are left out when
// false, e.g. is_forum).

import { badRequest } from "../errors";
import type { ChatState } from "../store";
import { botChatMember, userChatMember } from "../supergroup";
import type { TgChatMember, TgUser } from "../types";
import { requireChat } from "./chat-lookup";
import type { MethodContext, MethodHandler } from "./context";

/** Telegram's default: reactions per message a non-premium user may add. */
const MAX_REACTION_COUNT = 11;

/** Telegram derives a peer's default accent color from its id (0-6). */
function accentColorId(chat: ChatState): number {
  const id = chat.chat.id;
  if (chat.chat.type === "private") return id % 7;
  if (chat.chat.type === "supergroup") return (-id - 1_000_000_000_000) % 7;
  return -id % 7;
}

function permissions(chat: ChatState) {
  const members = chat.supergroup?.permissions ?? { can_send_messages: true, can_manage_topics: false };
  const send = members.can_send_messages;
  return {
    can_send_messages: send,
    can_send_audios: send,
    can_send_documents: send,
    can_send_photos: send,
    can_send_videos: send,
    can_send_video_notes: send,
    can_send_voice_notes: send,
    can_send_polls: send,
    can_send_other_messages: send,
    can_add_web_page_previews: send,
    can_change_info: false,
    can_invite_users: true,
    can_pin_messages: false,
    can_manage_topics: members.can_manage_topics,
  };
}

const getChat: MethodHandler = (ctx) => {
  const chat = requireChat(ctx, { allowBlocked: true });
  return {
    ...chat.chat,
    ...(chat.chat.type === "private" ? {} : { permissions: permissions(chat) }),
    accent_color_id: accentColorId(chat),
    max_reaction_count: MAX_REACTION_COUNT,
  };
};

/** A person the bot has seen in this chat (sender or member); undefined when unknown here. */
function seenUser(chat: ChatState, userId: number): TgUser | undefined {
  const member = chat.supergroup?.members.get(userId);
  if (member) return member.user;
  return chat.list().find((message) => !message.fromBot && message.from.id === userId)?.from;
}

const getChatMember: MethodHandler = (ctx): TgChatMember => {
  const chat = requireChat(ctx, { allowBlocked: true });
  const userId = ctx.params.int("user_id");
  if (userId === undefined || userId <= 0) throw badRequest("invalid user_id specified");
  if (userId === ctx.bot.id) {
    return chat.supergroup
      ? botChatMember(ctx.bot, chat.supergroup.bots.get(ctx.bot.id))
      : { user: ctx.bot.sender, status: "member" };
  }
  const otherBot = [...ctx.store.bots.values()].find((bot) => bot.id === userId);
  if (otherBot && chat.supergroup?.bots.has(userId))
    return botChatMember(otherBot, chat.supergroup.bots.get(userId));
  const member = chat.supergroup?.members.get(userId);
  if (member) return userChatMember(member);
  const user = seenUser(chat, userId) ?? knownElsewhere(ctx, userId);
  if (!user) throw badRequest("user not found");
  // Private chats and basic groups: whoever wrote in them is a member.
  if (!chat.supergroup && seenUser(chat, userId)) return { user, status: "member" };
  return { user, status: "left" };
};

/** A user the bot met in another chat (TDLib knows them, so Telegram answers "left"). */
function knownElsewhere(ctx: MethodContext, userId: number): TgUser | undefined {
  for (const chat of ctx.bot.chats.values()) {
    const user = seenUser(chat, userId);
    if (user) return user;
  }
  return undefined;
}

export const chatMethods: Record<string, MethodHandler> = {
  getChat,
  getChatMember,
};
