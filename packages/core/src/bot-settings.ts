import { defaultEngineSettings, defaultOperatorTexts, type EngineSettings } from "@switchboard/flow";
import { z } from "zod";

const text = (fallback: string) => z.string().max(4096).catch(fallback).default(fallback);

/**
 * A bot's settings as stored in `bots.settings` (JSON). Parsing never fails: a missing or broken
 * value falls back to its default, so a row written by an older version still works.
 */
const operatorTextsSchema = z
  .object({
    connected: text(defaultOperatorTexts.connected),
    noOperator: text(defaultOperatorTexts.noOperator),
    howToEnd: text(defaultOperatorTexts.howToEnd),
    completed: text(defaultOperatorTexts.completed),
    afterMaxWait: text(defaultOperatorTexts.afterMaxWait),
  })
  .catch({ ...defaultOperatorTexts })
  .prefault({});

const operatorSettingsSchema = z.object({
  maxParallelChats: z.number().int().min(1).max(100).catch(5).default(5),
  onlyMyClients: z.boolean().catch(false).default(false),
  showOperatorName: z.boolean().catch(false).default(false),
  /** Minutes in the queue before "after the maximum waiting time" and `no_operator`; 0 = never. */
  maxWaitMinutes: z.number().int().min(0).max(10_080).catch(10).default(10),
  /** Minutes of silence after which an operator conversation closes by itself; 0 = never. */
  closeAfterMinutes: z.number().int().min(0).max(43_200).catch(0).default(0),
  texts: operatorTextsSchema,
});

/**
 * The operators' Telegram supergroup with forum topics (forum/): each customer routed to operators gets a
 * topic there, their messages are mirrored into it and the group's replies go back to them. A supergroup's
 * id is negative (-100…); anything else falls back to null (off).
 */
const operatorGroupSchema = z.object({
  chatId: z.number().int().max(-1).min(-Number.MAX_SAFE_INTEGER).nullable().catch(null).default(null),
  enabled: z.boolean().catch(false).default(false),
});
export type OperatorGroupSettings = z.infer<typeof operatorGroupSchema>;

/** Telegram's documented ceiling for one bot is about 30 messages a second. */
export const DEFAULT_MESSAGES_PER_SECOND = 30;
/** Telegram's paid broadcasts allow a bot up to 1000 messages a second. */
export const MAX_MESSAGES_PER_SECOND = 1000;

export const botSettingsSchema = z.object({
  /**
   * The bot's send limit across all its chats (every runtime together). Raise it only for a bot with
   * paid broadcasts enabled; the runtime's pacer reads it with every block of send slots it reserves.
   */
  messagesPerSecond: z
    .number()
    .int()
    .min(1)
    .max(MAX_MESSAGES_PER_SECOND)
    .catch(DEFAULT_MESSAGES_PER_SECOND)
    .default(DEFAULT_MESSAGES_PER_SECOND),
  /** A new user must send /start first; anything else gets `beforeStartText`. */
  waitForStart: z.boolean().catch(false).default(false),
  beforeStartText: text(defaultEngineSettings.beforeStartText),
  /** Send a Create-lead step's text after the lead is created. */
  sendLeadText: z.boolean().catch(true).default(true),
  /** The bot's domain is linked in BotFather (/setdomain): Login buttons use Telegram's login_url. */
  loginDomainLinked: z.boolean().catch(false).default(false),
  // A broken operator object falls back to all its defaults.
  operator: operatorSettingsSchema.catch(() => operatorSettingsSchema.parse({})).prefault({}),
  // Optional: absent on bots that never set it (they don't use a group); a broken value is absent too.
  operatorGroup: operatorGroupSchema.optional().catch(undefined),
});
export type BotSettings = z.infer<typeof botSettingsSchema>;

export const parseBotSettings = (raw: unknown): BotSettings =>
  botSettingsSchema.parse(raw && typeof raw === "object" && !Array.isArray(raw) ? raw : {});

export const defaultBotSettings = (): BotSettings => parseBotSettings({});

/** The supergroup the bot's operators work in, when it is set and switched on; null otherwise. */
export function operatorGroupOf(settings: BotSettings): number | null {
  const group = settings.operatorGroup;
  return group?.enabled && group.chatId !== null ? group.chatId : null;
}

/** What the engine needs of a bot's settings. */
export function engineSettingsOf(settings: BotSettings): EngineSettings {
  return {
    ...defaultEngineSettings,
    waitForStart: settings.waitForStart,
    beforeStartText: settings.beforeStartText,
    sendLeadText: settings.sendLeadText,
    operator: {
      maxWaitMinutes: settings.operator.maxWaitMinutes,
      showOperatorName: settings.operator.showOperatorName,
      texts: settings.operator.texts,
    },
  };
}
