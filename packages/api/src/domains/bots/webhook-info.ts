import { DomainError, notFound } from "@switchboard/core";
import { bots, decryptSecret } from "@switchboard/db";
import { and, eq } from "drizzle-orm";
import type { ApiEnv } from "../../context";
import type { WorkspaceScope } from "../../trpc";
import type { BotWebhookInfo } from "./schemas";

/** Telegram's WebhookInfo as it answers it (Bot API). */
interface TelegramWebhookInfo {
  url?: string;
  has_custom_certificate?: boolean;
  pending_update_count?: number;
  ip_address?: string;
  last_error_date?: number;
  last_error_message?: string;
  last_synchronization_error_date?: number;
  max_connections?: number;
  allowed_updates?: string[];
}

const unavailable = (message: string) => new DomainError("UNAVAILABLE", message);
const dateOf = (seconds: number | undefined) =>
  typeof seconds === "number" ? new Date(seconds * 1000) : null;

/**
 * What Telegram says of the bot's webhook (getWebhookInfo, with the bot's token): its address, the
 * updates waiting at Telegram, and the last error Telegram had delivering one. A read-only call, so
 * the admin makes it directly, like the getMe of connecting a bot.
 */
export async function webhookInfoOf(
  scope: WorkspaceScope,
  env: Pick<ApiEnv, "secretKey" | "telegramApiRoot">,
  botId: string,
  timeoutMs = 10_000,
): Promise<BotWebhookInfo> {
  const [bot] = await scope.db
    .select({ tokenEncrypted: bots.tokenEncrypted, deliveryMode: bots.deliveryMode })
    .from(bots)
    .where(and(eq(bots.id, botId), eq(bots.workspaceId, scope.workspaceId)));
  if (!bot) throw notFound("Bot");
  const token = decryptSecret(bot.tokenEncrypted, env.secretKey);
  let response: Response;
  try {
    response = await fetch(`${env.telegramApiRoot}/bot${token}/getWebhookInfo`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    throw unavailable(
      `Could not reach Telegram to ask about the webhook (${err instanceof Error ? err.message : "network error"}).`,
    );
  }
  const body = (await response.json().catch(() => null)) as {
    ok?: boolean;
    description?: string;
    result?: TelegramWebhookInfo;
  } | null;
  if (response.status === 401 || response.status === 404)
    throw unavailable(
      "Telegram rejected the bot's token (Unauthorized). Reconnect the bot with a fresh token.",
    );
  if (!body?.ok || !body.result)
    throw unavailable(`Telegram answered: ${body?.description ?? `HTTP ${response.status}`}.`);
  const info = body.result;
  return {
    deliveryMode: bot.deliveryMode,
    url: info.url ?? "",
    hasCustomCertificate: info.has_custom_certificate === true,
    pendingUpdateCount: info.pending_update_count ?? 0,
    ipAddress: info.ip_address ?? null,
    lastErrorDate: dateOf(info.last_error_date),
    lastErrorMessage: info.last_error_message ?? null,
    lastSynchronizationErrorDate: dateOf(info.last_synchronization_error_date),
    maxConnections: info.max_connections ?? null,
    allowedUpdates: info.allowed_updates ?? null,
  };
}
