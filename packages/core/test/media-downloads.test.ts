// Users' files in the core: a message with a file and no engine event, the download queue's
// claims (leases, enabled bots only), finishing (stored once, realtime event), too_big, retries
// (429 without counting, backoff) and giving up.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { bots, files, messageMedia, messages, realtimeEvents } from "@switchboard/db";
import { flowDoc, freeInputStep, textStep } from "@switchboard/flow/testing";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { receiveFromUser } from "../src/conversations/receive";
import { LocalFileStorage } from "../src/files/storage";
import {
  claimDueDownloads,
  type DownloadJob,
  finishDownload,
  MAX_DOWNLOAD_ATTEMPTS,
  markDownloadTooBig,
  recordDownloadFailure,
} from "../src/media/downloads";
import { BOT_DOWNLOAD_MAX_BYTES, type InboundMedia } from "../src/media/inbound";
import { createWorld, ENV, type TestBot, telegramUser, type World } from "./fixtures";

let w: World;
let storage: LocalFileStorage;
let dir: string;
let bot: TestBot;
beforeAll(async () => {
  w = await createWorld("core_media");
  dir = await mkdtemp(path.join(tmpdir(), "switchboard-core-media-"));
  storage = new LocalFileStorage(dir);
  const { flowId } = await w.publish(
    flowDoc(
      [textStep("hello", "Hello"), freeInputStep("ask", "Your email?", "email"), textStep("done", "Saved")],
      [
        ["hello", "next", "ask"],
        ["ask", "next", "done"],
      ],
    ),
  );
  bot = await w.addBot({ flowId });
});
afterAll(async () => {
  await w?.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  // Each test sees only its own queue.
  await w.db.delete(messageMedia);
});

const photo = (extra: Partial<InboundMedia> = {}): InboundMedia => ({
  kind: "photo",
  telegramFileId: `AgAC${Math.random().toString(36).slice(2)}`,
  telegramFileUniqueId: "AQADx",
  fileSize: 1234,
  fileName: null,
  mimeType: null,
  width: 640,
  height: 480,
  duration: null,
  ...extra,
});

/** The user sends a file (with a caption or not), as the runtime hands it to the core. */
function sendFile(from = telegramUser(), media = photo(), caption: string | null = null, target = bot) {
  return w.db.transaction((tx) =>
    receiveFromUser(
      tx,
      target,
      {
        chatId: from.id,
        from,
        event: caption === null ? null : { type: "text", text: caption },
        text: caption,
        telegramMessageId: 5,
        payload: { message: { photo: [] } },
        media,
      },
      ENV,
    ),
  );
}

async function mediaRow(conversationId: string) {
  const [row] = await w.db
    .select({ media: messageMedia, fileId: messages.fileId, text: messages.text })
    .from(messages)
    .innerJoin(messageMedia, eq(messageMedia.messageId, messages.id))
    .where(eq(messages.conversationId, conversationId));
  return row!;
}

async function claimOne(): Promise<DownloadJob> {
  const [job] = await claimDueDownloads(w.db, 10);
  if (!job) throw new Error("nothing to claim");
  return job;
}

/** Makes the row due now (tests don't wait out backoffs). */
const makeDue = (messageId: string) =>
  w.db
    .update(messageMedia)
    .set({ nextAttemptAt: sql`now()`, claimedUntil: null })
    .where(eq(messageMedia.messageId, messageId));

describe("receiving a file", () => {
  it("without a caption: stored with its file queued, and the flow is not run", async () => {
    const ann = telegramUser("Ann");
    await w.say(bot, ann);
    const before = await w.conversationOf(bot.id, ann.id);
    expect(before.currentStepId).toBe("ask");
    const result = await sendFile(ann);
    expect(result.ran).toBe(false);
    const after = await w.conversation(before.id);
    expect(after.currentStepId).toBe("ask");
    expect(after.lastMessageAt!.getTime()).toBeGreaterThanOrEqual(before.lastMessageAt!.getTime());
    expect(await w.outTexts(before.id)).toEqual(["Hello", "Your email?"]);
    const row = await mediaRow(before.id);
    expect(row.text).toBeNull();
    expect(row.media).toMatchObject({ kind: "photo", status: "pending", width: 640, botId: bot.id });
  });

  it("with a caption: the flow gets the caption", async () => {
    const bea = telegramUser("Bea");
    await w.say(bot, bea);
    const result = await sendFile(bea, photo(), "bea@example.com");
    expect(result.ran).toBe(true);
    const conversation = await w.conversationOf(bot.id, bea.id);
    expect(await w.outTexts(conversation.id)).toEqual(["Hello", "Your email?", "Saved"]);
    expect((await mediaRow(conversation.id)).media.status).toBe("pending");
  });

  it("over 20 MB by Telegram's own size: too_big at once, never claimed", async () => {
    const cid = telegramUser("Cid");
    await sendFile(
      cid,
      photo({ kind: "document", fileSize: BOT_DOWNLOAD_MAX_BYTES + 1, fileName: "big.zip" }),
    );
    const conversation = await w.conversationOf(bot.id, cid.id);
    expect((await mediaRow(conversation.id)).media.status).toBe("too_big");
    expect(await claimDueDownloads(w.db, 10)).toEqual([]);
  });
});

