import { botStatus, deliveryMode } from "@switchboard/db";
import { z } from "zod";

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

// ---- outputs ----

/** The jsonb `bots.settings` (BotSettings): written only by this package, always both fields. */
const botSettingsSchema = z.object({ waitForStart: z.boolean(), beforeStartText: z.string() });

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
