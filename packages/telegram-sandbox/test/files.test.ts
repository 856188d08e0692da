// Media: sendPhoto / sendDocument / sendVideo / sendAudio / sendVoice / sendAnimation by upload,
// URL and file_id; per-bot file_ids; Telegram's size and caption limits; getFile and downloads;
// and what the control API shows of each media message.

import { beforeEach, describe, expect, it } from "vitest";
import { parseMultipart } from "../src/http/multipart";
import type { SandboxMessage, TgMessage } from "../src/index";
import { ALICE, callApi, OTHER_TOKEN, ok, TOKEN, useSandbox } from "./helpers";

const ctx = useSandbox();
const MB = 1024 * 1024;

/** A PNG header is enough for the sandbox to read the dimensions. */
function png(width: number, height: number): Buffer {
  const buf = Buffer.alloc(33);
  buf.writeUInt32BE(0x89504e47, 0);
  buf.writeUInt32BE(0x0d0a1a0a, 4);
  buf.writeUInt32BE(13, 8);
  buf.write("IHDR", 12, "latin1");
  buf.writeUInt32BE(width, 16);
  buf.writeUInt32BE(height, 20);
  return buf;
}

function upload(
  method: string,
  field: string,
  file: Buffer,
  name: string,
  extra: Record<string, string> = {},
  token = TOKEN,
) {
  const form = new FormData();
  form.set("chat_id", String(ALICE.id));
  for (const [key, value] of Object.entries(extra)) form.set(key, value);
  form.set(field, new Blob([new Uint8Array(file)]), name);
  return callApi<TgMessage>(ctx.sandbox, method, {}, { init: { method: "POST", body: form }, token });
}

async function lastBotMessage(token = TOKEN): Promise<SandboxMessage | undefined> {
  const messages = await ctx.client.getMessages({ token, chatId: ALICE.id });
  return messages.filter((m) => m.from_bot).pop();
}

beforeEach(async () => {
  await ctx.client.reset();
  await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "send me files" });
  await ctx.client.sendText({ token: OTHER_TOKEN, from: ALICE, text: "me too" });
});

describe("photos", () => {
  it("uploads a photo, then getFile + download returns the same bytes", async () => {
    const bytes = png(3, 2);
    const answer = await upload("sendPhoto", "photo", bytes, "pic.png", { caption: "A picture" });
    expect(answer.status).toBe(200);
    const photo = answer.body.result?.photo;
    expect(photo).toHaveLength(1);
    expect(photo?.[0]).toMatchObject({ width: 3, height: 2, file_size: bytes.length });
    expect(photo?.[0]?.file_id).toMatch(/^AgAC/);
    expect(answer.body.result?.caption).toBe("A picture");

    const file = await ok<{ file_path: string; file_size: number }>(ctx.sandbox, "getFile", {
      file_id: photo?.[0]?.file_id,
    });
    expect(file.file_size).toBe(bytes.length);
    const download = await fetch(`${ctx.sandbox.url}/file/bot${TOKEN}/${file.file_path}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("returns the smaller copies Telegram makes, smallest first", async () => {
    const answer = await upload("sendPhoto", "photo", png(1280, 960), "big.png");
    const sizes = answer.body.result?.photo ?? [];
    expect(sizes.map((s) => [s.width, s.height])).toEqual([
      [90, 68],
      [320, 240],
      [800, 600],
      [1280, 960],
    ]);
    expect(new Set(sizes.map((s) => s.file_id)).size).toBe(4);
    // Over 2560 pixels Telegram keeps a downscaled largest copy.
    const huge = await upload("sendPhoto", "photo", png(5000, 2500), "huge.png");
    expect(huge.body.result?.photo?.map((s) => s.width)).toEqual([90, 320, 800, 1280, 2560]);
    expect(huge.body.result?.photo?.at(-1)?.height).toBe(1280);
  });

  it("refuses bytes that are not an image, and Telegram's photo dimension limits", async () => {
    const notImage = await upload("sendPhoto", "photo", Buffer.from("%PDF-1.4"), "doc.pdf");
    expect(notImage.body.description).toBe("Bad Request: IMAGE_PROCESS_FAILED");
    // Width + height at most 10000; ratio at most 20.
    expect((await upload("sendPhoto", "photo", png(9000, 1000), "a.png")).body.ok).toBe(true);
    for (const [w, h] of [
      [9000, 1001],
      [2100, 100],
    ]) {
      expect((await upload("sendPhoto", "photo", png(w ?? 0, h ?? 0), "b.png")).body.description).toBe(
        "Bad Request: PHOTO_INVALID_DIMENSIONS",
      );
    }
  });

  it("records a photo sent by upload, then by file_id, in the control API", async () => {
    const first = await upload("sendPhoto", "photo", png(640, 480), "cat.png", { caption: "Your cat" });
    const largest = first.body.result?.photo?.at(-1);
    expect(await lastBotMessage()).toMatchObject({
      caption: "Your cat",
      media: {
        kind: "photo",
        source: "upload",
        file_id: largest?.file_id,
        width: 640,
        height: 480,
        file_size: 33,
      },
    });
    const again = await ok<TgMessage>(ctx.sandbox, "sendPhoto", {
      chat_id: ALICE.id,
      photo: largest?.file_id,
      caption: "Your cat",
    });
    expect(again.photo).toEqual(first.body.result?.photo);
    const messages = await ctx.client.getMessages({ token: TOKEN, chatId: ALICE.id });
    expect(messages.filter((m) => m.media).map((m) => [m.media?.kind, m.media?.source, m.caption])).toEqual([
      ["photo", "upload", "Your cat"],
      ["photo", "file_id", "Your cat"],
    ]);
  });

  it("re-sending a smaller copy sends that copy", async () => {
    const sent = await upload("sendPhoto", "photo", png(1280, 960), "big.png");
    const small = sent.body.result?.photo?.[1];
    const again = await ok<TgMessage>(ctx.sandbox, "sendPhoto", { chat_id: ALICE.id, photo: small?.file_id });
    expect(again.photo?.map((s) => s.width)).toEqual([90, 320]);
  });

  it("accepts grammY's multipart dialect (attach:// and unquoted filename)", async () => {
    const boundary = "----------grammy";
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\ncontent-disposition:form-data;name="chat_id"\r\n\r\n${ALICE.id}\r\n` +
          `--${boundary}\r\ncontent-disposition:form-data;name="document"\r\n\r\nattach://abc123\r\n` +
          `--${boundary}\r\ncontent-disposition:form-data;name="abc123";filename=report.pdf\r\n` +
          "content-type:application/octet-stream\r\n\r\n",
      ),
      Buffer.from("%PDF-1.4 fake"),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const answer = await callApi<TgMessage>(
      ctx.sandbox,
      "sendDocument",
      {},
      {
        init: {
          method: "POST",
          headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
          body,
        },
      },
    );
    expect(answer.body.result?.document).toMatchObject({
      file_name: "report.pdf",
      mime_type: "application/pdf",
      file_size: 13,
    });
    const [call] = await ctx.client.getCalls({ token: TOKEN, method: "sendDocument" });
    expect(call?.params.document).toEqual({ filename: "report.pdf", size: 13 });
  });
});

