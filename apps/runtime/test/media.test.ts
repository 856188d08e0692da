// Files users send, end to end: the sandbox plays the user (sendMedia), the runtime stores the
// message and downloads the file after the commit (getFile + /file/bot<token>/<path>) into the file
// storage, and the inbox's API shows it. Also: captions still reach the flow, files over Telegram's
// 20 MB for bots, 429s, and a runtime stopping between the commit and the download.

import { randomUUID } from "node:crypto";
import { type ApiEnv, appRouter, createCallerFactory, createContext, realtimeHubFor } from "@switchboard/api";
import { joinOperatorPool, LocalFileStorage, presenceHeartbeat } from "@switchboard/core";
import {
  conversations,
  files,
  memberships,
  messageMedia,
  messages,
  realtimeEvents,
  secretKeyFrom,
  user,
} from "@switchboard/db";
import { flowDoc, routeStep, textStep } from "@switchboard/flow/testing";
import type { SandboxUser } from "@switchboard/telegram-sandbox";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_BASE_URL, createHarness, eventually, type Harness, makeUser, TEST_SECRET } from "./harness";

let h: Harness;
let storage: LocalFileStorage;
beforeAll(async () => {
  h = await createHarness();
  storage = new LocalFileStorage(h.filesDir);
  await h.startRuntime({ downloadPollMs: 200 });
});
afterAll(async () => {
  await h?.close();
});

const MB = 1024 * 1024;

/** A PNG the sandbox can measure (the header) with some bytes after it. */
function png(width: number, height: number, fill = 7): Buffer {
  const buf = Buffer.alloc(2048, fill);
  buf.writeUInt32BE(0x89504e47, 0);
  buf.writeUInt32BE(0x0d0a1a0a, 4);
  buf.writeUInt32BE(13, 8);
  buf.write("IHDR", 12, "latin1");
  buf.writeUInt32BE(width, 16);
  buf.writeUInt32BE(height, 20);
  return buf;
}

/** The API as the admin's tRPC handler calls it for this member. */
function apiFor(userId: string) {
  const env: ApiEnv = {
    secretKey: secretKeyFrom(TEST_SECRET),
    telegramApiRoot: h.sandbox.url,
    sandboxUrl: h.sandbox.url,
    core: { adminBaseUrl: ADMIN_BASE_URL },
    fileStorage: storage,
    realtime: realtimeHubFor(h.url),
  };
  return createCallerFactory(appRouter)(createContext({ db: h.db, userId, sessionId: null, env }));
}

async function conversationOf(botId: string, chatId: number) {
  const [row] = await h.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.botId, botId), eq(conversations.chatId, chatId)));
  return row;
}

/** The user's messages of a chat with their file's download row, oldest first. */
async function inbound(botId: string, chatId: number) {
  const conversation = await conversationOf(botId, chatId);
  if (!conversation) return [];
  return h.db
    .select({
      id: messages.id,
      text: messages.text,
      fileId: messages.fileId,
      telegramMessageId: messages.telegramMessageId,
      media: messageMedia,
    })
    .from(messages)
    .leftJoin(messageMedia, eq(messageMedia.messageId, messages.id))
    .where(and(eq(messages.conversationId, conversation.id), eq(messages.direction, "in")))
    .orderBy(asc(messages.createdAt));
}

/** The row of the user's message with this Telegram message id, once `check` holds for it. */
async function messageWhen(
  botId: string,
  chatId: number,
  telegramMessageId: number,
  check: (row: Awaited<ReturnType<typeof inbound>>[number]) => boolean,
  what: string,
  timeoutMs = 10_000,
) {
  const find = async () =>
    (await inbound(botId, chatId)).find((m) => m.telegramMessageId === telegramMessageId);
  return eventually(
    async () => {
      const row = await find();
      return row && check(row) ? row : undefined;
    },
    timeoutMs,
    what,
    async () => JSON.stringify(await find()),
  );
}

