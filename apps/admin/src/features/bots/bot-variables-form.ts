import { botVariableKeySchema, botVariableValueSchema, MAX_BOT_VARIABLES } from "@switchboard/flow";

/* The Variables section of a bot's settings: checks before a row is sent (the server checks again). */

export interface VariableErrors {
  key?: string;
  value?: string;
}

/** Problems with a new variable, given the keys the bot already has. Empty when it can be added. */
export function validateNewVariable(
  key: string,
  value: string,
  existingKeys: readonly string[],
): VariableErrors {
  const errors: VariableErrors = {};
  const k = key.trim();
  if (k === "") errors.key = "Enter a key.";
  else if (!botVariableKeySchema.safeParse(k).success)
    errors.key = "Lowercase letters, digits and _, starting with a letter, at most 32.";
  else if (existingKeys.includes(k)) errors.key = `The bot already has “${k}”: change its value below.`;
  else if (existingKeys.length >= MAX_BOT_VARIABLES)
    errors.key = `A bot has at most ${MAX_BOT_VARIABLES} variables.`;
  const valueError = validateValue(value);
  if (valueError) errors.value = valueError;
  return errors;
}

export function validateValue(value: string): string | undefined {
  return botVariableValueSchema.safeParse(value).success
    ? undefined
    : `At most ${(4096).toLocaleString("en-US")} characters.`;
}

export const hasErrors = (errors: VariableErrors) => !!(errors.key || errors.value);

/** How a flow reads the variable. */
export const variableToken = (key: string) => `{{bot.${key}}}`;