describe("video, audio, voice and animation", () => {
  it("sendVideo returns a Video object with the given width, height and duration", async () => {
    const bytes = Buffer.alloc(2048, 7);
    const answer = await upload("sendVideo", "video", bytes, "clip.mp4", {
      width: "1920",
      height: "1080",
      duration: "12",
      caption: "Watch",
    });
    expect(answer.body.result?.video).toEqual({
      file_id: expect.stringMatching(/^BAAC/),
      file_unique_id: expect.any(String),
      width: 1920,
      height: 1080,
      duration: 12,
      file_name: "clip.mp4",
      mime_type: "video/mp4",
      file_size: 2048,
    });
    expect(await lastBotMessage()).toMatchObject({
      caption: "Watch",
      media: { kind: "video", source: "upload", file_name: "clip.mp4", file_size: 2048, duration: 12 },
    });
    const file = await ok<{ file_path: string }>(ctx.sandbox, "getFile", {
      file_id: answer.body.result?.video?.file_id,
    });
    expect(file.file_path).toMatch(/^videos\/file_\d+\.mp4$/);
  });

  it("sendAudio returns an Audio object with performer and title", async () => {
    const answer = await upload("sendAudio", "audio", Buffer.alloc(300, 1), "song.mp3", {
      duration: "215",
      performer: "The Band",
      title: "The Song",
    });
    expect(answer.body.result?.audio).toEqual({
      file_id: expect.stringMatching(/^CQAC/),
      file_unique_id: expect.any(String),
      duration: 215,
      performer: "The Band",
      title: "The Song",
      file_name: "song.mp3",
      mime_type: "audio/mpeg",
      file_size: 300,
    });
  });

  it("sendVoice and sendAnimation (which also fills document, as Telegram does)", async () => {
    const voice = await upload("sendVoice", "voice", Buffer.alloc(50, 1), "note.ogg", { duration: "3" });
    expect(voice.body.result?.voice).toEqual({
      file_id: expect.stringMatching(/^AwAC/),
      file_unique_id: expect.any(String),
      duration: 3,
      mime_type: "audio/ogg",
      file_size: 50,
    });
    const gif = await upload("sendAnimation", "animation", Buffer.alloc(60, 1), "fun.mp4", {
      width: "320",
      height: "240",
      duration: "2",
    });
    expect(gif.body.result?.animation).toMatchObject({
      width: 320,
      height: 240,
      duration: 2,
      file_name: "fun.mp4",
    });
    expect(gif.body.result?.document?.file_id).toBe(gif.body.result?.animation?.file_id);
    expect((await lastBotMessage())?.media?.kind).toBe("animation");
  });

  it("re-sends by file_id keeping the first attributes, and across document-like methods", async () => {
    const first = await upload("sendVideo", "video", Buffer.alloc(100, 1), "clip.mp4", { duration: "5" });
    const fileId = first.body.result?.video?.file_id;
    const again = await ok<TgMessage>(ctx.sandbox, "sendVideo", {
      chat_id: ALICE.id,
      video: fileId,
      duration: 99,
    });
    expect(again.video).toEqual(first.body.result?.video);
    // TDLib lets document-like files be re-sent with each other's methods; the file keeps its type.
    const asDocument = await ok<TgMessage>(ctx.sandbox, "sendDocument", {
      chat_id: ALICE.id,
      document: fileId,
    });
    expect(asDocument.video?.file_id).toBe(fileId);
    expect(asDocument.document).toBeUndefined();
    expect((await lastBotMessage())?.media).toMatchObject({ kind: "video", source: "file_id" });
  });

  it("names the missing parameter", async () => {
    for (const [method, field] of [
      ["sendVideo", "video"],
      ["sendAudio", "audio"],
      ["sendVoice", "voice"],
      ["sendAnimation", "animation"],
      ["sendPhoto", "photo"],
    ] as const) {
      const missing = await callApi(ctx.sandbox, method, { chat_id: ALICE.id });
      expect(missing.body.description).toBe(`Bad Request: there is no ${field} in the request`);
    }
  });
});

