// A person sends files to a bot (SandboxClient.sendMedia): the Update's Message fields for each
// kind, getFile and downloads (with the 20 MB bot limit), captions, validation, per-bot file
// access, supergroups, and a Telegraf bot fetching what a user sent.

import { Telegraf } from "telegraf";
import { beforeEach, describe, expect, it } from "vitest";
import { SandboxError, type TgMessage, type TgUpdate } from "../src/index";
import { ALICE, BOB, callApi, drainUpdates, OTHER_TOKEN, ok, TOKEN, useSandbox } from "./helpers";

const ctx = useSandbox();
const MB = 1024 * 1024;

/** A PNG header is enough for the sandbox to read the dimensions. */
function png(width: number, height: number): Buffer {
  const buf = Buffer.alloc(64);
  buf.writeUInt32BE(0x89504e47, 0);
  buf.writeUInt32BE(0x0d0a1a0a, 4);
  buf.writeUInt32BE(13, 8);
  buf.write("IHDR", 12, "latin1");
  buf.writeUInt32BE(width, 16);
  buf.writeUInt32BE(height, 20);
  buf.fill(7, 33);
  return buf;
}

async function nextMessage(token = TOKEN): Promise<TgMessage> {
  const updates = await ok<TgUpdate[]>(ctx.sandbox, "getUpdates", { timeout: 0 }, token);
  const last = updates[updates.length - 1];
  if (!last?.message) throw new Error(`no message update: ${JSON.stringify(updates)}`);
  await ok(ctx.sandbox, "getUpdates", { offset: last.update_id + 1, timeout: 0 }, token);
  return last.message;
}

