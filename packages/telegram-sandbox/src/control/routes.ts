// The control API (`/sandbox/...`): plain JSON over HTTP, used by SandboxClient, tests and the
// demo UI to act as the Telegram user and to inspect or rig the sandbox.

import { ControlError, defaultDescription } from "../errors";
import { type BotState, type Store, type StoredMessage, TOKEN_PATTERN, toSandboxMessage } from "../store";
import { NO_RIGHTS } from "../supergroup";
import type { SandboxBotInfo, SandboxCallbackAnswer, SandboxMessage, SandboxRateLimit } from "../types";
import { GroupActions } from "./group-actions";
import {
  type Input,
  optionalBool,
  optionalInt,
  optionalRights,
  optionalString,
  optionalUser,
  requireContact,
  requireInt,
  requireString,
  requireUser,
} from "./input";
import { optionalUserCaption, requireMediaKind, userMediaFile } from "./media-upload";
import { type MessagePlacement, UserActions } from "./user-actions";

/** Upper bound for any server-side wait, so a forgotten waitMs cannot pin a request forever. */
const MAX_WAIT_MS = 60_000;

type Route = (input: Input, signal: AbortSignal) => unknown;

export class ControlRoutes {
  private readonly actions: UserActions;
  private readonly groups: GroupActions;
  private readonly routes: Record<string, Route>;

  constructor(private readonly store: Store) {
    this.actions = new UserActions(store);
    this.groups = new GroupActions(store);
    const a = this.actions;
    const g = this.groups;
    const bot = (input: Input) => a.bot(requireString(input, "token"));
    this.routes = {
      health: () => ({ ok: true }),
      "register-bot": (input) => this.registerBot(input),
      bots: () => [...store.bots.values()].map(botInfo),
      "send-text": (input) =>
        a.sendText(
          bot(input),
          requireUser(input),
          requireString(input, "text"),
          optionalInt(input, "chatId"),
          placement(input),
        ),
      "send-media": (input) => {
        const target = bot(input);
        const from = requireUser(input);
        const kind = requireMediaKind(input);
        const caption = optionalUserCaption(input);
        return a.sendMedia(
          target,
          from,
          userMediaFile(input, kind, target.id),
          caption,
          optionalInt(input, "chatId"),
          placement(input),
        );
      },
      start: (input) =>
        a.start(
          bot(input),
          requireUser(input),
          optionalString(input, "payload"),
          optionalInt(input, "chatId"),
        ),
      "tap-reply-button": (input) =>
        a.tapReplyButton(
          bot(input),
          requireUser(input),
          requireString(input, "text"),
          optionalInt(input, "chatId"),
        ),
      "share-contact": (input) =>
        a.shareContact(
          bot(input),
          requireUser(input),
          requireString(input, "phoneNumber"),
          optionalInt(input, "chatId"),
        ),
      "tap-contact-button": (input) =>
        a.tapContactButton(
          bot(input),
          requireUser(input),
          requireString(input, "phoneNumber"),
          optionalInt(input, "chatId"),
        ),
      "send-contact": (input) =>
        a.sendContact(bot(input), requireUser(input), requireContact(input), optionalInt(input, "chatId")),
      "press-inline-button": (input) =>
        a.pressInlineButton(
          bot(input),
          requireUser(input),
          requireInt(input, "messageId"),
          requireString(input, "callbackData"),
          optionalInt(input, "chatId"),
        ),
      "press-login-button": (input) =>
        a.pressLoginButton(
          bot(input),
          requireUser(input),
          requireInt(input, "messageId"),
          {
            ...optionalField("text", optionalString(input, "text")),
            ...optionalField("row", optionalInt(input, "row")),
            ...optionalField("column", optionalInt(input, "column")),
          },
          {
            ...optionalField("chatId", optionalInt(input, "chatId")),
            ...optionalField("decline", optionalBool(input, "decline")),
          },
        ),
      "set-bot-domain": (input) => setBotDomain(bot(input), input),
      "set-bot-privacy": (input) => {
        const target = bot(input);
        const enabled = optionalBool(input, "enabled");
        if (enabled === undefined) throw new ControlError(400, '"enabled" must be a boolean');
        target.privacyMode = enabled;
        return { privacy_mode: target.privacyMode };
      },
      "create-supergroup": (input) =>
        g.createSupergroup({
          title: requireString(input, "title"),
          owner: requireUser(input, "owner"),
          ...optionalField("isForum", optionalBool(input, "isForum")),
          ...optionalField("id", optionalInt(input, "id")),
          ...optionalField("membersCanCreateTopics", optionalBool(input, "membersCanCreateTopics")),
        }),
      "add-bot-to-supergroup": (input) =>
        g.addBot(bot(input), requireInt(input, "chatId"), {
          ...optionalField("status", botStatus(input)),
          ...optionalField("rights", optionalRights(input, "rights", Object.keys(NO_RIGHTS))),
          ...optionalField("from", optionalUser(input, "from")),
        }),
      "remove-bot-from-supergroup": (input) =>
        g.removeBot(bot(input), requireInt(input, "chatId"), {
          ...optionalField("ban", optionalBool(input, "ban")),
          ...optionalField("from", optionalUser(input, "from")),
        }),
      "add-supergroup-member": (input) =>
        g.addMember(requireInt(input, "chatId"), requireUser(input, "user"), {
          ...optionalField("status", botStatus(input)),
          ...optionalField("canManageTopics", optionalBool(input, "canManageTopics")),
        }),
      supergroup: (input) => g.describe(requireInt(input, "chatId")),
      "create-forum-topic": (input) =>
        g.createTopic(
          requireInt(input, "chatId"),
          requireUser(input),
          requireString(input, "name"),
          optionalInt(input, "iconColor"),
        ),
      "close-forum-topic": (input) =>
        g.setTopicClosed(
          requireInt(input, "chatId"),
          requireUser(input),
          requireInt(input, "threadId"),
          true,
        ),
      "reopen-forum-topic": (input) =>
        g.setTopicClosed(
          requireInt(input, "chatId"),
          requireUser(input),
          requireInt(input, "threadId"),
          false,
        ),
      "set-group-rate-limit": (input) => (store.groupRateLimit = rateLimitFrom(input, 60)),
      "set-chat-rate-limit": (input) => (store.chatRateLimit = rateLimitFrom(input, 1)),
      "set-bot-rate-limit": (input) => (store.botRateLimit = rateLimitFrom(input, 1)),
      "block-bot": (input) => a.setBlocked(bot(input), requireUser(input), true),
      "unblock-bot": (input) => a.setBlocked(bot(input), requireUser(input), false),
      messages: (input, signal) => this.messages(bot(input), input, signal),
      "chat-state": (input) => chatState(store, bot(input), requireInt(input, "chatId")),
      "callback-answer": (input, signal) => this.callbackAnswer(bot(input), input, signal),
      "fail-next": (input) => failNext(bot(input), input),
      "inject-update": (input) => injectUpdate(bot(input), input),
      calls: (input) => {
        const method = optionalString(input, "method")?.toLowerCase();
        return bot(input).calls.filter((call) => !method || call.method.toLowerCase() === method);
      },
      reset: () => {
        store.reset();
        return true;
      },
    };
  }

