/**
 * The bots' replies, per chat, as the sandbox's bot-message stream reports them: a simulated user waits
 * here for its next reply. Each reply is timestamped when it arrives, so latency is "send → reply seen".
 */
import type { SandboxBotMessage } from "@switchboard/telegram-sandbox";

export interface Reply {
  text: string | undefined;
  /** performance.now() when the bench process read it from the stream. */
  seenAt: number;
}

interface ChatReplies {
  queue: Reply[];
  waiter: ((reply: Reply) => void) | null;
}

export class ReplyInbox {
  private readonly chats = new Map<string, ChatReplies>();

  /** Feed for SandboxClient.streamBotMessages. */
  readonly onMessage = (message: SandboxBotMessage): void => {
    const reply = { text: message.text, seenAt: performance.now() };
    const chat = this.chat(message.bot_id, message.chat_id);
    if (chat.waiter) {
      const wake = chat.waiter;
      chat.waiter = null;
      wake(reply);
    } else chat.queue.push(reply);
  };

  /** The chat's next reply not taken yet, or null after timeoutMs. */
  next(botId: number, chatId: number, timeoutMs: number): Promise<Reply | null> {
    const chat = this.chat(botId, chatId);
    const queued = chat.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        chat.waiter = null;
        resolve(null);
      }, timeoutMs);
      chat.waiter = (reply) => {
        clearTimeout(timer);
        resolve(reply);
      };
    });
  }

  /** Replies nobody waited for (a bot that answered twice, or late after a timeout). */
  unclaimed(): number {
    let count = 0;
    for (const chat of this.chats.values()) count += chat.queue.length;
    return count;
  }

  clear(): void {
    this.chats.clear();
  }

  private chat(botId: number, chatId: number): ChatReplies {
    const key = `${botId}:${chatId}`;
    let chat = this.chats.get(key);
    if (!chat) {
      chat = { queue: [], waiter: null };
      this.chats.set(key, chat);
    }
    return chat;
  }
}
