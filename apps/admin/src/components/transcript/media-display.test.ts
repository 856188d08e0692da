import { describe, expect, it } from "vitest";
import { formatBytes, mediaDisplay, type TranscriptMedia } from "./media-display";

const media = (over: Partial<TranscriptMedia>): TranscriptMedia => ({
  fileId: "0b6f1f8e-5f0c-4c53-9a55-0d8b1b7c9a11",
  kind: "photo",
  name: null,
  mimeType: null,
  size: null,
  width: null,
  height: null,
  duration: null,
  state: "stored",
  ...over,
});

describe("mediaDisplay", () => {
  it("shows a stored photo in place from the member-only file route", () => {
    expect(mediaDisplay(media({}))).toEqual({
      kind: "image",
      url: "/api/files/0b6f1f8e-5f0c-4c53-9a55-0d8b1b7c9a11",
    });
  });

  it("plays GIFs and videos as video, voice notes and audio as audio, and downloads documents", () => {
    expect(mediaDisplay(media({ kind: "animation" })).kind).toBe("video");
    expect(mediaDisplay(media({ kind: "video" })).kind).toBe("video");
    expect(mediaDisplay(media({ kind: "voice" })).kind).toBe("audio");
    expect(mediaDisplay(media({ kind: "audio" })).kind).toBe("audio");
    expect(mediaDisplay(media({ kind: "document" })).kind).toBe("download");
  });

  it("says why there are no bytes: downloading, over the 20 MB bot limit, or given up", () => {
    expect(mediaDisplay(media({ fileId: null, state: "pending" }))).toEqual({
      kind: "unavailable",
      reason: "Downloading from Telegram…",
    });
    expect(mediaDisplay(media({ fileId: null, state: "too_big" }))).toMatchObject({
      kind: "unavailable",
      reason: expect.stringContaining("20 MB"),
    });
    expect(mediaDisplay(media({ fileId: null, state: "failed" }))).toMatchObject({ kind: "unavailable" });
  });
});

describe("formatBytes", () => {
  it("reads as people write sizes", () => {
    expect(formatBytes(null)).toBeNull();
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(2048)).toBe("2.0 KB");
    expect(formatBytes(300 * 1024)).toBe("300 KB");
    expect(formatBytes(21 * 1024 * 1024)).toBe("21.0 MB");
  });
});