describe("file_id rules", () => {
  it("refuses unknown ids and photo/document type mismatches with TDLib's texts", async () => {
    const doc = await upload("sendDocument", "document", Buffer.from("hello"), "a.txt");
    const docId = doc.body.result?.document?.file_id;
    const unknown = await callApi(ctx.sandbox, "sendDocument", { chat_id: ALICE.id, document: "nope" });
    expect(unknown.body.description).toBe("Bad Request: wrong file identifier/HTTP URL specified");
    const asPhoto = await callApi(ctx.sandbox, "sendPhoto", { chat_id: ALICE.id, photo: docId });
    expect(asPhoto.body.description).toBe("Bad Request: can't use file of type Document as Photo");
    const photo = await upload("sendPhoto", "photo", png(2, 2), "p.png");
    const photoId = photo.body.result?.photo?.[0]?.file_id;
    const asVideo = await callApi(ctx.sandbox, "sendVideo", { chat_id: ALICE.id, video: photoId });
    expect(asVideo.body.description).toBe("Bad Request: can't use file of type Photo as Video");
    const asVoice = await callApi(ctx.sandbox, "sendVoice", { chat_id: ALICE.id, voice: photoId });
    expect(asVoice.body.description).toBe("Bad Request: can't use file of type Photo as VoiceNote");
  });

  it("file_ids belong to the bot that received them", async () => {
    const sent = await upload("sendPhoto", "photo", png(2, 2), "p.png");
    const fileId = sent.body.result?.photo?.[0]?.file_id;
    const other = await callApi(
      ctx.sandbox,
      "sendPhoto",
      { chat_id: ALICE.id, photo: fileId },
      { token: OTHER_TOKEN },
    );
    expect(other.body).toEqual({
      ok: false,
      error_code: 400,
      description: "Bad Request: wrong file identifier/HTTP URL specified",
    });
    const getFile = await callApi(ctx.sandbox, "getFile", { file_id: fileId }, { token: OTHER_TOKEN });
    expect(getFile.body.description).toBe(
      "Bad Request: wrong file_id or the file is temporarily unavailable",
    );
    const unknown = await callApi(ctx.sandbox, "getFile", { file_id: "nope" });
    expect(unknown.body.description).toBe("Bad Request: invalid file_id");
    const { file_path } = await ok<{ file_path: string }>(ctx.sandbox, "getFile", { file_id: fileId });
    expect((await fetch(`${ctx.sandbox.url}/file/bot${OTHER_TOKEN}/${file_path}`)).status).toBe(404);
    expect((await fetch(`${ctx.sandbox.url}/file/bot${TOKEN}/${file_path}`)).status).toBe(200);
  });
});

