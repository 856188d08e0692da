import type { SandboxBotMessage } from "@switchboard/telegram-sandbox";

interface Waiter {
  text: string;
  afterMessageId: number;
  resolve: (seen: boolean) => void;
}

/**
 * Every bot message of the run, fed by the sandbox's bot-message stream (one connection for all chats), and
 * the users waiting for a text in their chat. A long poll per waiting user would wake every waiter on every
 * change in the sandbox: with 500 users at once the soak would measure the sandbox, not the runtimes.
 */
export class BotReplies {
  private readonly seen = new Map<string, Array<{ id: number; text: string }>>();
  private readonly waiters = new Map<string, Waiter[]>();

  /** Feed for SandboxClient.streamBotMessages. */
  readonly onMessage = (message: SandboxBotMessage): void => {
    const key = chatKey(message.bot_id, message.chat_id);
    const text = message.text ?? "";
    const seen = listIn(this.seen, key);
    seen.push({ id: message.message_id, text });
    const waiting = this.waiters.get(key);
    if (!waiting) return;
    for (const waiter of waiting.filter((w) => w.text === text && message.message_id > w.afterMessageId)) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(true);
    }
  };

  /** Resolves true once the bot sent `text` in the chat after `afterMessageId`, false after timeoutMs. */
  waitFor(
    botId: number,
    chatId: number,
    text: string,
    afterMessageId: number,
    timeoutMs: number,
  ): Promise<boolean> {
    const key = chatKey(botId, chatId);
    if (this.seen.get(key)?.some((m) => m.text === text && m.id > afterMessageId))
      return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiting = listIn(this.waiters, key);
      const waiter: Waiter = {
        text,
        afterMessageId,
        resolve: (seen) => {
          clearTimeout(timer);
          resolve(seen);
        },
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(waiter), 1);
        resolve(false);
      }, timeoutMs);
      waiting.push(waiter);
    });
  }
}

const chatKey = (botId: number, chatId: number) => `${botId}:${chatId}`;

function listIn<T>(map: Map<string, T[]>, key: string): T[] {
  const existing = map.get(key);
  if (existing) return existing;
  const list: T[] = [];
  map.set(key, list);
  return list;
}
