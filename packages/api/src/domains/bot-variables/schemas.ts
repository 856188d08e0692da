import { z } from "zod";

// ---- inputs ----

export const botVariablesOfInput = z.object({ botId: z.string().uuid() });

/*
 * Checked in full by the core (botVariableKeySchema / botVariableValueSchema of @switchboard/flow:
 * key format, value length, at most 100 per bot); here only the shape.
 */
export const setBotVariableInput = z.object({
  botId: z.string().uuid(),
  /** `{{bot.KEY}}`: lowercase letters, digits and `_`, starting with a letter, at most 32. */
  key: z.string().max(100),
  value: z.string().max(10_000),
});
export type SetBotVariableInput = z.infer<typeof setBotVariableInput>;

export const removeBotVariableInput = z.object({ botId: z.string().uuid(), key: z.string().max(100) });

// ---- outputs ----

export const botVariableSchema = z.object({ key: z.string(), value: z.string(), updatedAt: z.date() });
export const listBotVariablesOutput = z.array(botVariableSchema);

/** Every bot's variables in the workspace: the builder's variable picker and checks. */
export const workspaceBotVariablesOutput = z.array(
  z.object({ botId: z.string(), key: z.string(), value: z.string() }),
);
export const removeBotVariableOutput = z.void();
