import {
  getWebhookDelivery,
  listWebhookDeliveries,
  redeliverWebhook,
  revealSigningSecret,
  rotateSigningSecret,
} from "@switchboard/core";
import type { ApiEnv } from "../../context";
import type { ActorScope } from "../../trpc";
import type { ListDeliveriesInput } from "./schemas";

/*
 * Send-webhook deliveries and the workspace's signing secret: owners and marketers (the router's
 * editor procedure, and the core checks again).
 */

export function deliveriesOf({ db, actor }: ActorScope, input: ListDeliveriesInput) {
  return listWebhookDeliveries(db, actor, input);
}

export async function deliveryOf({ db, actor }: ActorScope, id: string) {
  const d = await getWebhookDelivery(db, actor, id);
  return { ...d, payload: { ...d.payload } };
}

export async function redeliver({ db, actor }: ActorScope, id: string) {
  const d = await redeliverWebhook(db, actor, id);
  return { ...d, payload: { ...d.payload } };
}

export function signingSecretOf({ db, actor }: ActorScope, env: Pick<ApiEnv, "secretKey">) {
  return revealSigningSecret(db, actor, env.secretKey);
}

export function rotateSecret({ db, actor }: ActorScope, env: Pick<ApiEnv, "secretKey">) {
  return rotateSigningSecret(db, actor, env.secretKey);
}
