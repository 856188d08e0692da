// Keeps the sandbox's world in a JSON file, so a restart changes nothing for its users: bots (with
// their webhook, commands, privacy mode), their chats and messages, supergroups with members and
// topics, and updates not yet fetched. Written atomically (temp file + rename), debounced; loaded at
// start. Not kept: file bytes (a bot re-sending an old file_id gets 400 and uploads again, as after
// Telegram forgets one), callback queries, injected failures and the call log.

import { existsSync, readFileSync, renameSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { WebhookState } from "./store";
import { type BotState, ChatState, type Store, type StoredMessage } from "./store";
import { type BotMembership, SupergroupInfo, type TopicState, type UserMembership } from "./supergroup";
import type {
  ReplyKeyboardMarkup,
  SandboxGroupRateLimit,
  TgBotCommand,
  TgChat,
  TgUpdate,
  TgUser,
} from "./types";

const FORMAT_VERSION = 1;

interface SavedChat {
  chat: TgChat;
  chatInstance: string;
  nextMessageId: number;
  messages: StoredMessage[];
  blocked: boolean;
  replyKeyboard: ReplyKeyboardMarkup | null;
  supergroup?: {
    owner: TgUser;
    members: [number, UserMembership][];
    bots: [number, BotMembership][];
    topics: [number, TopicState][];
    permissions: SupergroupInfo["permissions"];
    lastBotSenderId: number | null;
  };
}

interface SavedBot {
  token: string;
  username: string;
  firstName: string;
  privacyMode: boolean;
  linkedDomain: string | null;
  webhook: WebhookState | null;
  commands: [string, TgBotCommand[]][];
  updates: { items: TgUpdate[]; allowedUpdates: string[] | null };
  chats: SavedChat[];
}

export interface SavedSandbox {
  version: typeof FORMAT_VERSION;
  groupRateLimit: SandboxGroupRateLimit;
  bots: SavedBot[];
  supergroups: SavedChat[];
}

function saveChat(state: ChatState): SavedChat {
  const { nextMessageId, messages } = state.saved();
  const group = state.supergroup;
  return {
    chat: state.chat,
    chatInstance: state.chatInstance,
    nextMessageId,
    messages,
    blocked: state.blocked,
    replyKeyboard: state.replyKeyboard,
    ...(group
      ? {
          supergroup: {
            owner: group.owner,
            members: [...group.members],
            bots: [...group.bots],
            topics: [...group.topics],
            permissions: group.permissions,
            lastBotSenderId: group.lastBotSenderId,
          },
        }
      : {}),
  };
}

function restoreChat(saved: SavedChat): ChatState {
  let group: SupergroupInfo | undefined;
  if (saved.supergroup) {
    group = new SupergroupInfo(saved.supergroup.owner);
    group.members.clear();
    for (const [id, m] of saved.supergroup.members) group.members.set(id, m);
    for (const [id, b] of saved.supergroup.bots) group.bots.set(id, b);
    for (const [id, t] of saved.supergroup.topics) group.topics.set(id, t);
    group.permissions = saved.supergroup.permissions;
    group.lastBotSenderId = saved.supergroup.lastBotSenderId;
  }
  const state = new ChatState(saved.chat, group);
  state.chatInstance = saved.chatInstance;
  state.blocked = saved.blocked;
  state.replyKeyboard = saved.replyKeyboard;
  state.restoreMessages(saved.nextMessageId, saved.messages);
  return state;
}

function saveBot(bot: BotState): SavedBot {
  return {
    token: bot.token,
    username: bot.username,
    firstName: bot.firstName,
    privacyMode: bot.privacyMode,
    linkedDomain: bot.linkedDomain,
    webhook: bot.webhook,
    commands: [...bot.commands],
    updates: bot.updates.saved(),
    chats: [...bot.chats.values()].map(saveChat),
  };
}

/** Everything this module keeps, as plain JSON. */
export function saveStore(store: Store): SavedSandbox {
  return {
    version: FORMAT_VERSION,
    groupRateLimit: store.groupRateLimit,
    bots: [...store.bots.values()].map(saveBot),
    supergroups: [...store.supergroups.values()].map(saveChat),
  };
}

/** Puts a saved world into an empty store; returns the bots restored (webhook delivery looks at them). */
export function restoreStore(store: Store, saved: SavedSandbox): BotState[] {
  if (saved.version !== FORMAT_VERSION) throw new Error(`unknown sandbox state version ${saved.version}`);
  store.groupRateLimit = saved.groupRateLimit;
  for (const s of saved.supergroups) store.supergroups.set(s.chat.id, restoreChat(s));
  return saved.bots.map((s) => {
    const bot = store.registerBot(s.token, s.username, s.firstName);
    bot.privacyMode = s.privacyMode;
    bot.linkedDomain = s.linkedDomain;
    bot.webhook = s.webhook;
    for (const [key, list] of s.commands) bot.commands.set(key, list);
    bot.updates.restore(s.updates);
    for (const c of s.chats) bot.chats.set(c.chat.id, restoreChat(c));
    return bot;
  });
}

/**
 * Saves the store to `file` a moment after something changed (`changed()`), never two writes at
 * once, and only when the content differs from the last write.
 */
export class StateFile {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private lastWritten = "";

  constructor(
    private readonly store: Store,
    readonly file: string,
    private readonly debounceMs = 300,
    private readonly warn: (message: string) => void = (m) => console.warn(`[telegram-sandbox] ${m}`),
  ) {}

  /**
   * Restores the saved world if the file exists. An unreadable file is moved aside (…corrupt-<time>)
   * and the sandbox starts empty rather than not at all.
   */
  load(): BotState[] {
    if (!existsSync(this.file)) return [];
    const text = readFileSync(this.file, "utf8");
    try {
      const bots = restoreStore(this.store, JSON.parse(text) as SavedSandbox);
      this.lastWritten = text;
      return bots;
    } catch (err) {
      const aside = `${this.file}.corrupt-${Date.now()}`;
      renameSync(this.file, aside);
      this.warn(`could not read ${this.file} (${String(err)}); moved it to ${aside} and started empty`);
      return [];
    }
  }

  /** Something may have changed: save soon. */
  changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save();
    }, this.debounceMs);
    this.timer.unref();
  }

  /** Writes now (after any write in progress); on close and in tests. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.save();
  }

  private save(): Promise<void> {
    this.writing = this.writing.then(async () => {
      const text = JSON.stringify(saveStore(this.store));
      if (text === this.lastWritten) return;
      try {
        await mkdir(path.dirname(this.file), { recursive: true });
        // Atomic: a crash mid-write leaves the old file, never half a new one.
        const temp = `${this.file}.${process.pid}.tmp`;
        await writeFile(temp, text, { mode: 0o600 });
        await rename(temp, this.file);
        this.lastWritten = text;
      } catch (err) {
        this.warn(`could not save ${this.file}: ${String(err)}`);
      }
    });
    return this.writing;
  }
}
