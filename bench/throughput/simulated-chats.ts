/**
 * The load: simulated Telegram users, each in their own private chat with a bot, sending through the
 * sandbox's control API and waiting for the one reply before sending the next message.
 */
import type { SandboxClient } from "@switchboard/telegram-sandbox";
import type { ReplyInbox } from "./replies";

export interface SimulatedChat {
  token: string;
  botId: number;
  /** The user's id, which is also the private chat's id. */
  userId: number;
}

export interface ChatRunResult {
  /** Messages sent in the measured part. */
  sent: number;
  /** Replies that were the echo of the message just sent. */
  correct: number;
  /** Replies with another text (e.g. the echo of an earlier message that came late). */
  wrong: number;
  /** Messages whose reply did not come within the reply timeout. */
  missing: number;
  /** Send → reply seen, ms, of every reply that came (right or wrong). */
  latenciesMs: number[];
  /** First send to last reply of the measured part, ms. */
  durationMs: number;
  /** How long the warm-up (one /start per chat and its warm-up messages, not counted) took, ms. */
  warmUpMs: number;
  /** Warm-up /starts that got no reply. */
  warmUpMissing: number;
}

export interface ChatRunOptions {
  client: SandboxClient;
  inbox: ReplyInbox;
  chats: SimulatedChat[];
  messagesPerChat: number;
  /**
   * Messages each chat sends after its /start and before the clock starts, not counted: the measured
   * part then sees the systems in their steady state (JIT-compiled, every pool connection open with
   * its statements prepared and planned) rather than a process's first seconds.
   */
  warmUpMessages: number;
  replyTimeoutMs: number;
  /** Longer: the system under test may still be starting (connecting, first getUpdates). */
  warmUpTimeoutMs: number;
  /** Rejects when the system under test dies, so a crash does not look like a slow run. */
  aborted: Promise<never>;
  /** Called when the warm-up is over and the measured part begins (CPU readings start here). */
  onMeasuredStart?: () => void;
}

export function expectedReply(text: string): string {
  return `echo: ${text}`;
}

/**
 * Warm-up first: every chat sends /start and waits for its reply, so conversations exist and the bots are
 * polling before the clock starts, then its warm-up messages the same way as the measured ones. Then
 * every chat sends its messages one after the other, all chats at once.
 */
export async function runChats(options: ChatRunOptions): Promise<ChatRunResult> {
  const { client, inbox, chats, replyTimeoutMs } = options;
  const warmUpStart = performance.now();
  const warmUps = await Promise.race([
    Promise.all(
      chats.map(async (chat) => {
        await send(client, chat, "/start");
        return inbox.next(chat.botId, chat.userId, options.warmUpTimeoutMs);
      }),
    ),
    options.aborted,
  ]);
  const warmUpMissing = warmUps.filter((reply) => reply === null).length;
  if (warmUpMissing === chats.length)
    throw new Error(
      `No chat got a reply to /start within ${options.warmUpTimeoutMs / 1000} s: the bot under test is not answering.`,
    );
  await Promise.race([
    Promise.all(
      chats.map(async (chat) => {
        for (let i = 0; i < options.warmUpMessages; i++) {
          await send(client, chat, `warm-up ${chat.userId} ${i + 1}`);
          await inbox.next(chat.botId, chat.userId, replyTimeoutMs);
        }
      }),
    ),
    options.aborted,
  ]);
  const warmUpMs = performance.now() - warmUpStart;

  const result: ChatRunResult = {
    sent: 0,
    correct: 0,
    wrong: 0,
    missing: 0,
    latenciesMs: [],
    durationMs: 0,
    warmUpMs,
    warmUpMissing,
  };
  // A run id in every text, so a reply can never be mistaken for one from another run.
  const run = Math.random().toString(36).slice(2, 8);
  options.onMeasuredStart?.();
  const start = performance.now();
  let lastReplyAt = start;
  await Promise.race([
    Promise.all(
      chats.map(async (chat) => {
        for (let i = 0; i < options.messagesPerChat; i++) {
          const text = `${run} chat ${chat.userId} message ${i + 1}`;
          const sentAt = performance.now();
          await send(client, chat, text);
          result.sent++;
          const reply = await inbox.next(chat.botId, chat.userId, replyTimeoutMs);
          if (!reply) {
            result.missing++;
            continue;
          }
          result.latenciesMs.push(reply.seenAt - sentAt);
          lastReplyAt = Math.max(lastReplyAt, reply.seenAt);
          if (reply.text === expectedReply(text)) result.correct++;
          else result.wrong++;
        }
      }),
    ),
    options.aborted,
  ]);
  result.durationMs = lastReplyAt - start;
  return result;
}

function send(client: SandboxClient, chat: SimulatedChat, text: string) {
  return client.sendText({
    token: chat.token,
    from: { id: chat.userId, first_name: `User ${chat.userId}` },
    text,
  });
}