describe("the download queue", () => {
  it("claims a due row once (the lease), stores it once, names it on the message and tells the inbox", async () => {
    const dan = telegramUser("Dan");
    await sendFile(dan);
    const conversation = await w.conversationOf(bot.id, dan.id);
    const job = await claimOne();
    expect(job).toMatchObject({ conversationId: conversation.id, kind: "photo", attempts: 0 });
    // Claimed: nobody else gets it while the lease runs.
    expect(await claimDueDownloads(w.db, 10)).toEqual([]);

    const eventsBefore = await w.db
      .select()
      .from(realtimeEvents)
      .where(eq(realtimeEvents.conversationId, conversation.id));
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    expect(await finishDownload(w.db, storage, job, bytes)).toBe("stored");
    // A second finisher (another runtime after the lease) stores nothing.
    expect(await finishDownload(w.db, storage, job, bytes)).toBe("stale");

    const row = await mediaRow(conversation.id);
    expect(row.media.status).toBe("downloaded");
    const stored = await w.db.select().from(files).where(eq(files.workspaceId, w.workspaceId));
    const file = stored.find((f) => f.id === row.fileId)!;
    expect(file).toMatchObject({
      kind: "photo",
      name: "photo.jpg",
      mimeType: "image/jpeg",
      size: bytes.length,
    });
    expect((await storage.get(file.storageKey)).equals(bytes)).toBe(true);
    expect(stored.filter((f) => f.sha256 === file.sha256)).toHaveLength(1);
    const eventsAfter = await w.db
      .select()
      .from(realtimeEvents)
      .where(eq(realtimeEvents.conversationId, conversation.id));
    expect(eventsAfter.length - eventsBefore.length).toBe(1);
    expect(eventsAfter.at(-1)).toMatchObject({ type: "message", payload: { direction: "in" } });
  });

  it("takes a row whose runtime died once its lease is over", async () => {
    await sendFile();
    const job = await claimOne();
    await w.db
      .update(messageMedia)
      .set({ claimedUntil: sql`now() - interval '1 second'` })
      .where(eq(messageMedia.messageId, job.messageId));
    expect((await claimOne()).messageId).toBe(job.messageId);
  });

  it("skips disabled bots' files", async () => {
    const other = await w.addBot({ flowId: null });
    await sendFile(telegramUser(), photo(), null, other);
    await w.db.update(bots).set({ enabled: false }).where(eq(bots.id, other.id));
    expect(await claimDueDownloads(w.db, 10)).toEqual([]);
    await w.db.update(bots).set({ enabled: true }).where(eq(bots.id, other.id));
    expect((await claimOne()).botId).toBe(other.id);
  });

  it("a 429 waits retry_after without counting; other errors back off and give up after the limit", async () => {
    await sendFile();
    let job = await claimOne();
    expect(await recordDownloadFailure(w.db, job, "getFile: 429", { retryAfterSeconds: 30 })).toBe("retry");
    let [row] = await w.db.select().from(messageMedia).where(eq(messageMedia.messageId, job.messageId));
    expect(row!.attempts).toBe(0);
    expect(row!.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(25_000);
    expect(await claimDueDownloads(w.db, 10)).toEqual([]);

    for (let n = 1; n < MAX_DOWNLOAD_ATTEMPTS; n++) {
      await makeDue(job.messageId);
      job = await claimOne();
      expect(await recordDownloadFailure(w.db, job, `HTTP 502 #${n}`)).toBe("retry");
      [row] = await w.db.select().from(messageMedia).where(eq(messageMedia.messageId, job.messageId));
      expect(row).toMatchObject({ attempts: n, status: "pending", lastError: `HTTP 502 #${n}` });
      // 2ⁿ seconds of backoff.
      const wait = (row!.nextAttemptAt.getTime() - Date.now()) / 1000;
      expect(wait).toBeGreaterThan(2 ** n - 2);
    }
    await makeDue(job.messageId);
    job = await claimOne();
    expect(await recordDownloadFailure(w.db, job, "HTTP 502 last")).toBe("failed");
    [row] = await w.db.select().from(messageMedia).where(eq(messageMedia.messageId, job.messageId));
    expect(row).toMatchObject({
      status: "failed",
      attempts: MAX_DOWNLOAD_ATTEMPTS,
      lastError: "HTTP 502 last",
    });
    await makeDue(job.messageId);
    expect(await claimDueDownloads(w.db, 10)).toEqual([]);
  });

  it("too_big from Telegram is final", async () => {
    await sendFile();
    const job = await claimOne();
    await markDownloadTooBig(w.db, job, "Bad Request: file is too big");
    const [row] = await w.db
      .select()
      .from(messageMedia)
      .where(and(eq(messageMedia.messageId, job.messageId), eq(messageMedia.status, "too_big")));
    expect(row?.lastError).toBe("Bad Request: file is too big");
    await makeDue(job.messageId);
    expect(await claimDueDownloads(w.db, 10)).toEqual([]);
  });
});
