// Users' files in the transcript (conversations.transcript, inbox.conversation): kind, name, size and
// the download's state, and the stored bytes for members of the workspace only (readStoredFile).

import {
  claimDueDownloads,
  finishDownload,
  type InboundMedia,
  lockChat,
  markDownloadTooBig,
  receiveFromUser,
} from "@switchboard/core";
import { flowDoc, textStep } from "@switchboard/flow/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStoredFile } from "../src/domains/files/service";
import { workspaceScopeOf } from "../src/scope";
import { createWorld, type Member, type World } from "./helpers";

let w: World;
let owner: Member;
let bot: { botId: string; workspaceId: string };
beforeAll(async () => {
  w = await createWorld("api_media");
  owner = await w.member("owner");
  bot = await w.publishedBot(owner, flowDoc([textStep("hi", "Hi")], []));
});
afterAll(async () => {
  await w?.close();
});

let userSeq = 0;
/** A Telegram user sends a file without a caption, as the runtime hands it to the core. */
async function userSendsFile(media: Partial<InboundMedia>) {
  userSeq += 1;
  const from = { id: 910_000 + userSeq, first_name: `U${userSeq}` };
  const result = await w.db.transaction(async (tx) => {
    await lockChat(tx, bot.botId, from.id);
    return receiveFromUser(
      tx,
      { id: bot.botId, workspaceId: bot.workspaceId },
      {
        chatId: from.id,
        from,
        event: null,
        text: null,
        telegramMessageId: 42,
        payload: { message: { message_id: 42 } },
        media: {
          kind: "photo",
          telegramFileId: `AgAC${userSeq}`,
          telegramFileUniqueId: `AQAD${userSeq}`,
          fileSize: 3,
          fileName: null,
          mimeType: null,
          width: 800,
          height: 600,
          duration: null,
          ...media,
        },
      },
      w.env.core,
    );
  });
  return result.conversation.id;
}

/** The member's scope as the admin's file route resolves it (session, else first membership). */
const scopeOf = (m: Member) => workspaceScopeOf(w.db, m.userId, null);

const mediaOf = async (conversationId: string) => {
  const { messages } = await owner.api.conversations.transcript({ id: conversationId });
  return messages.find((m) => m.direction === "in")?.media;
};

describe("a user's file in the transcript", () => {
  it("pending, then stored with its file id; inbox.conversation shows the same", async () => {
    const id = await userSendsFile({});
    expect(await mediaOf(id)).toEqual({
      fileId: null,
      kind: "photo",
      name: null,
      mimeType: null,
      size: 3,
      width: 800,
      height: 600,
      duration: null,
      state: "pending",
    });
    const [job] = (await claimDueDownloads(w.db, 10)).filter((j) => j.conversationId === id);
    await finishDownload(w.db, w.env.fileStorage, job!, Buffer.from([0xff, 0xd8, 0xff]));
    const media = await mediaOf(id);
    expect(media).toMatchObject({
      kind: "photo",
      name: "photo.jpg",
      mimeType: "image/jpeg",
      size: 3,
      state: "stored",
    });
    expect(media?.fileId).toEqual(expect.any(String));

    const details = await owner.api.inbox.conversation({ id });
    const shown = details.timeline.find((t) => t.kind === "message" && t.direction === "in");
    expect(shown && "media" in shown ? shown.media : null).toEqual(media);

    const file = await readStoredFile(await scopeOf(owner), w.env, media!.fileId!);
    expect(file).toMatchObject({ name: "photo.jpg", mimeType: "image/jpeg", size: 3 });
    expect([...file.bytes]).toEqual([0xff, 0xd8, 0xff]);
  });

  it("too_big with its name and size, never a file", async () => {
    const id = await userSendsFile({
      kind: "document",
      fileName: "backup.zip",
      mimeType: "application/zip",
      fileSize: 21 * 1024 * 1024,
      width: null,
      height: null,
    });
    expect(await mediaOf(id)).toMatchObject({
      fileId: null,
      kind: "document",
      name: "backup.zip",
      size: 21 * 1024 * 1024,
      state: "too_big",
    });
  });

  it("a voice note Telegram refused as too big shows too_big, with its duration", async () => {
    const id = await userSendsFile({ kind: "voice", fileSize: null, mimeType: "audio/ogg", duration: 12 });
    const [job] = (await claimDueDownloads(w.db, 10)).filter((j) => j.conversationId === id);
    await markDownloadTooBig(w.db, job!, "Bad Request: file is too big");
    expect(await mediaOf(id)).toMatchObject({ kind: "voice", duration: 12, state: "too_big", fileId: null });
  });
});

describe("the stored bytes", () => {
  it("are for members of the file's workspace only", async () => {
    const id = await userSendsFile({});
    const [job] = (await claimDueDownloads(w.db, 10)).filter((j) => j.conversationId === id);
    await finishDownload(w.db, w.env.fileStorage, job!, Buffer.from("bytes"));
    const fileId = (await mediaOf(id))!.fileId!;
    const operator = await w.member("operator", owner.workspaceId);
    expect((await readStoredFile(await scopeOf(operator), w.env, fileId)).bytes.toString()).toBe("bytes");
    const stranger = await w.member("owner");
    await expect(readStoredFile(await scopeOf(stranger), w.env, fileId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
