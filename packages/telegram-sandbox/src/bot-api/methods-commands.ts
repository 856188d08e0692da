// setMyCommands / getMyCommands / deleteMyCommands, one list per (scope, language_code).

import { badRequest } from "../errors";
import type { TgBotCommand } from "../types";
import type { MethodContext, MethodHandler } from "./context";
import { stableJson } from "./reply-markup";

const COMMAND = /^[a-z0-9_]{1,32}$/;

function listKey(ctx: MethodContext): string {
  const scope = ctx.params.json("scope", "can't parse BotCommandScope JSON object") ?? { type: "default" };
  return stableJson({ scope, language_code: ctx.params.string("language_code") ?? "" });
}

const setMyCommands: MethodHandler = (ctx) => {
  const raw = ctx.params.json("commands", "can't parse commands JSON array");
  if (!Array.isArray(raw)) throw badRequest('parameter "commands" is required');
  if (raw.length > 100) throw badRequest("BOT_COMMANDS_TOO_MUCH");
  const commands: TgBotCommand[] = raw.map((item) => {
    const command = typeof item?.command === "string" ? item.command : "";
    const description = typeof item?.description === "string" ? item.description : "";
    if (!COMMAND.test(command)) throw badRequest("BOT_COMMAND_INVALID");
    if (description.length < 1 || description.length > 256)
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    return { command, description };
  });
  ctx.bot.commands.set(listKey(ctx), commands);
  return true;
};

const getMyCommands: MethodHandler = (ctx) => ctx.bot.commands.get(listKey(ctx)) ?? [];

const deleteMyCommands: MethodHandler = (ctx) => {
  ctx.bot.commands.delete(listKey(ctx));
  return true;
};

export const commandMethods: Record<string, MethodHandler> = {
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
};
