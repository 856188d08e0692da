import { describe, expect, it } from "vitest";
import { outcomeOf } from "./login-outcome";

describe("outcomeOf", () => {
  it("is nothing while the link waits", () => {
    expect(outcomeOf("pending", null, "Ann")).toBeNull();
  });

  it("tells the person who confirmed that they are logged in", () => {
    const o = outcomeOf("linked", "confirm", "Ann Lee");
    expect(o?.kind).toBe("linked");
    expect(o?.message).toMatch(/Ann Lee is now linked/);
    expect(o?.message).toMatch(/go back to Telegram/);
  });

  it("calls a link someone else already answered used", () => {
    expect(outcomeOf("linked", null, "Ann")?.kind).toBe("used");
    expect(outcomeOf("refused", "confirm", "Ann")?.kind).toBe("used");
  });

  it("shows a refused link as refused, and a cancel as cancelled", () => {
    expect(outcomeOf("refused", null, "Ann")).toMatchObject({ kind: "refused", title: "Login refused" });
    expect(outcomeOf("refused", "cancel", "Ann")).toMatchObject({
      kind: "refused",
      title: "Login cancelled",
    });
  });

  it("shows an expired link, whatever was tried", () => {
    expect(outcomeOf("expired", null, "")?.kind).toBe("expired");
    expect(outcomeOf("expired", "confirm", "")?.kind).toBe("expired");
  });

  it("names the Telegram account, or says so when it has no name", () => {
    expect(outcomeOf("linked", "confirm", "  ")?.message).toMatch(/^The Telegram account is now linked/);
  });
});
