// sendPhoto / sendDocument uploads (multipart), re-sending by file_id, getFile and downloads.

import { beforeEach, describe, expect, it } from "vitest";
import { parseMultipart } from "../src/http/multipart";
import { ALICE, callApi, ok, TOKEN, useSandbox } from "./helpers";

const ctx = useSandbox();

interface Msg {
  message_id: number;
  caption?: string;
  photo?: Array<{
    file_id: string;
    file_unique_id: string;
    width: number;
    height: number;
    file_size?: number;
  }>;
  document?: { file_id: string; file_name?: string; mime_type?: string; file_size?: number };
}

/** A valid 3x2 PNG header is enough for the sandbox to read the dimensions. */
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
) {
  const form = new FormData();
  form.set("chat_id", String(ALICE.id));
  for (const [key, value] of Object.entries(extra)) form.set(key, value);
  form.set(field, new Blob([new Uint8Array(file)]), name);
  return callApi<Msg>(ctx.sandbox, method, {}, { init: { method: "POST", body: form } });
}

beforeEach(async () => {
  await ctx.client.reset();
  await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "send me files" });
});

describe("uploads", () => {
  it("uploads a photo, then getFile + download returns the same bytes", async () => {
    const bytes = png(3, 2);
    const answer = await upload("sendPhoto", "photo", bytes, "pic.png", { caption: "A picture" });
    expect(answer.status).toBe(200);
    const photo = answer.body.result?.photo?.[0];
    expect(photo).toMatchObject({ width: 3, height: 2, file_size: bytes.length });
    expect(answer.body.result?.caption).toBe("A picture");

    const file = await ok<{ file_path: string; file_size: number }>(ctx.sandbox, "getFile", {
      file_id: photo?.file_id,
    });
    expect(file.file_size).toBe(bytes.length);
    const download = await fetch(`${ctx.sandbox.url}/file/bot${TOKEN}/${file.file_path}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);

    const [, message] = await ctx.client.getMessages({ token: TOKEN, chatId: ALICE.id });
    expect(message).toMatchObject({
      from_bot: true,
      caption: "A picture",
      photo: [{ file_id: photo?.file_id }],
    });
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
    const answer = await callApi<Msg>(
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

  it("re-sends by file_id and rejects unknown ids and type mismatches", async () => {
    const first = await upload("sendDocument", "document", Buffer.from("hello"), "a.txt");
    const fileId = first.body.result?.document?.file_id;
    const again = await ok<Msg>(ctx.sandbox, "sendDocument", { chat_id: ALICE.id, document: fileId });
    expect(again.document?.file_id).toBe(fileId);
    const unknown = await callApi(ctx.sandbox, "sendDocument", { chat_id: ALICE.id, document: "nope" });
    expect(unknown.body.description).toBe("Bad Request: wrong file identifier/HTTP URL specified");
    const asPhoto = await callApi(ctx.sandbox, "sendPhoto", { chat_id: ALICE.id, photo: fileId });
    expect(asPhoto.body.description).toBe("Bad Request: can't use file of type Document as Photo");
    const missing = await callApi(ctx.sandbox, "sendPhoto", { chat_id: ALICE.id });
    expect(missing.body.description).toBe("Bad Request: there is no photo in the request");
  });

  it("records photos sent by URL without downloading them", async () => {
    const sent = await ok<Msg>(ctx.sandbox, "sendPhoto", {
      chat_id: ALICE.id,
      photo: "https://example.com/cat.jpg",
    });
    expect(sent.photo?.[0]?.file_id).toMatch(/^AgAC/);
  });

  it("limits captions to 1024 characters", async () => {
    const answer = await upload("sendPhoto", "photo", png(1, 1), "p.png", { caption: "c".repeat(1025) });
    expect(answer.body).toEqual({
      ok: false,
      error_code: 400,
      description: "Bad Request: message caption is too long",
    });
  });

  it("rejects photos over 10 MB and documents over 50 MB", async () => {
    const bigPhoto = await upload("sendPhoto", "photo", Buffer.alloc(10 * 1024 * 1024 + 1), "big.jpg");
    expect(bigPhoto.body).toEqual({
      ok: false,
      error_code: 400,
      description: "Bad Request: PHOTO_INVALID_DIMENSIONS",
    });
    const bigDocument = await upload(
      "sendDocument",
      "document",
      Buffer.alloc(50 * 1024 * 1024 + 1),
      "big.bin",
    );
    expect(bigDocument).toEqual({
      status: 413,
      body: { ok: false, error_code: 413, description: "Request Entity Too Large" },
    });
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
