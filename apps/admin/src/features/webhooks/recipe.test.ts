import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { VERIFY_RECIPE } from "./recipe";

const repo = new URL("../../../../../", import.meta.url);

describe("the verification recipe shown in the admin", () => {
  it("is the core's verifyWebhookSignature, which the runtime's integration test verifies with", () => {
    const source = readFileSync(new URL("packages/core/src/webhooks/verify.ts", repo), "utf8");
    const snippet = source.split("// recipe:start\n")[1]?.split("// recipe:end")[0];
    expect(snippet).toBeTruthy();
    expect(VERIFY_RECIPE).toBe(`import { createHmac, timingSafeEqual } from "node:crypto";\n\n${snippet}`);
  });
});
