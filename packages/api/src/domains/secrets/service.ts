import { listSecrets, removeSecret, setSecret } from "@switchboard/core";
import type { ApiEnv } from "../../context";
import type { ActorScope } from "../../trpc";
import type { SetSecretInput } from "./schemas";

/*
 * Workspace secrets for HTTP request steps' headers ({{secrets.NAME}}). Write-only: the list has
 * names and dates, values are only ever decrypted by the runtime at call time.
 */

export function secretsList({ db, actor }: ActorScope) {
  return listSecrets(db, actor);
}

export function secretsSet({ db, actor }: ActorScope, env: Pick<ApiEnv, "secretKey">, input: SetSecretInput) {
  return setSecret(db, actor, env.secretKey, input);
}

export function secretsRemove({ db, actor }: ActorScope, name: string) {
  return removeSecret(db, actor, name);
}
