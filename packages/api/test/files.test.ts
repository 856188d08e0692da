import { DomainError } from "@switchboard/core";
import { files } from "@switchboard/db";
import { flowDoc, textStep } from "@switchboard/flow/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lazyFileStorage } from "../src/context";
import { uploadStepMedia } from "../src/domains/files/service";
import { workspaceScopeOf } from "../src/scope";
import { httpStatusOf } from "../src/trpc";
import { createWorld, expectTrpcError, type Member, png, type World } from "./helpers";

let w: World;
let owner: Member;

/** What the admin's upload route does: the caller's scope from the session's user, then the upload. */
async function upload(
  member: Member,
  file: { name: string; mimeType: string; bytes: Uint8Array; asDocument?: boolean },
) {
  return uploadStepMedia(await workspaceScopeOf(w.db, member.userId), w.env, file);
}

/** The DomainError a call fails with. */
async function domainError(call: Promise<unknown>) {
  const err = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

beforeAll(async () => {
  w = await createWorld("files");
  owner = await w.member("owner");
});

afterAll(async () => {
  await w?.close();
});

describe("uploadStepMedia", () => {
  it("stores a photo: the Media a step keeps, the metadata, the bytes", async () => {
    const bytes = png(40, 30);
    const media = await upload(owner, { name: "C:\\pics\\logo.png", mimeType: "image/png", bytes });
    expect(media).toEqual({
      fileId: expect.any(String),
      kind: "photo",
      name: "logo.png",
      size: bytes.byteLength,
      mimeType: "image/png",
    });
    expect(await owner.api.files.get({ id: media.fileId })).toEqual({
      id: media.fileId,
      kind: "photo",
      name: "logo.png",
      mimeType: "image/png",
      size: bytes.byteLength,
      createdBy: owner.userId,
      createdAt: expect.any(Date),
    });
    const [row] = await w.db.select().from(files).where(eq(files.id, media.fileId));
    expect(Buffer.from(await w.env.fileStorage.get(row!.storageKey))).toEqual(Buffer.from(bytes));
  });

  it("sends other types as documents, or an image as a document when asked", async () => {
    const text = await upload(owner, {
      name: "terms.txt",
      mimeType: "text/plain; charset=utf-8",
      bytes: new TextEncoder().encode("Terms"),
    });
    expect(text).toMatchObject({ kind: "document", mimeType: "text/plain" });
    const asDoc = await upload(owner, {
      name: "big.png",
      mimeType: "image/png",
      bytes: png(2, 2),
      asDocument: true,
    });
    expect(asDoc.kind).toBe("document");
    const video = await upload(owner, { name: "a.mp4", mimeType: "video/mp4", bytes: new Uint8Array(10) });
    expect(video.kind).toBe("video");
  });

  it("refuses what Telegram would refuse, with the reason and an HTTP status for the route", async () => {
    const empty = await domainError(
      upload(owner, { name: "e.txt", mimeType: "text/plain", bytes: new Uint8Array(0) }),
    );
    expect(empty).toMatchObject({ code: "INVALID", message: "The file is empty." });
    expect(httpStatusOf(empty)).toBe(400);

    const huge = await domainError(
      upload(owner, { name: "huge.png", mimeType: "image/png", bytes: new Uint8Array(10 * 1024 * 1024 + 1) }),
    );
    expect(huge.code).toBe("TOO_LARGE");
    expect(huge.message).toMatch(/"huge.png" is 10 MB; Telegram accepts a photo of at most 10 MB/);
    expect(httpStatusOf(huge)).toBe(413);

    const thin = await domainError(
      upload(owner, { name: "thin.png", mimeType: "image/png", bytes: png(2100, 100) }),
    );
    expect(thin).toMatchObject({ code: "INVALID" });
    expect(thin.message).toMatch(/ratio of at most 20/);

    const broken = await domainError(
      upload(owner, {
        name: "x.png",
        mimeType: "image/png",
        bytes: new TextEncoder().encode("not an image"),
      }),
    );
    expect(broken.message).toMatch(/can't be read/);
  });

  it("is for editors: an operator's upload is FORBIDDEN; a user without a workspace can't upload", async () => {
    const operator = await w.member("operator", owner.workspaceId);
    const err = await domainError(
      upload(operator, { name: "a.png", mimeType: "image/png", bytes: png(2, 2) }),
    );
    expect(err).toMatchObject({ code: "FORBIDDEN", message: "Operators can't change bots or flows." });
    expect(httpStatusOf(err)).toBe(403);
    const unauthenticated = await domainError(workspaceScopeOf(w.db, null));
    expect(httpStatusOf(unauthenticated)).toBe(401);
    const loner = await domainError(workspaceScopeOf(w.db, await w.addUser("Loner")));
    expect(loner.code).toBe("FORBIDDEN");
  });

  it("without SWITCHBOARD_FILES_DIR the process starts, and an upload says what is missing", async () => {
    const storage = lazyFileStorage({});
    expect(storage.describe()).toBe("not configured");
    const err = await domainError(
      uploadStepMedia(
        await workspaceScopeOf(w.db, owner.userId),
        { fileStorage: storage },
        {
          name: "a.txt",
          mimeType: "text/plain",
          bytes: new Uint8Array(3),
        },
      ),
    );
    expect(err).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "File uploads are not configured on this server (SWITCHBOARD_FILES_DIR is not set).",
    });
  });
});

describe("files.get", () => {
  it("is workspace-scoped", async () => {
    const media = await upload(owner, { name: "a.txt", mimeType: "text/plain", bytes: new Uint8Array(3) });
    const operator = await w.member("operator", owner.workspaceId);
    expect((await operator.api.files.get({ id: media.fileId })).name).toBe("a.txt");
    const other = await w.member("owner");
    await expectTrpcError(other.api.files.get({ id: media.fileId }), "NOT_FOUND", "File not found.");
  });
});

describe("media in the transcript", () => {
  it("an outbound media message shows its kind and file name", async () => {
    const media = await upload(owner, { name: "menu.png", mimeType: "image/png", bytes: png(20, 20) });
    const bot = await w.publishedBot(
      owner,
      flowDoc([{ ...textStep("menu", "Our menu"), config: { text: "Our menu", media } }]),
    );
    const { conversation } = await w.userSays(bot, { id: 31, first_name: "Ann" });
    const { messages } = await owner.api.conversations.transcript({ id: conversation.id });
    expect(messages.map((m) => [m.direction, m.text, m.media])).toEqual([
      ["in", "/start", null],
      [
        "out",
        "Our menu",
        {
          fileId: media.fileId,
          kind: "photo",
          name: "menu.png",
          mimeType: "image/png",
          // The flow's call names the file but not its size (files.get has it).
          size: null,
          width: null,
          height: null,
          duration: null,
          state: "stored",
        },
      ],
    ]);
  });
});
