import { randomBytes } from "node:crypto";
import { conflict, notFound, preconditionFailed } from "@switchboard/core";
import { bots, decryptSecret } from "@switchboard/db";
import { SandboxClient } from "@switchboard/telegram-sandbox/client";
import { and, eq, sql } from "drizzle-orm";
import type { ApiEnv } from "../../context";
import type { WorkspaceScope } from "../../trpc";
import { connectBot } from "../bots/service";
import { sandboxFailure } from "./errors";
import type { SandboxMessagesInput, SandboxSendInput } from "./schemas";

/** Acting as a Telegram user through the local Bot API sandbox: the admin's "Sandbox chat". */
function client(env: ApiEnv) {
  if (!env.sandboxUrl) throw preconditionFailed("No Bot API sandbox is configured (SANDBOX_URL).");
  return new SandboxClient(env.sandboxUrl);
}

async function botToken(scope: WorkspaceScope, env: ApiEnv, botId: string) {
  const [row] = await scope.db
    .select({ tokenEncrypted: bots.tokenEncrypted })
    .from(bots)
    .where(and(eq(bots.id, botId), eq(bots.workspaceId, scope.workspaceId)));
  if (!row) throw notFound("Bot");
  return decryptSecret(row.tokenEncrypted, env.secretKey);
}

export async function sandboxStatus(env: ApiEnv) {
  if (!env.sandboxUrl) return { url: null, reachable: false };
  try {
    await new SandboxClient(env.sandboxUrl).listBots();
    return { url: env.sandboxUrl, reachable: true };
  } catch {
    return { url: env.sandboxUrl, reachable: false };
  }
}

export async function sandboxSend(scope: WorkspaceScope, env: ApiEnv, input: SandboxSendInput) {
  const token = await botToken(scope, env, input.botId);
  const c = client(env);
  const from = input.user;
  const a = input.action;
  try {
    switch (a.type) {
      case "text":
        return await c.sendText({ token, from, text: a.text });
      case "start":
        return await c.start({ token, from, ...(a.payload ? { payload: a.payload } : {}) });
      case "press":
        return await c.pressInlineButton({
          token,
          from,
          messageId: a.messageId,
          callbackData: a.callbackData,
        });
      case "contact":
        return await c.shareContact({ token, from, phoneNumber: a.phone });
      case "contact_button":
        return await c.tapContactButton({ token, from, phoneNumber: a.phone });
      case "login": {
        const pressed = await c.pressLoginButton({
          token,
          from,
          messageId: a.messageId,
          row: a.row,
          column: a.column,
        });
        return { url: pressed.url };
      }
    }
  } catch (err) {
    throw sandboxFailure(err);
  }
}

export async function sandboxMessages(scope: WorkspaceScope, env: ApiEnv, input: SandboxMessagesInput) {
  const token = await botToken(scope, env, input.botId);
  try {
    return await client(env).getMessages({
      token,
      chatId: input.chatId,
      ...(input.afterMessageId ? { afterMessageId: input.afterMessageId } : {}),
    });
  } catch (err) {
    throw sandboxFailure(err);
  }
}

/** Makes a new bot inside the sandbox and connects it to the workspace, as BotFather + "Connect" would. */
export async function createSandboxBot(scope: WorkspaceScope, env: ApiEnv, username: string) {
  const c = client(env);
  // Usernames are unique on Telegram, so across workspaces here: another workspace's bot (or this
  // one's) keeps its name even when the sandbox, which holds bots in memory, was restarted and forgot it.
  const [taken] = await scope.db
    .select({ id: bots.id })
    .from(bots)
    .where(eq(sql`lower(${bots.username})`, username.replace(/^@/, "").toLowerCase()))
    .limit(1);
  if (taken) throw conflict(`The username @${username.replace(/^@/, "")} is taken. Choose another.`);
  const id = 7_000_000_000 + Math.floor(Math.random() * 999_999_999);
  const token = `${id}:${randomBytes(27).toString("base64url").slice(0, 35)}`;
  try {
    await c.registerBot({ token, username, firstName: username.replace(/_?bot$/i, "") || username });
  } catch (err) {
    throw sandboxFailure(err);
  }
  return connectBot(scope, { ...env, telegramApiRoot: env.sandboxUrl! }, token);
}
