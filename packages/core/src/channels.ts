/**
 * Postgres LISTEN/NOTIFY channels between the processes (admin/API and runtimes). One place for
 * their names and payloads, so a sender and a listener can't drift apart.
 */
export const CHANNELS = {
  /** A bot was connected, changed, removed, or its flow was published. Payload: the bot id. */
  bots: "switchboard_bots",
  /** Messages were queued in the outbox of a conversation. Payload: OutboxWakeUp JSON. */
  outbox: "switchboard_outbox",
  /** A timer was scheduled to fire soon. Payload: the bot id. */
  timers: "switchboard_timers",
  /** A workspace's operator queue may be drained (a conversation waits, a slot freed, someone came online). Payload: the workspace id. */
  routing: "switchboard_routing",
  /** A user's file waits to be downloaded. Payload: the bot id. */
  downloads: "switchboard_downloads",
  /** Realtime events were recorded (one notice per statement). Payload: RealtimeNotice JSON. */
  realtime: "switchboard_realtime",
  /** Lines were queued in a bot's topic outbox (the operators' forum group). Payload: the bot id. */
  topicOutbox: "switchboard_topic_outbox",
  /** A webhook delivery was queued (Send webhook, or redelivered by hand). Payload: the workspace id. */
  webhooks: "switchboard_webhooks",
  /** An HTTP request step's call waits for a runtime (http_jobs). Payload: the bot id. */
  http: "switchboard_http",
} as const;

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

export interface OutboxWakeUp {
  botId: string;
  conversationId: string;
  chatId: number;
}

export interface RealtimeNotice {
  /** The newest of the events announced: a wake-up, listeners read every event after their last one. */
  id: number;
  workspaceId: string;
}
