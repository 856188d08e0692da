import { files, fileTelegramIds } from "@switchboard/db";
import { and, eq } from "drizzle-orm";
import type { Executor } from "../db";

/** The file_id Telegram gave this bot for a stored file, if it was sent before. */
export async function telegramFileIdFor(db: Executor, fileId: string, botId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: fileTelegramIds.telegramFileId })
    .from(fileTelegramIds)
    .where(and(eq(fileTelegramIds.fileId, fileId), eq(fileTelegramIds.botId, botId)));
  return row?.id ?? null;
}

export async function rememberTelegramFileId(
  db: Executor,
  fileId: string,
  botId: string,
  telegramFileId: string,
) {
  await db
    .insert(fileTelegramIds)
    .values({ fileId, botId, telegramFileId })
    .onConflictDoUpdate({ target: [fileTelegramIds.fileId, fileTelegramIds.botId], set: { telegramFileId } });
}

/** A stored file's row, for sending it (the storage key) — null if it was deleted. */
export async function storedFile(db: Executor, fileId: string) {
  const [row] = await db.select().from(files).where(eq(files.id, fileId));
  return row ?? null;
}

export async function forgetTelegramFileId(db: Executor, fileId: string, botId: string) {
  await db
    .delete(fileTelegramIds)
    .where(and(eq(fileTelegramIds.fileId, fileId), eq(fileTelegramIds.botId, botId)));
}
