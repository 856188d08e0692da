import { joinOperatorPool, leaveOperatorPool, listOperatorPool } from "@switchboard/core";
import type { ActorScope } from "../../trpc";

/** The bot's operator pool: who may take its waiting conversations. */
export const operatorPool = (scope: ActorScope, botId: string) =>
  listOperatorPool(scope.db, scope.actor, botId);

/** The caller takes the bot's conversations from now on (idempotent); answers the pool. */
export async function joinPool(scope: ActorScope, botId: string) {
  await joinOperatorPool(scope.db, scope.actor, botId);
  return operatorPool(scope, botId);
}

/** The caller stops taking the bot's conversations (their open ones stay theirs); answers the pool. */
export async function leavePool(scope: ActorScope, botId: string) {
  await leaveOperatorPool(scope.db, scope.actor, botId);
  return operatorPool(scope, botId);
}