describe("HTTP URLs", () => {
  it("records files sent by URL without downloading them", async () => {
    const sent = await ok<TgMessage>(ctx.sandbox, "sendPhoto", {
      chat_id: ALICE.id,
      photo: "https://cdn.example.com/cat.jpg",
    });
    expect(sent.photo?.[0]?.file_id).toMatch(/^AgAC/);
    expect((await lastBotMessage())?.media).toMatchObject({
      kind: "photo",
      source: "url",
      url: "https://cdn.example.com/cat.jpg",
    });
    const video = await ok<TgMessage>(ctx.sandbox, "sendVideo", {
      chat_id: ALICE.id,
      video: "https://cdn.example.com/media/intro%20clip.mp4",
      duration: 30,
    });
    expect(video.video).toMatchObject({ file_name: "intro clip.mp4", mime_type: "video/mp4", duration: 30 });
  });

  it("refuses URLs Telegram's servers cannot reach", async () => {
    for (const url of [
      "http://localhost:3000/cat.jpg",
      "http://127.0.0.1/cat.jpg",
      "http://192.168.1.20/cat.jpg",
      "http://printer.local/cat.jpg",
    ]) {
      const answer = await callApi(ctx.sandbox, "sendPhoto", { chat_id: ALICE.id, photo: url });
      expect(answer.body.description, url).toBe("Bad Request: failed to get HTTP URL content");
    }
  });
});

describe("captions and limits", () => {
  it("limits captions to 1024 characters after entity parsing, and allows reply_markup", async () => {
    const keyboard = { inline_keyboard: [[{ text: "Buy", callback_data: "buy" }]] };
    const fine = await upload("sendPhoto", "photo", png(1, 1), "p.png", {
      caption: `<b>${"c".repeat(1024)}</b>`,
      parse_mode: "HTML",
      reply_markup: JSON.stringify(keyboard),
    });
    expect(fine.body.result?.caption).toHaveLength(1024);
    expect(fine.body.result?.caption_entities).toEqual([{ type: "bold", offset: 0, length: 1024 }]);
    expect(fine.body.result?.reply_markup).toEqual(keyboard);
    for (const method of ["sendPhoto", "sendVideo"]) {
      const field = method === "sendPhoto" ? "photo" : "video";
      const answer = await upload(method, field, png(1, 1), "p.png", { caption: "c".repeat(1025) });
      expect(answer.body).toEqual({
        ok: false,
        error_code: 400,
        description: "Bad Request: message caption is too long",
      });
    }
  });

  it("edits the caption of any media message", async () => {
    const sent = await upload("sendAudio", "audio", Buffer.alloc(10, 1), "a.mp3", { caption: "old" });
    const edited = await ok<TgMessage>(ctx.sandbox, "editMessageCaption", {
      chat_id: ALICE.id,
      message_id: sent.body.result?.message_id,
      caption: "new",
    });
    expect(edited.caption).toBe("new");
  });

  it("rejects empty files, photos over 10 MB and other files over 50 MB", async () => {
    const empty = await upload("sendDocument", "document", Buffer.alloc(0), "empty.txt");
    expect(empty.body.description).toBe("Bad Request: file must be non-empty");
    const bigPhoto = await upload("sendPhoto", "photo", Buffer.alloc(10 * MB + 1), "big.jpg");
    expect(bigPhoto.body).toEqual({
      ok: false,
      error_code: 400,
      description:
        "Bad Request: file of size 10485761 bytes is too big for a photo; the maximum size is 10485760 bytes",
    });
    const bigVideo = await upload("sendVideo", "video", Buffer.alloc(50 * MB + 1), "big.mp4");
    expect(bigVideo).toEqual({
      status: 413,
      body: { ok: false, error_code: 413, description: "Request Entity Too Large" },
    });
  });

  it("getFile refuses files over 20 MB", async () => {
    const sent = await upload("sendDocument", "document", Buffer.alloc(20 * MB + 1, 1), "big.bin");
    const fileId = sent.body.result?.document?.file_id;
    const answer = await callApi(ctx.sandbox, "getFile", { file_id: fileId });
    expect(answer.body).toEqual({ ok: false, error_code: 400, description: "Bad Request: file is too big" });
  });

  it("answers 404 for unknown file paths", async () => {
    const response = await fetch(`${ctx.sandbox.url}/file/bot${TOKEN}/documents/nothing.txt`);
    expect(response.status).toBe(404);
  });
});

describe("multipart parser", () => {
  it("parses quoted and unquoted dispositions and keeps binary content intact", () => {
    const binary = Buffer.from([0, 255, 13, 10, 45, 45, 1]);
    const body = Buffer.concat([
      Buffer.from('--b\r\nContent-Disposition: form-data; name="text"\r\n\r\nhé\r\n'),
      Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="a b.bin"\r\n\r\n'),
      binary,
      Buffer.from("\r\n--b--\r\n"),
    ]);
    const parsed = parseMultipart(body, "b");
    expect(parsed.fields).toEqual({ text: "hé" });
    expect(parsed.files.get("file")?.filename).toBe("a b.bin");
    expect(parsed.files.get("file")?.data.equals(binary)).toBe(true);
  });
});
