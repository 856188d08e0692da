import { describe, expect, it } from "vitest";
import { contentDisposition, downloadHeaders, isFileId } from "./file-download";

describe("downloadHeaders", () => {
  it("shows photos inline with their type", () => {
    const h = downloadHeaders({ name: "menu.jpg", mimeType: "image/jpeg", size: 10 });
    expect(h["content-type"]).toBe("image/jpeg");
    expect(h["content-disposition"]).toBe(`inline; filename="menu.jpg"; filename*=UTF-8''menu.jpg`);
    expect(h["x-content-type-options"]).toBe("nosniff");
  });

  it("downloads anything else as opaque bytes (no HTML or SVG runs in the admin)", () => {
    for (const mimeType of ["text/html", "image/svg+xml", "application/pdf"]) {
      const h = downloadHeaders({ name: "x", mimeType, size: 1 });
      expect(h["content-type"]).toBe("application/octet-stream");
      expect(h["content-disposition"]).toMatch(/^attachment;/);
    }
  });
});

describe("contentDisposition", () => {
  it("keeps a UTF-8 name and a safe ASCII fallback", () => {
    expect(contentDisposition('Счёт "1".pdf', false)).toBe(
      `attachment; filename="____ _1_.pdf"; filename*=UTF-8''%D0%A1%D1%87%D1%91%D1%82%20%221%22.pdf`,
    );
  });
});

describe("isFileId", () => {
  it("accepts UUIDs only", () => {
    expect(isFileId("0b9f0c1e-2a3b-4c5d-8e9f-0123456789ab")).toBe(true);
    expect(isFileId("../etc/passwd")).toBe(false);
  });
});
