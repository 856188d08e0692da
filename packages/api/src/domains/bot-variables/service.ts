import {
  listBotVariables,
  listWorkspaceBotVariables,
  removeBotVariable,
  setBotVariable,
} from "@switchboard/core";
import type { ActorScope, WorkspaceScope } from "../../trpc";
import type { SetBotVariableInput } from "./schemas";

/* Bot variables (Bot settings → Variables), read by flows as `{{bot.KEY}}`. Members read, editors write. */

export function listOfBot({ db, workspaceId }: WorkspaceScope, botId: string) {
  return listBotVariables(db, workspaceId, botId);
}

export function listOfWorkspace({ db, workspaceId }: WorkspaceScope) {
  return listWorkspaceBotVariables(db, workspaceId);
}

export function setVariable({ db, actor }: ActorScope, input: SetBotVariableInput) {
  return setBotVariable(db, actor, input);
}

export function removeVariable({ db, actor }: ActorScope, botId: string, key: string) {
  return removeBotVariable(db, actor, botId, key);
}
