import { describe, expect, it } from "vitest";
import { bodyTooLarge, MAX_FILE_BYTES, MAX_UPLOAD_BODY_BYTES, readUploadForm } from "./upload-form";

const form = (entries: [string, string | File][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe("bodyTooLarge", () => {
  it("refuses a declared body over 51 MB", () => {
    expect(bodyTooLarge(new Headers({ "content-length": String(MAX_UPLOAD_BODY_BYTES + 1) }))).toBe(true);
    expect(bodyTooLarge(new Headers({ "content-length": String(MAX_UPLOAD_BODY_BYTES) }))).toBe(false);
  });

  it("leaves it to the form when there is no usable header", () => {
    expect(bodyTooLarge(new Headers())).toBe(false);
    expect(bodyTooLarge(new Headers({ "content-length": "lots" }))).toBe(false);
  });
});

describe("readUploadForm", () => {
  it("reads the file, its type and asDocument", () => {
    const file = new File([new Uint8Array([1, 2, 3])], "menu.jpg", { type: "image/jpeg" });
    const r = readUploadForm(
      form([
        ["file", file],
        ["asDocument", "1"],
      ]),
    );
    expect(r).toMatchObject({ ok: true, name: "menu.jpg", mimeType: "image/jpeg", asDocument: true });
  });

  it("takes 'true' as asDocument too, and anything else as false", () => {
    const file = new File(["x"], "a.txt", { type: "text/plain" });
    expect(
      readUploadForm(
        form([
          ["file", file],
          ["asDocument", "true"],
        ]),
      ),
    ).toMatchObject({ asDocument: true });
    expect(
      readUploadForm(
        form([
          ["file", file],
          ["asDocument", "0"],
        ]),
      ),
    ).toMatchObject({ asDocument: false });
    expect(readUploadForm(form([["file", file]]))).toMatchObject({ asDocument: false });
  });

  it("defaults a missing type and name", () => {
    const r = readUploadForm(form([["file", new File(["x"], "")]]));
    expect(r).toMatchObject({ ok: true, name: "file", mimeType: "application/octet-stream" });
  });

  it("refuses a missing, text or empty file", () => {
    expect(readUploadForm(form([]))).toMatchObject({ ok: false, status: 400 });
    expect(readUploadForm(form([["file", "not a file"]]))).toMatchObject({ ok: false, status: 400 });
    expect(readUploadForm(form([["file", new File([], "empty.png")]]))).toEqual({
      ok: false,
      status: 400,
      error: "The file is empty.",
    });
  });

  it("refuses a file over 50 MB", () => {
    const big = new File([new Uint8Array(MAX_FILE_BYTES + 1)], "big.mp4", { type: "video/mp4" });
    expect(readUploadForm(form([["file", big]]))).toMatchObject({ ok: false, status: 413 });
  });
});
