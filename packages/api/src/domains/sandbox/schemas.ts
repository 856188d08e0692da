import type { SandboxMessage } from "@switchboard/telegram-sandbox/client";
import { z } from "zod";

// ---- inputs ----

const sandboxUser = z.object({
  id: z.number().int().positive(),
  first_name: z.string().min(1).max(64),
  username: z.string().max(32).optional(),
});

export const sandboxActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string().min(1).max(20_000) }),
  z.object({ type: z.literal("start"), payload: z.string().max(64).optional() }),
  z.object({
    type: z.literal("press"),
    messageId: z.number().int(),
    callbackData: z.string().max(64),
  }),
  /** Shares the user's own phone without a button. */
  z.object({ type: z.literal("contact"), phone: z.string().min(3).max(32) }),
  /** Taps the request_contact button of the reply keyboard on the screen (refused when there is none). */
  z.object({ type: z.literal("contact_button"), phone: z.string().min(3).max(32) }),
  /** Presses an inline login_url button (by row and column) and accepts to log in. */
  z.object({
    type: z.literal("login"),
    messageId: z.number().int(),
    row: z.number().int().min(0).max(99),
    column: z.number().int().min(0).max(99),
  }),
]);
export type SandboxAction = z.infer<typeof sandboxActionSchema>;

export const sandboxSendInput = z.object({
  botId: z.string().uuid(),
  user: sandboxUser,
  action: sandboxActionSchema,
});
export type SandboxSendInput = z.infer<typeof sandboxSendInput>;

export const sandboxMessagesInput = z.object({
  botId: z.string().uuid(),
  chatId: z.number().int(),
  afterMessageId: z.number().int().optional(),
});
export type SandboxMessagesInput = z.infer<typeof sandboxMessagesInput>;

export const createSandboxBotInput = z.object({
  username: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{3,30}bot$/i, "A bot username ends in 'bot', e.g. acme_support_bot."),
});
export type CreateSandboxBotInput = z.infer<typeof createSandboxBotInput>;

// ---- outputs ----

export const sandboxStatusOutput = z.object({ url: z.string().nullable(), reachable: z.boolean() });
export type SandboxStatusOutput = z.infer<typeof sandboxStatusOutput>;

/**
 * The sandbox's answer: the update it queued (null when allowed_updates filtered it out); for `login`,
 * the URL the Telegram app would open (the button's login_url with the signed user data appended).
 */
export const sandboxSendOutput = z.union([
  z.object({ update_id: z.number().nullable(), message_id: z.number() }),
  z.object({ update_id: z.number().nullable(), callback_query_id: z.string() }),
  z.object({ url: z.string() }),
]);
export type SandboxSendOutput = z.infer<typeof sandboxSendOutput>;

/*
 * Telegram-shaped objects relayed from the sandbox. They are loose: the message's own fields and what
 * the admin's sandbox chat reads are checked; anything else (resize_keyboard, a button's web_app, …)
 * passes through as the sandbox sent it, as it did before there was a schema.
 */
const tgUser = z.looseObject({
  id: z.number(),
  is_bot: z.boolean(),
  first_name: z.string(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});
const tgEntity = z.looseObject({ type: z.string(), offset: z.number(), length: z.number() });
const inlineButton = z.looseObject({
  text: z.string(),
  url: z.string().optional(),
  callback_data: z.string().optional(),
  login_url: z.looseObject({ url: z.string() }).optional(),
});
const replyButton = z.looseObject({ text: z.string(), request_contact: z.boolean().optional() });
const replyMarkup = z.union([
  z.looseObject({ inline_keyboard: z.array(z.array(inlineButton)) }),
  z.looseObject({
    keyboard: z.array(z.array(z.union([replyButton, z.string()]))),
    one_time_keyboard: z.boolean().optional(),
  }),
  z.looseObject({ remove_keyboard: z.literal(true) }),
  z.looseObject({ force_reply: z.literal(true) }),
]);
const tgFile = { file_id: z.string(), file_unique_id: z.string(), file_size: z.number().optional() };

/** Typed as the sandbox's own SandboxMessage, which the admin's sandbox chat renders. */
export const sandboxMessageSchema: z.ZodType<SandboxMessage> = z.looseObject({
  message_id: z.number(),
  chat_id: z.number(),
  from_bot: z.boolean(),
  from: tgUser,
  date: z.number(),
  edited: z.boolean(),
  edit_date: z.number().optional(),
  text: z.string().optional(),
  entities: z.array(tgEntity).optional(),
  caption: z.string().optional(),
  caption_entities: z.array(tgEntity).optional(),
  reply_markup: replyMarkup.optional(),
  reply_to_message_id: z.number().optional(),
  photo: z.array(z.looseObject({ ...tgFile, width: z.number(), height: z.number() })).optional(),
  document: z
    .looseObject({ ...tgFile, file_name: z.string().optional(), mime_type: z.string().optional() })
    .optional(),
  contact: z
    .looseObject({
      phone_number: z.string(),
      first_name: z.string(),
      last_name: z.string().optional(),
      user_id: z.number().optional(),
    })
    .optional(),
});

export const sandboxMessagesOutput = z.array(sandboxMessageSchema);
export type SandboxMessagesOutput = z.infer<typeof sandboxMessagesOutput>;

export { botSchema as createSandboxBotOutput } from "../bots/schemas";
