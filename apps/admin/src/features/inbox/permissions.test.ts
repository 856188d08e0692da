import { describe, expect, it } from "vitest";
import { abilitiesFor, assignOptionState, type ConversationState, type Viewer } from "./permissions";

const me: Viewer = { userId: "me", role: "operator" };
const owner: Viewer = { userId: "boss", role: "owner" };
const state = (extra: Partial<ConversationState>): ConversationState => ({
  status: "operator",
  botUsername: "shop_bot",
  assignee: { id: "me", name: "Me" },
  inMyPool: true,
  ...extra,
});

describe("abilitiesFor: a waiting conversation", () => {
  const waiting = state({ status: "waiting", assignee: null });

  it("an operator of the pool may take it, not reply", () => {
    const a = abilitiesFor(waiting, me);
    expect(a.take).toEqual({ visible: true, enabled: true, reason: null });
    expect(a.reply.enabled).toBe(false);
    expect(a.reply.reason).toBe("Take the conversation first.");
    expect(a.close.visible).toBe(false);
    expect(a.assign.visible).toBe(false);
  });

  it("outside the pool, taking is disabled with the reason", () => {
    const a = abilitiesFor({ ...waiting, inMyPool: false }, me);
    expect(a.take.enabled).toBe(false);
    expect(a.take.reason).toBe("Join @shop_bot's operators to take its conversations.");
  });

  it("at the bot's maximum, taking is disabled with the reason", () => {
    const a = abilitiesFor(waiting, { ...me, capacity: { openChats: 2, maxParallelChats: 2 } });
    expect(a.take.enabled).toBe(false);
    expect(a.take.reason).toContain("its maximum");
    const below = abilitiesFor(waiting, { ...me, capacity: { openChats: 1, maxParallelChats: 2 } });
    expect(below.take.enabled).toBe(true);
  });

  it("an owner may close, return and assign it", () => {
    const a = abilitiesFor(waiting, owner);
    expect([a.close.enabled, a.returnToBot.enabled, a.assign.enabled]).toEqual([true, true, true]);
  });
});

describe("abilitiesFor: a conversation with an operator", () => {
  it("the operator who has it may do everything", () => {
    const a = abilitiesFor(state({}), me);
    expect(a.mine).toBe(true);
    expect([a.reply, a.close, a.returnToBot, a.assign].every((x) => x.enabled)).toBe(true);
    expect(a.take.visible).toBe(false);
  });

  it("someone else's: no reply, and managing it is for owners only", () => {
    const other = state({ assignee: { id: "ann", name: "Ann" } });
    const a = abilitiesFor(other, me);
    expect(a.mine).toBe(false);
    expect(a.reply.reason).toBe("Ann has this conversation.");
    expect(a.close.enabled).toBe(false);
    expect(a.close.reason).toContain("only they or an owner");
    const o = abilitiesFor(other, owner);
    expect(o.reply.enabled).toBe(false);
    expect([o.close.enabled, o.returnToBot.enabled, o.assign.enabled]).toEqual([true, true, true]);
  });

  it("notes are for everyone", () => {
    expect(abilitiesFor(state({ assignee: { id: "ann", name: "Ann" } }), me).note.enabled).toBe(true);
  });
});

describe("abilitiesFor: closed and bot conversations", () => {
  it("nothing but notes", () => {
    const a = abilitiesFor(state({ status: "closed", assignee: null }), owner);
    expect(a.reply.reason).toBe("This conversation is closed.");
    expect([a.take, a.close, a.returnToBot, a.assign].some((x) => x.visible)).toBe(false);
    expect(a.note.enabled).toBe(true);
    expect(abilitiesFor(state({ status: "bot", assignee: null }), me).reply.reason).toBe(
      "The bot has this conversation now.",
    );
  });
});

describe("assignOptionState", () => {
  const option = {
    userId: "ann",
    name: "Ann",
    presence: "online" as const,
    openChats: 1,
    maxParallelChats: 2,
    canTakeMore: true,
    isMe: false,
  };
  it("can pick someone with room", () => {
    expect(assignOptionState(option, "me")).toEqual({ enabled: true, note: null });
  });
  it("not the one who has it, nor someone full", () => {
    expect(assignOptionState(option, "ann")).toEqual({ enabled: false, note: "Has it now" });
    expect(assignOptionState({ ...option, openChats: 2, canTakeMore: false }, null)).toEqual({
      enabled: false,
      note: "Full (2/2)",
    });
  });
});