async function storedBytes(fileId: string) {
  const [row] = await h.db.select().from(files).where(eq(files.id, fileId));
  return { row: row!, bytes: await storage.get(row!.storageKey) };
}

const getFileCalls = async (token: string) => h.client.getCalls({ token, method: "getFile" });

describe("a user's file while an operator has the conversation", () => {
  it("a photo without caption is stored, downloaded byte for byte and shown in inbox.conversation", async () => {
    const flowId = await h.publish(
      flowDoc(
        [textStep("hi", "Hi"), routeStep("r", "Connecting you…"), textStep("none", "Nobody")],
        [
          ["hi", "next", "r"],
          ["r", "no_operator", "none"],
        ],
      ),
    );
    const bot = await h.addBot({ flowId });
    const operatorId = randomUUID();
    await h.db.insert(user).values({ id: operatorId, name: "Olga", email: `${operatorId}@example.test` });
    await h.db
      .insert(memberships)
      .values({ workspaceId: h.workspaceId, userId: operatorId, role: "operator" });
    const actor = { workspaceId: h.workspaceId, userId: operatorId, role: "operator" as const };
    await joinOperatorPool(h.db, actor, bot.id);
    await presenceHeartbeat(h.db, actor);

    const ann = makeUser("Ann");
    await h.client.start({ token: bot.token, from: ann });
    const conversation = await eventually(
      async () => {
        const c = await conversationOf(bot.id, ann.id);
        return c?.status === "operator" ? c : undefined;
      },
      15_000,
      "the operator to get the conversation",
    );
    // The flow's "connected" messages go out after the assignment: let them all be sent first.
    await eventually(
      async () => {
        const out = await h.db
          .select({ status: messages.deliveryStatus })
          .from(messages)
          .where(and(eq(messages.conversationId, conversation.id), eq(messages.direction, "out")));
        return out.length > 2 && out.every((m) => m.status === "sent");
      },
      10_000,
      "the operator's greeting to be sent",
    );
    const before = await h.client.getMessages({ token: bot.token, chatId: ann.id });

    const bytes = png(640, 480);
    const sent = await h.client.sendMedia({ token: bot.token, from: ann, kind: "photo", data: bytes });
    const row = await messageWhen(
      bot.id,
      ann.id,
      sent.message_id,
      (m) => m.media?.status === "downloaded",
      "the photo to be downloaded",
    );
    expect(row.text).toBeNull();
    expect(row.media).toMatchObject({
      kind: "photo",
      telegramFileId: sent.file_id,
      fileSize: bytes.length,
      width: 640,
      height: 480,
      attempts: 0,
    });
    const stored = await storedBytes(row.fileId!);
    expect(stored.bytes.equals(bytes)).toBe(true);
    expect(stored.row).toMatchObject({
      kind: "photo",
      mimeType: "image/png",
      name: "photo.png",
      size: bytes.length,
    });

    // An open inbox hears about it: the inbound message, then its file.
    const events = await h.db
      .select({ type: realtimeEvents.type })
      .from(realtimeEvents)
      .where(eq(realtimeEvents.conversationId, conversation.id));
    expect(events.filter((e) => e.type === "message").length).toBeGreaterThanOrEqual(2);

    const details = await apiFor(operatorId).inbox.conversation({ id: conversation.id });
    const shown = details.timeline.find(
      (t) => t.kind === "message" && t.telegramMessageId === sent.message_id,
    );
    expect(shown).toMatchObject({
      kind: "message",
      direction: "in",
      text: null,
      media: {
        fileId: row.fileId,
        kind: "photo",
        name: "photo.png",
        mimeType: "image/png",
        size: bytes.length,
        width: 640,
        height: 480,
        state: "stored",
      },
    });
    const list = await apiFor(operatorId).inbox.list({ view: "mine" });
    expect(list.items.find((i) => i.id === conversation.id)?.lastMessage).toMatchObject({
      hasMedia: true,
      text: null,
    });

    // The flow had nothing to say about a bare photo: the bot sent nothing new.
    const after = await h.client.getMessages({ token: bot.token, chatId: ann.id });
    expect(after.filter((m) => m.from_bot).length).toBe(before.filter((m) => m.from_bot).length);
    expect(await getFileCalls(bot.token)).toHaveLength(1);
  });
});

