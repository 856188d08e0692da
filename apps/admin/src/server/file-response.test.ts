import { describe, expect, it } from "vitest";
import { fileResponseHeaders } from "./file-response";

describe("fileResponseHeaders", () => {
  it("shows images, video and audio inline, never sniffed, in a CSP sandbox", () => {
    const headers = fileResponseHeaders({ name: "photo.jpg", mimeType: "image/jpeg", size: 12 });
    expect(headers.get("content-type")).toBe("image/jpeg");
    expect(headers.get("content-length")).toBe("12");
    expect(headers.get("content-disposition")).toBe(
      `inline; filename="photo.jpg"; filename*=UTF-8''photo.jpg`,
    );
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("content-security-policy")).toContain("sandbox");
    expect(headers.get("cache-control")).toMatch(/^private/);
  });

  it("downloads anything a browser could run (HTML, SVG, PDF, unknown) as bytes", () => {
    for (const mimeType of ["text/html", "image/svg+xml", "application/pdf", "application/x-unknown"]) {
      const headers = fileResponseHeaders({ name: "x", mimeType, size: 1 });
      expect(headers.get("content-type")).toBe("application/octet-stream");
      expect(headers.get("content-disposition")).toMatch(/^attachment;/);
    }
  });

  it("keeps a non-ASCII name for modern browsers and a safe stand-in for old ones", () => {
    const headers = fileResponseHeaders({ name: 'счёт "1".pdf', mimeType: "application/pdf", size: 1 });
    expect(headers.get("content-disposition")).toBe(
      `attachment; filename="____ _1_.pdf"; filename*=UTF-8''${encodeURIComponent('счёт "1".pdf')}`,
    );
  });

  it("escapes the characters RFC 5987 leaves out of a filename* value", () => {
    const headers = fileResponseHeaders({ name: "it's (final)*.txt", mimeType: "text/plain", size: 1 });
    expect(headers.get("content-disposition")).toBe(
      `attachment; filename="it's (final)*.txt"; filename*=UTF-8''it%27s%20%28final%29%2A.txt`,
    );
  });
});