async function download(fileId: string, token = TOKEN): Promise<Buffer> {
  const file = await ok<{ file_path: string }>(ctx.sandbox, "getFile", { file_id: fileId }, token);
  const response = await fetch(`${ctx.sandbox.url}/file/bot${token}/${file.file_path}`);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

beforeEach(async () => {
  await ctx.client.reset();
  await drainUpdates(ctx.sandbox);
  await drainUpdates(ctx.sandbox, OTHER_TOKEN);
});

describe("sendMedia", () => {
  it("a photo without caption: PhotoSizes from the header, smallest first; the bot downloads the bytes", async () => {
    const bytes = png(1280, 960);
    const sent = await ctx.client.sendMedia({ token: TOKEN, from: ALICE, kind: "photo", data: bytes });
    const message = await nextMessage();
    expect(message.message_id).toBe(sent.message_id);
    expect(message.from).toMatchObject({ id: ALICE.id, is_bot: false });
    expect(message.chat).toMatchObject({ id: ALICE.id, type: "private" });
    expect(message.caption).toBeUndefined();
    expect(message.text).toBeUndefined();
    const sizes = message.photo ?? [];
    expect(sizes.map((s) => [s.width, s.height])).toEqual([
      [90, 68],
      [320, 240],
      [800, 600],
      [1280, 960],
    ]);
    const largest = sizes[sizes.length - 1]!;
    expect(largest).toMatchObject({ file_id: sent.file_id, file_size: bytes.length });
    expect(largest.file_id).toMatch(/^AgAC/);
    expect((await download(largest.file_id)).equals(bytes)).toBe(true);
    // The chat shows it as the user's message.
    const [shown] = await ctx.client.getMessages({ token: TOKEN, chatId: ALICE.id });
    expect(shown).toMatchObject({ from_bot: false, message_id: sent.message_id });
    expect(shown?.photo).toHaveLength(4);
  });

  it("a document with a caption, sent as base64 JSON: name, type from the extension, caption entities", async () => {
    const bytes = Buffer.from("%PDF-1.4 receipt");
    const caption = "My receipt, see https://shop.example.com #order";
    await ctx.client.sendMedia({
      token: TOKEN,
      from: ALICE,
      kind: "document",
      data: bytes.toString("base64"),
      fileName: "receipt.pdf",
      caption,
    });
    const message = await nextMessage();
    expect(message.document).toMatchObject({
      file_name: "receipt.pdf",
      mime_type: "application/pdf",
      file_size: bytes.length,
    });
    expect(message.document?.file_id).toMatch(/^BQAC/);
    expect(message.caption).toBe(caption);
    expect(message.caption_entities?.map((e) => e.type)).toEqual(["url", "hashtag"]);
    expect((await download(message.document!.file_id)).equals(bytes)).toBe(true);
  });

  it("voice, audio, video and GIFs carry their own fields", async () => {
    const data = Buffer.from("OggS fake opus");
    await ctx.client.sendMedia({
      token: TOKEN,
      from: ALICE,
      kind: "voice",
      data,
      duration: 3,
      fileName: "x.ogg",
    });
    const voice = (await nextMessage()).voice;
    expect(voice).toMatchObject({ duration: 3, mime_type: "audio/ogg", file_size: data.length });
    expect(voice).not.toHaveProperty("file_name");

    await ctx.client.sendMedia({
      token: TOKEN,
      from: ALICE,
      kind: "audio",
      data,
      fileName: "song.mp3",
      duration: 200,
      performer: "Band",
      title: "Song",
    });
    expect((await nextMessage()).audio).toMatchObject({
      duration: 200,
      performer: "Band",
      title: "Song",
      file_name: "song.mp3",
      mime_type: "audio/mpeg",
    });

    await ctx.client.sendMedia({
      token: TOKEN,
      from: ALICE,
      kind: "video",
      data,
      width: 640,
      height: 360,
      duration: 5,
    });
    expect((await nextMessage()).video).toMatchObject({
      width: 640,
      height: 360,
      duration: 5,
      mime_type: "video/mp4",
    });

    await ctx.client.sendMedia({ token: TOKEN, from: ALICE, kind: "animation", data, fileName: "fun.mp4" });
    const gif = await nextMessage();
    // Telegram also sets `document` on animation messages.
    expect(gif.animation).toMatchObject({ file_name: "fun.mp4", width: 0, height: 0, duration: 0 });
    expect(gif.document?.file_id).toBe(gif.animation?.file_id);
  });

  it("a 21 MB document reaches the bot with its size, and getFile answers 'file is too big'", async () => {
    const big = Buffer.alloc(21 * MB, 1);
    const sent = await ctx.client.sendMedia({
      token: TOKEN,
      from: ALICE,
      kind: "document",
      data: big,
      fileName: "video-backup.zip",
    });
    expect(sent.file_size).toBe(big.length);
    const message = await nextMessage();
    expect(message.document).toMatchObject({ file_size: big.length, mime_type: "application/zip" });
    const answer = await callApi(ctx.sandbox, "getFile", { file_id: message.document!.file_id });
    expect(answer.status).toBe(400);
    expect(answer.body.description).toBe("Bad Request: file is too big");
  });

  it("only the bot the user wrote to can fetch the file", async () => {
    const sent = await ctx.client.sendMedia({ token: TOKEN, from: ALICE, kind: "photo", data: png(10, 10) });
    const answer = await callApi(ctx.sandbox, "getFile", { file_id: sent.file_id }, { token: OTHER_TOKEN });
    expect(answer.body.description).toBe("Bad Request: wrong file_id or the file is temporarily unavailable");
    const other = await fetch(`${ctx.sandbox.url}/file/bot${OTHER_TOKEN}/${sent.file_path}`);
    expect(other.status).toBe(404);
  });

  it("refuses bad input with a clear error and queues nothing", async () => {
    const refused = async (input: Record<string, unknown>, pattern: RegExp) => {
      const error = await ctx.client
        .sendMedia({ token: TOKEN, from: ALICE, kind: "document", data: Buffer.from("x"), ...input } as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SandboxError);
      expect((error as SandboxError).status).toBe(400);
      expect((error as Error).message).toMatch(pattern);
    };
    await refused({ kind: "sticker" }, /"kind" must be one of "photo", "document"/);
    await refused({ data: Buffer.alloc(0) }, /"data" is empty/);
    await refused({ data: "not base64!" }, /"data" must be base64/);
    await refused({ kind: "photo", data: Buffer.from("plain text") }, /needs a JPEG, PNG, GIF or WebP image/);
    await refused({ caption: "x".repeat(1025) }, /at most 1024/);
    await refused({ mimeType: "pdf" }, /"mimeType" must look like/);
    await refused({ threadId: 5 }, /has no topics/);
    // An unknown token: 401 Unauthorized, as Telegram answers.
    await expect(
      ctx.client.sendMedia({ token: "1:nope", from: ALICE, kind: "photo", data: png(1, 1) }),
    ).rejects.toMatchObject({ status: 401 });
    expect(await ok<TgUpdate[]>(ctx.sandbox, "getUpdates", { timeout: 0 })).toEqual([]);
  });

  it("in a supergroup every bot that gets the message may fetch its file", async () => {
    const group = await ctx.client.createSupergroup({ title: "Shop", owner: BOB });
    for (const token of [TOKEN, OTHER_TOKEN])
      await ctx.client.addBotToSupergroup({ token, chatId: group.id, status: "administrator" });
    await ctx.client.addSupergroupMember({ chatId: group.id, user: ALICE });
    await drainUpdates(ctx.sandbox);
    await drainUpdates(ctx.sandbox, OTHER_TOKEN);
    const bytes = png(20, 10);
    await ctx.client.sendMedia({
      token: TOKEN,
      from: ALICE,
      chatId: group.id,
      kind: "photo",
      data: bytes,
      caption: "look",
    });
    for (const token of [TOKEN, OTHER_TOKEN]) {
      const message = await nextMessage(token);
      expect(message.chat.id).toBe(group.id);
      expect(message.caption).toBe("look");
      expect((await download(message.photo!.at(-1)!.file_id, token)).equals(bytes)).toBe(true);
    }
  });
});

describe("a Telegraf bot receiving files", () => {
  it("gets ctx.message.photo / document and downloads them with getFileLink", async () => {
    const bot = new Telegraf(TOKEN, { telegram: { apiRoot: ctx.sandbox.url } });
    const fetched = async (fileId: string) => {
      const link = await bot.telegram.getFileLink(fileId);
      return Buffer.from(await (await fetch(link)).arrayBuffer());
    };
    bot.on("photo", async (c) => {
      const largest = c.message.photo[c.message.photo.length - 1]!;
      const bytes = await fetched(largest.file_id);
      await c.reply(
        `photo ${largest.width}x${largest.height} ${bytes.length} bytes, caption ${c.message.caption ?? "-"}`,
      );
    });
    bot.on("document", async (c) => {
      const bytes = await fetched(c.message.document.file_id);
      await c.reply(`document ${c.message.document.file_name} ${bytes.toString("utf8")}`);
    });
    // launch() only settles when polling stops; its onLaunch callback marks readiness.
    let launched: Promise<void> = Promise.resolve();
    await new Promise<void>((resolve, reject) => {
      launched = bot.launch(() => resolve());
      launched.catch(reject);
    });
    try {
      const photo = await ctx.client.sendMedia({
        token: TOKEN,
        from: ALICE,
        kind: "photo",
        data: png(30, 20),
        caption: "hi",
      });
      const [first] = await ctx.client.waitForBotMessages({
        token: TOKEN,
        chatId: ALICE.id,
        count: 1,
        afterMessageId: photo.message_id,
      });
      expect(first?.text).toBe("photo 30x20 64 bytes, caption hi");
      const doc = await ctx.client.sendMedia({
        token: TOKEN,
        from: ALICE,
        kind: "document",
        data: new TextEncoder().encode("hello file"),
        fileName: "note.txt",
      });
      const [second] = await ctx.client.waitForBotMessages({
        token: TOKEN,
        chatId: ALICE.id,
        count: 1,
        afterMessageId: doc.message_id,
      });
      expect(second?.text).toBe("document note.txt hello file");
    } finally {
      bot.stop();
      await launched.catch(() => {});
    }
  });
});