  /** Runs the route named by the path after `/sandbox/`; unknown names are 404s. */
  async handle(name: string, input: Input, signal: AbortSignal): Promise<unknown> {
    // Own properties only: "/sandbox/constructor" must not reach Object.prototype.
    const route = Object.hasOwn(this.routes, name) ? this.routes[name] : undefined;
    if (!route) throw new ControlError(404, `unknown control route /sandbox/${name}`);
    return await route(input, signal);
  }

  private registerBot(input: Input): SandboxBotInfo {
    const token = requireString(input, "token");
    if (!TOKEN_PATTERN.test(token)) {
      throw new ControlError(
        400,
        // The token itself is not quoted: error text travels into logs and API responses.
        "invalid bot token: expected <digits>:<30+ chars of A-Za-z0-9_->",
      );
    }
    const username = requireString(input, "username");
    if (!/^@?[A-Za-z0-9_]{3,32}$/.test(username))
      throw new ControlError(400, `invalid bot username "${username}"`);
    // Usernames are unique on Telegram: another bot may not take one. The same bot may come back with
    // a new token (BotFather's "revoke": same id, new secret); the same token again stays idempotent.
    const holder = this.store.botByUsername(username);
    if (holder && holder.token.split(":")[0] !== token.split(":")[0])
      throw new ControlError(409, `the username @${holder.username} is already taken`);
    return botInfo(this.store.registerBot(token, username, optionalString(input, "firstName")));
  }

  /**
   * Messages newer than afterMessageId (of one forum topic with threadId); with waitMs, first
   * waits for minBotMessages messages from this bot. A supergroup lists everyone's messages.
   */
  private async messages(bot: BotState, input: Input, signal: AbortSignal): Promise<SandboxMessage[]> {
    const chatId = requireInt(input, "chatId");
    const after = optionalInt(input, "afterMessageId") ?? 0;
    const threadId = optionalInt(input, "threadId");
    const waitMs = Math.min(MAX_WAIT_MS, optionalInt(input, "waitMs") ?? 0);
    const minBotMessages = optionalInt(input, "minBotMessages") ?? 1;
    // Re-read the chat on every check: it may be created (or reset) while we wait.
    const newer = () => this.store.chatFor(bot, chatId)?.listAfter(after, threadId) ?? [];
    const byThisBot = (m: StoredMessage) => m.fromBot && m.from.id === bot.id && !m.service;
    if (waitMs > 0) {
      const enough = () => newer().filter(byThisBot).length >= minBotMessages;
      await this.store.changes.waitUntil(enough, waitMs, signal);
    }
    const chat = this.store.chatFor(bot, chatId);
    return chat ? newer().map((m) => toSandboxMessage(chat, m)) : [];
  }

