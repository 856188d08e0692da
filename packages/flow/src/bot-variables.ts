import { z } from "zod";

/**
 * Bot variables: a per-bot table of key → value (Bot settings → Variables), read by templates as
 * `{{bot.KEY}}` (a referral link, a support phone, a promo code that differs per bot).
 */
export const MAX_BOT_VARIABLES = 100;
export const MAX_BOT_VARIABLE_VALUE = 4096;

export const botVariableKeySchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,31}$/,
    "variable keys use lowercase letters, digits and '_', start with a letter, at most 32 characters",
  );

export const botVariableValueSchema = z
  .string()
  .max(MAX_BOT_VARIABLE_VALUE, `a value is at most ${MAX_BOT_VARIABLE_VALUE} characters`);