describe("a user's file with a caption at a free-input step", () => {
  it("the flow gets the caption as the answer and the photo is stored", async () => {
    const bot = await h.addBot({ flowId: await h.publish() });
    const bea = makeUser("Bea");
    await h.client.start({ token: bot.token, from: bea });
    const [, menu] = await h.client.waitForBotMessages({ token: bot.token, chatId: bea.id, count: 2 });
    const press = await h.client.pressInlineButton({
      token: bot.token,
      from: bea,
      messageId: menu!.message_id,
      callbackData:
        menu!.reply_markup && "inline_keyboard" in menu!.reply_markup
          ? menu!.reply_markup.inline_keyboard[0]![0]!.callback_data!
          : "",
    });
    expect(press.update_id).not.toBeNull();
    await h.client.waitForChat({
      token: bot.token,
      chatId: bea.id,
      until: (all) => all.some((m) => m.from_bot && m.text === "Your email?"),
    });
    const bytes = png(300, 200, 9);
    const sent = await h.client.sendMedia({
      token: bot.token,
      from: bea,
      kind: "photo",
      data: bytes,
      caption: "bea@example.com",
    });
    const [saved] = await h.client.waitForBotMessages({
      token: bot.token,
      chatId: bea.id,
      count: 1,
      afterMessageId: sent.message_id,
    });
    expect(saved?.text).toBe("Saved bea@example.com");
    const row = await messageWhen(
      bot.id,
      bea.id,
      sent.message_id,
      (m) => m.media?.status === "downloaded",
      "the captioned photo to be downloaded",
    );
    expect(row.text).toBe("bea@example.com");
    expect((await storedBytes(row.fileId!)).bytes.equals(bytes)).toBe(true);
    const conversation = await conversationOf(bot.id, bea.id);
    expect((conversation!.state as { vars: Record<string, string> }).vars.email).toBe("bea@example.com");
  });
});

