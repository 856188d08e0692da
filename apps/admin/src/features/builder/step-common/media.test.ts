import { describe, expect, it } from "vitest";
import { expectedMediaKind, formatBytes, readUploadAnswer, uploadLimitError } from "./media";

const MB = 1024 * 1024;
const media = {
  fileId: "5d0c6f7e-0000-4000-8000-000000000001",
  kind: "photo",
  name: "a.jpg",
  size: 10,
  mimeType: "image/jpeg",
};

describe("expectedMediaKind", () => {
  it.each([
    ["image/jpeg", "photo"],
    ["image/PNG", "photo"],
    ["image/gif", "document"],
    ["video/mp4", "video"],
    ["audio/mpeg", "audio"],
    ["application/pdf", "document"],
    ["", "document"],
  ])("%s → %s", (type, kind) => {
    expect(expectedMediaKind(type, false)).toBe(kind);
  });

  it("sends anything as a document when asked", () => {
    expect(expectedMediaKind("image/jpeg", true)).toBe("document");
  });
});

describe("uploadLimitError", () => {
  it("allows a photo up to 10 MB", () => {
    expect(uploadLimitError({ name: "a.jpg", size: 10 * MB, type: "image/jpeg" }, false)).toBeNull();
  });

  it("refuses a bigger photo, and suggests a document", () => {
    const error = uploadLimitError({ name: "a.jpg", size: 10 * MB + 1, type: "image/jpeg" }, false);
    expect(error).toMatch(/"a\.jpg" is 10 MB; Telegram accepts a photo of at most 10 MB/);
    expect(error).toMatch(/document/);
  });

  it("allows the same picture as a document, up to 50 MB", () => {
    expect(uploadLimitError({ name: "a.jpg", size: 20 * MB, type: "image/jpeg" }, true)).toBeNull();
    expect(uploadLimitError({ name: "a.jpg", size: 51 * MB, type: "image/jpeg" }, true)).toMatch(/50 MB/);
  });

  it("allows videos up to 50 MB", () => {
    expect(uploadLimitError({ name: "v.mp4", size: 50 * MB, type: "video/mp4" }, false)).toBeNull();
    expect(uploadLimitError({ name: "v.mp4", size: 50 * MB + 1, type: "video/mp4" }, false)).toMatch(/video/);
  });

  it("refuses an empty file", () => {
    expect(uploadLimitError({ name: "e.txt", size: 0, type: "text/plain" }, false)).toBe(
      "The file is empty.",
    );
  });
});

describe("formatBytes", () => {
  it.each([
    [980, "980 B"],
    [12_800, "12.5 KB"],
    [3.2 * MB, "3.2 MB"],
  ])("%d → %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe("readUploadAnswer", () => {
  it("takes the media of a successful upload, and only its fields", () => {
    expect(readUploadAnswer(200, { ...media, extra: 1 })).toEqual({ media });
  });

  it("shows the server's message", () => {
    expect(readUploadAnswer(413, { error: "Too big for Telegram." })).toEqual({
      error: "Too big for Telegram.",
    });
    expect(readUploadAnswer(400, { error: "This image can't be read." })).toEqual({
      error: "This image can't be read.",
    });
  });

  it("explains answers without a message", () => {
    expect(readUploadAnswer(401, null)).toHaveProperty("error", expect.stringMatching(/sign in/i));
    expect(readUploadAnswer(500, "oops")).toHaveProperty("error", expect.stringMatching(/500/));
    expect(readUploadAnswer(200, { fileId: 1 })).toHaveProperty("error");
    expect(readUploadAnswer(409, null)).toEqual({
      error: "This server doesn't take uploads yet (no /api/files route).",
    });
  });
});
