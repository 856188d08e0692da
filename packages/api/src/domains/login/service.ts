import { completeLogin, describeLogin } from "@switchboard/core";
import type { Db } from "@switchboard/db";
import type { ApiEnv } from "../../context";

/*
 * A Login step's one-time link. Not workspace procedures: the page opens without a session, and the
 * link names its own workspace, whose membership the core checks when a signed-in user confirms.
 */

export async function describeLoginLink(db: Db, token: string) {
  const { state, workspaceName, botUsername, telegramName, expiresAt } = await describeLogin(db, token);
  return { state, workspaceName, botUsername, telegramName, expiresAt };
}

/** The signed-in user confirms: the Telegram contact is linked to them and the flow goes on at `success`. */
export async function confirmLoginLink(db: Db, env: ApiEnv, token: string, userId: string) {
  return { state: await completeLogin(db, { token, accept: true, userId }, env.core) };
}

/** Whoever holds the link refuses it: the flow goes on at `failure`. */
export async function cancelLoginLink(db: Db, env: ApiEnv, token: string, userId: string | null) {
  return { state: await completeLogin(db, { token, accept: false, userId }, env.core) };
}