  private async callbackAnswer(
    bot: BotState,
    input: Input,
    signal: AbortSignal,
  ): Promise<SandboxCallbackAnswer> {
    const id = requireString(input, "callbackQueryId");
    if (!bot.callbackQueries.has(id)) throw new ControlError(404, `unknown callback query "${id}"`);
    const waitMs = Math.min(MAX_WAIT_MS, optionalInt(input, "waitMs") ?? 0);
    await this.store.changes.waitUntil(
      () => bot.callbackQueries.get(id)?.answer !== undefined,
      waitMs,
      signal,
    );
    const answer = bot.callbackQueries.get(id)?.answer;
    return answer ? { answered: true, ...answer } : { answered: false };
  }
}

function botInfo(bot: BotState): SandboxBotInfo {
  return { id: bot.id, username: bot.username, firstName: bot.firstName, token: bot.token };
}

function chatState(store: Store, bot: BotState, chatId: number) {
  const chat = store.chatFor(bot, chatId);
  return {
    exists: chat !== undefined,
    chat: chat?.chat ?? null,
    blocked: chat?.blocked ?? false,
    reply_keyboard: chat?.replyKeyboard ?? null,
    last_chat_action: chat?.lastChatAction ?? null,
  };
}

function placement(input: Input): MessagePlacement {
  return {
    ...optionalField("threadId", optionalInt(input, "threadId")),
    ...optionalField("replyToMessageId", optionalInt(input, "replyToMessageId")),
  };
}

function botStatus(input: Input): "member" | "administrator" | undefined {
  const status = optionalString(input, "status");
  if (status === undefined || status === "member" || status === "administrator") return status;
  throw new ControlError(400, `"status" must be "member" or "administrator", got ${JSON.stringify(status)}`);
}

/** A flood limit from a control call: messages: null turns it off; windowSeconds has a default. */
function rateLimitFrom(input: Input, defaultWindowSeconds: number): SandboxRateLimit {
  const raw = input.messages;
  const messages = raw === null ? null : requireInt(input, "messages");
  if (messages !== null && messages < 1)
    throw new ControlError(400, '"messages" must be at least 1 (or null for no limit)');
  const windowSeconds = optionalInt(input, "windowSeconds") ?? defaultWindowSeconds;
  if (windowSeconds < 1) throw new ControlError(400, '"windowSeconds" must be at least 1');
  return { messages, windowSeconds };
}

function optionalField<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Like BotFather's /setdomain: a bare host name ("shop.example.com"); null or "" unlinks it. */
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/;

function setBotDomain(bot: BotState, input: Input): { domain: string | null } {
  const raw = optionalString(input, "domain") ?? "";
  const domain = raw.trim().toLowerCase();
  if (domain !== "" && !DOMAIN.test(domain)) {
    throw new ControlError(
      400,
      `"domain" must be a host name like "shop.example.com" (no scheme, port or path), got ${JSON.stringify(raw)}`,
    );
  }
  bot.linkedDomain = domain === "" ? null : domain;
  return { domain: bot.linkedDomain };
}

function failNext(bot: BotState, input: Input): true {
  const errorCode = optionalInt(input, "errorCode") ?? 429;
  if (errorCode < 400 || errorCode > 599) throw new ControlError(400, '"errorCode" must be 400-599');
  const retryAfter = optionalInt(input, "retryAfter") ?? (errorCode === 429 ? 1 : undefined);
  const count = optionalInt(input, "count") ?? 1;
  if (count < 1) throw new ControlError(400, '"count" must be at least 1');
  const method = optionalString(input, "method")?.toLowerCase();
  bot.failures.push({
    ...(method ? { method } : {}),
    errorCode,
    description: optionalString(input, "description") ?? defaultDescription(errorCode, retryAfter ?? 0),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
    remaining: count,
  });
  return true;
}

/**
 * Queues an update exactly as given (any JSON object; the sandbox assigns update_id unless it is
 * given), for tests of what a bot does with updates real Telegram rarely sends: U+0000 or half a
 * surrogate pair in a text or a name, odd or missing fields. Nothing about it is checked.
 */
function injectUpdate(bot: BotState, input: Input): { update_id: number } {
  const update = input.update;
  if (update === null || typeof update !== "object" || Array.isArray(update))
    throw new ControlError(400, '"update" must be a JSON object');
  const pushed = bot.updates.pushRaw(update as Record<string, unknown>);
  return { update_id: pushed.update_id };
}
