import {
  CHANNELS,
  claimDueDownloads,
  type DownloadJob,
  type FileStorage,
  finishDownload,
  markDownloadTooBig,
  recordDownloadFailure,
} from "@switchboard/core";
import { bots, type Db, decryptSecret } from "@switchboard/db";
import { eq } from "drizzle-orm";
import type { Sql } from "postgres";
import { Telegram } from "telegraf";
import type { Logger } from "./log";
import { NotifiedLoop } from "./notified-loop";
import { fetchTelegramFile } from "./telegram/file-download";
import { keepConnectionsAlive } from "./telegram/keep-alive";

/** Downloads claimed per round, all at once: each is one getFile and one HTTP GET, no chat lock. */
const BATCH = 4;

export interface MediaWorkerDeps {
  db: Db;
  sql: Sql;
  files: FileStorage;
  log: Logger;
  secretKey: Buffer;
  apiRoot: string;
  /** How often due downloads are looked for (they also wake on NOTIFY switchboard_downloads). */
  pollMs: number;
}

/**
 * Downloads the files users send (core media/downloads.ts owns the queue). Separate from update
 * processing on purpose: a chat's updates never wait for a file, and a slow or failing download only
 * delays itself. Any runtime may take any enabled bot's download; a claim's lease hands it to another
 * runtime if this one dies, and a download queued while every runtime was down is taken on the first
 * round after one starts. It needs no bot runner: it reads the bot's token itself.
 */
export class MediaDownloadWorker extends NotifiedLoop {
  /** Telegram clients by bot, rebuilt when the stored token changes. */
  private readonly clients = new Map<string, { tokenEncrypted: string; telegram: Telegram }>();

  constructor(private readonly deps: MediaWorkerDeps) {
    super({
      sql: deps.sql,
      channel: CHANNELS.downloads,
      pollMs: deps.pollMs,
      log: deps.log,
      name: "download round",
    });
  }

  protected override async round(): Promise<{ full: boolean }> {
    const due = await claimDueDownloads(this.deps.db, BATCH);
    await Promise.all(due.map((job) => this.download(job)));
    return { full: due.length === BATCH };
  }

  private async download(job: DownloadJob) {
    const { db, files, log } = this.deps;
    try {
      const telegram = await this.telegramFor(job.botId);
      if (!telegram) return; // The bot is gone: its rows went with it.
      const outcome = await fetchTelegramFile(telegram, job.telegramFileId, this.signal);
      if (this.signal.aborted) return; // Stopping: the lease hands it to the next runtime.
      switch (outcome.kind) {
        case "ok":
          await finishDownload(db, files, job, outcome.bytes);
          return;
        case "too_big":
          log("info", "user's file is over Telegram's 20 MB for bots; not downloaded", {
            messageId: job.messageId,
            reason: outcome.reason,
          });
          await markDownloadTooBig(db, job, outcome.reason);
          return;
        case "retry": {
          const retryAfter = outcome.retryAfterSeconds;
          const result = await recordDownloadFailure(
            db,
            job,
            outcome.error,
            retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter },
          );
          log(
            result === "failed" ? "error" : "warn",
            `downloading a user's file failed; ${result === "failed" ? "gave up" : "will retry"}`,
            {
              messageId: job.messageId,
              error: outcome.error,
            },
          );
          return;
        }
      }
    } catch (err) {
      // The storage or the database failed: retried with backoff like any other failure.
      await recordDownloadFailure(db, job, String(err)).catch(() => {});
      log("warn", "storing a user's file failed; will retry", {
        messageId: job.messageId,
        error: String(err),
      });
    }
  }

  private async telegramFor(botId: string): Promise<Telegram | null> {
    const [row] = await this.deps.db
      .select({ tokenEncrypted: bots.tokenEncrypted })
      .from(bots)
      .where(eq(bots.id, botId));
    if (!row) return null;
    const cached = this.clients.get(botId);
    if (cached?.tokenEncrypted === row.tokenEncrypted) return cached.telegram;
    const token = decryptSecret(row.tokenEncrypted, this.deps.secretKey);
    const telegram = keepConnectionsAlive(new Telegram(token, { apiRoot: this.deps.apiRoot }));
    this.clients.set(botId, { tokenEncrypted: row.tokenEncrypted, telegram });
    return telegram;
  }
}
