import { describe, expect, it } from "vitest";
import { attachmentProblem, fileSize } from "./upload-attachment";

const MB = 1024 * 1024;

describe("attachmentProblem", () => {
  it("accepts photos up to 10 MB and other files up to 50 MB", () => {
    expect(attachmentProblem({ size: 10 * MB, type: "image/jpeg" }, false)).toBeNull();
    expect(attachmentProblem({ size: 50 * MB, type: "application/pdf" }, false)).toBeNull();
  });
  it("refuses bigger photos unless sent as a file", () => {
    expect(attachmentProblem({ size: 11 * MB, type: "image/png" }, false)).toMatch(/at most 10 MB/);
    expect(attachmentProblem({ size: 11 * MB, type: "image/png" }, true)).toBeNull();
  });
  it("refuses empty and too large files", () => {
    expect(attachmentProblem({ size: 0, type: "text/plain" }, false)).toBe("The file is empty.");
    expect(attachmentProblem({ size: 51 * MB, type: "application/zip" }, true)).toMatch(/50 MB/);
  });
});

describe("fileSize", () => {
  it("reads like a person writes it", () => {
    expect(fileSize(2.44 * MB)).toBe("2.4 MB");
    expect(fileSize(830 * 1024)).toBe("830 KB");
    expect(fileSize(10)).toBe("1 KB");
  });
});
