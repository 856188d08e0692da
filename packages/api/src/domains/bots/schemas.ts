import { botSettingsSchema } from "@switchboard/core";
import { botStatus, deliveryMode } from "@switchboard/db";
import { z } from "zod";
import { isStorableText } from "../flows/storable-text";

// ---- inputs ----

export const botIdInput = z.object({ id: z.string().uuid() });
export type BotIdInput = z.infer<typeof botIdInput>;

export const connectBotInput = z.object({
  token: z.string().trim().min(1, "Paste the bot token.").max(200),
});
export type ConnectBotInput = z.infer<typeof connectBotInput>;

/** Omitted fields stay as they are; `entryFlowId: null` detaches the flow. */
export const updateBotInput = z.object({
  id: z.string().uuid(),
  entryFlowId: z.string().uuid().nullable().optional(),
  deliveryMode: z.enum(["polling", "webhook"]).optional(),
  waitForStart: z.boolean().optional(),
  enabled: z.boolean().optional(),
});
export type UpdateBotInput = z.infer<typeof updateBotInput>;

/** A text the bot sends: Telegram's 4,096 characters, and nothing Postgres can't store. */
const botText = z
  .string()
  .max(4096, "A message can have at most 4,096 characters.")
  .refine(
    isStorableText,
    "The text contains a character that can't be saved (a NUL character or half an emoji).",
  );

/** Supergroup ids are -100 followed by the group's own id (Bot API): -1000000000000 minus it. */
export const SUPERGROUP_ID_MAX = -1_000_000_000_001;

const minutes = (max: number, what: string) =>
  z
    .number()
    .int(`${what} is a whole number of minutes.`)
    .min(0, `${what} can't be negative.`)
    .max(max, `${what} can be at most ${max.toLocaleString("en-US")} minutes.`);

/**
 * A deep-partial of BotSettings (@switchboard/core): what is given replaces the stored value, the rest
 * stays. The limits are the core schema's; the merged result is checked against that schema again.
 */
export const botSettingsPatchSchema = z
  .object({
    /** The bot's send limit (every runtime together); 1000 needs Telegram's paid broadcasts. */
    messagesPerSecond: z
      .number()
      .int("The send limit is a whole number of messages per second.")
      .min(1, "The send limit is at least 1 message per second.")
      .max(1000, "The send limit can be at most 1,000 messages per second (Telegram's paid broadcasts)."),
    waitForStart: z.boolean(),
    beforeStartText: botText,
    sendLeadText: z.boolean(),
    loginDomainLinked: z.boolean(),
    operator: z
      .object({
        maxParallelChats: z
          .number()
          .int("The number of parallel chats is a whole number.")
          .min(1, "An operator needs at least 1 parallel chat.")
          .max(100, "An operator can have at most 100 parallel chats."),
        onlyMyClients: z.boolean(),
        showOperatorName: z.boolean(),
        maxWaitMinutes: minutes(10_080, "The maximum waiting time"),
        closeAfterMinutes: minutes(43_200, "The closing time"),
        texts: z
          .object({
            connected: botText,
            noOperator: botText,
            howToEnd: botText,
            completed: botText,
            afterMaxWait: botText,
          })
          .partial()
          .strict(),
      })
      .partial()
      .strict(),
    /** The operators' Telegram supergroup with forum topics (@switchboard/core forum/). */
    operatorGroup: z
      .object({
        chatId: z
          .number()
          .int("A group's id is a whole number.")
          .min(-Number.MAX_SAFE_INTEGER, "This is not a Telegram group's id.")
          .max(SUPERGROUP_ID_MAX, "This is not a supergroup's id: it starts with -100 (e.g. -1001234567890).")
          .nullable(),
        enabled: z.boolean(),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();
export type BotSettingsPatch = z.infer<typeof botSettingsPatchSchema>;

export const updateBotSettingsInput = z.object({ id: z.string().uuid(), settings: botSettingsPatchSchema });
export type UpdateBotSettingsInput = z.infer<typeof updateBotSettingsInput>;

// ---- outputs ----

/** What the browser may see of a bot: never the token, its ciphertext or the webhook secret. */
export const botSchema = z.object({
  id: z.string(),
  username: z.string(),
  firstName: z.string(),
  telegramId: z.number(),
  enabled: z.boolean(),
  status: z.enum(botStatus.enumValues),
  lastError: z.string().nullable(),
  lastErrorAt: z.date().nullable(),
  deliveryMode: z.enum(deliveryMode.enumValues),
  tokenHint: z.string(),
  entryFlowId: z.string().nullable(),
  /** The stored `bots.settings` as the core parses it (BotSettings: defaults filled in). */
  settings: botSettingsSchema,
  /** = settings.waitForStart, flat for the bots table. */
  waitForStart: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Bot = z.infer<typeof botSchema>;

export const listBotsOutput = z.array(botSchema);
export type ListBotsOutput = z.infer<typeof listBotsOutput>;

export const removeBotOutput = z.void();

// ---- the bot's log and Telegram's webhook info (admin → Bots → Logs) ----

export const botLogsInput = z.object({
  botId: z.string().uuid(),
  level: z.enum(["info", "warn", "error"]).optional(),
  /** A Telegram method ("sendMessage") or a kind of line ("update": updates set aside or ignored). */
  method: z.string().trim().min(1).max(100).optional(),
  search: z.string().max(200, "Search for at most 200 characters.").optional(),
  from: z.date().optional(),
  to: z.date().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).optional(),
});

export const botLogLineSchema = z.object({
  id: z.string(),
  level: z.enum(["info", "warn", "error"]),
  method: z.string().nullable(),
  message: z.string(),
  details: z.unknown(),
  createdAt: z.date(),
});

export const botLogsOutput = z.object({
  items: z.array(botLogLineSchema),
  nextCursor: z.string().nullable(),
  /** Every method (kind) the bot's log has, for the filter. */
  methods: z.array(z.string()),
});

export const botWebhookInfoInput = z.object({ botId: z.string().uuid() });

/** Telegram's getWebhookInfo, in the API's casing; an empty url means the bot is polled. */
export const botWebhookInfoOutput = z.object({
  deliveryMode: z.enum(deliveryMode.enumValues),
  url: z.string(),
  hasCustomCertificate: z.boolean(),
  pendingUpdateCount: z.number().int(),
  ipAddress: z.string().nullable(),
  lastErrorDate: z.date().nullable(),
  lastErrorMessage: z.string().nullable(),
  lastSynchronizationErrorDate: z.date().nullable(),
  maxConnections: z.number().int().nullable(),
  allowedUpdates: z.array(z.string()).nullable(),
});
export type BotWebhookInfo = z.infer<typeof botWebhookInfoOutput>;