describe("files bots can't or can't yet download", () => {
  let bot: Awaited<ReturnType<Harness["addBot"]>>;
  let cid: SandboxUser;
  beforeAll(async () => {
    bot = await h.addBot({ flowId: await h.publish() });
    cid = makeUser("Cid");
    await h.client.start({ token: bot.token, from: cid });
    await h.client.waitForBotMessages({ token: bot.token, chatId: cid.id, count: 2 });
  });

  it("a 21 MB document is too_big at once: never fetched, shown as such, and the chat goes on", async () => {
    const callsBefore = (await getFileCalls(bot.token)).length;
    const big = Buffer.alloc(21 * MB, 3);
    const sent = await h.client.sendMedia({
      token: bot.token,
      from: cid,
      kind: "document",
      data: big,
      fileName: "backup.zip",
    });
    const row = await messageWhen(
      bot.id,
      cid.id,
      sent.message_id,
      (m) => !!m.media,
      "the document's message",
    );
    expect(row.media).toMatchObject({ status: "too_big", fileSize: big.length, fileName: "backup.zip" });
    expect(row.fileId).toBeNull();

    // The chat still works, and nobody tried the file.
    const help = await h.client.sendText({ token: bot.token, from: cid, text: "/help" });
    const [info] = await h.client.waitForBotMessages({
      token: bot.token,
      chatId: cid.id,
      count: 1,
      afterMessageId: help.message_id,
    });
    expect(info?.text).toMatch(/^Info:/);
    await new Promise((r) => setTimeout(r, 500));
    expect((await getFileCalls(bot.token)).length).toBe(callsBefore);

    const conversation = await conversationOf(bot.id, cid.id);
    const transcript = await apiFor(h.userId).conversations.transcript({ id: conversation!.id });
    const shown = transcript.messages.find((m) => m.telegramMessageId === sent.message_id);
    expect(shown?.media).toMatchObject({
      fileId: null,
      kind: "document",
      name: "backup.zip",
      mimeType: "application/zip",
      size: big.length,
      state: "too_big",
    });
  });

  it("getFile's 'file is too big' (the size unknown up front) is too_big too, without a retry", async () => {
    await h.client.failNext({
      token: bot.token,
      method: "getFile",
      errorCode: 400,
      description: "Bad Request: file is too big",
    });
    const callsBefore = (await getFileCalls(bot.token)).length;
    const sent = await h.client.sendMedia({
      token: bot.token,
      from: cid,
      kind: "voice",
      data: Buffer.from("OggS voice"),
    });
    const row = await messageWhen(
      bot.id,
      cid.id,
      sent.message_id,
      (m) => m.media?.status !== "pending",
      "the voice note's download to end",
    );
    expect(row.media).toMatchObject({ status: "too_big", kind: "voice", attempts: 0 });
    expect(row.media?.lastError).toMatch(
      /File too large to download \(Telegram bots can fetch up to 20 MB\)/,
    );
    await new Promise((r) => setTimeout(r, 700));
    expect((await getFileCalls(bot.token)).length).toBe(callsBefore + 1);
  });

  it("a 429 on getFile waits retry_after, then downloads", async () => {
    await h.client.failNext({ token: bot.token, method: "getFile", errorCode: 429, retryAfter: 1 });
    const callsBefore = (await getFileCalls(bot.token)).length;
    const bytes = Buffer.from("%PDF-1.4 invoice");
    const sent = await h.client.sendMedia({
      token: bot.token,
      from: cid,
      kind: "document",
      data: bytes,
      fileName: "invoice.pdf",
    });
    const row = await messageWhen(
      bot.id,
      cid.id,
      sent.message_id,
      (m) => m.media?.status === "downloaded",
      "the document to be downloaded after the 429",
    );
    expect((await storedBytes(row.fileId!)).bytes.equals(bytes)).toBe(true);
    // A 429 is not a failure: Telegram said when to come back.
    expect(row.media?.attempts).toBe(0);
    const calls = (await getFileCalls(bot.token)).slice(callsBefore);
    expect(calls.map((c) => c.ok)).toEqual([false, true]);
    expect(calls[0]?.error_code).toBe(429);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(900);
  });
});

describe("a runtime stopping between the commit and the download", () => {
  it("the next runtime downloads the file", async () => {
    // This runtime processes updates but downloads nothing: as if it died right after the commit.
    await h.stopRuntimes();
    await h.startRuntime({ downloadPollMs: 200, mediaDownloads: false });
    const bot = await h.addBot({ flowId: await h.publish() });
    const dan = makeUser("Dan");
    await h.client.start({ token: bot.token, from: dan });
    await h.client.waitForBotMessages({ token: bot.token, chatId: dan.id, count: 2 });
    const bytes = Buffer.from("a small recording");
    const sent = await h.client.sendMedia({
      token: bot.token,
      from: dan,
      kind: "audio",
      data: bytes,
      fileName: "memo.mp3",
      duration: 7,
    });
    const pending = await messageWhen(
      bot.id,
      dan.id,
      sent.message_id,
      (m) => !!m.media,
      "the audio's message",
    );
    expect(pending.media?.status).toBe("pending");
    await h.stopRuntimes();
    expect(await getFileCalls(bot.token)).toHaveLength(0);

    await h.startRuntime({ downloadPollMs: 200 });
    const row = await messageWhen(
      bot.id,
      dan.id,
      sent.message_id,
      (m) => m.media?.status === "downloaded",
      "the audio to be downloaded by the next runtime",
    );
    const stored = await storedBytes(row.fileId!);
    expect(stored.bytes.equals(bytes)).toBe(true);
    expect(stored.row).toMatchObject({ kind: "audio", name: "memo.mp3", mimeType: "audio/mpeg" });
    expect(row.media).toMatchObject({ kind: "audio", duration: 7 });
  });
});
