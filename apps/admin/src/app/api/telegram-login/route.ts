import { apiEnvFromProcess } from "@switchboard/api";
import { completeLogin, loginLinkOwner } from "@switchboard/core";
import { bots, decryptSecret, getDb, secretKeyFromEnv } from "@switchboard/db";
import { eq } from "drizzle-orm";
import { NextResponse } from "next/server";
import { serverLog } from "@/server/log";
import { decideTelegramLogin, loginPagePath, loginTokenOf } from "@/server/telegram-login";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

async function botToken(botId: string): Promise<string | null> {
  const [row] = await getDb()
    .select({ tokenEncrypted: bots.tokenEncrypted })
    .from(bots)
    .where(eq(bots.id, botId));
  if (!row) return null;
  try {
    return decryptSecret(row.tokenEncrypted, secretKeyFromEnv());
  } catch {
    return null;
  }
}

/**
 * Telegram's login_url target: checks the signed user data Telegram appended against the link's bot
 * and Telegram user, refuses the link when it doesn't hold, and sends the browser to the link's page
 * (which asks a signed-in member to confirm, or shows that the link was refused).
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const token = loginTokenOf(url.searchParams);
  const base = process.env.ADMIN_URL ?? url.origin;
  if (!token) return NextResponse.redirect(new URL("/bots", base), 303);

  const db = getDb();
  const owner = await loginLinkOwner(db, token);
  const decision = decideTelegramLogin({
    owner,
    botToken: owner ? await botToken(owner.botId) : null,
    params: url.searchParams,
  });
  if (decision === "refuse") {
    try {
      await completeLogin(db, { token, accept: false, userId: null }, apiEnvFromProcess().core);
    } catch (err) {
      serverLog("telegram-login").error({ err }, "refusing the link failed");
    }
  }
  return NextResponse.redirect(new URL(loginPagePath(token), base), 303);
}
