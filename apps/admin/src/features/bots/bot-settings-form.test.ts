import { defaultBotSettings } from "@switchboard/core";
import { describe, expect, it } from "vitest";
import {
  AUTO_TEXTS,
  type BotSettings,
  errorKeyOf,
  formFromSettings,
  groupChatIdOf,
  settingsPatch,
  validateSettingsForm,
} from "./bot-settings-form";

const defaults = (): BotSettings => defaultBotSettings();

describe("AUTO_TEXTS", () => {
  it("has the defaults the core fills in", () => {
    const d = defaults();
    const byKey = Object.fromEntries(AUTO_TEXTS.map((t) => [t.key, t.default]));
    expect(byKey).toEqual({
      beforeStart: d.beforeStartText,
      connected: d.operator.texts.connected,
      noOperator: d.operator.texts.noOperator,
      howToEnd: d.operator.texts.howToEnd,
      completed: d.operator.texts.completed,
      afterMaxWait: d.operator.texts.afterMaxWait,
    });
    expect(byKey.connected).toBe("connected to chat. Please start messaging!");
    expect(byKey.beforeStart).toBe("Press /start to talk.");
  });
});

describe("validateSettingsForm", () => {
  it("accepts the defaults", () => {
    expect(validateSettingsForm(formFromSettings(defaults()))).toEqual({});
  });

  it("checks the minutes and the parallel chats", () => {
    const f = formFromSettings(defaults());
    expect(validateSettingsForm({ ...f, maxWaitMinutes: "0" })).toEqual({});
    expect(validateSettingsForm({ ...f, maxWaitMinutes: "10080" })).toEqual({});
    expect(validateSettingsForm({ ...f, maxWaitMinutes: "10081" }).maxWaitMinutes).toBeDefined();
    expect(validateSettingsForm({ ...f, maxWaitMinutes: "-1" }).maxWaitMinutes).toBeDefined();
    expect(validateSettingsForm({ ...f, maxWaitMinutes: "1.5" }).maxWaitMinutes).toBeDefined();
    expect(validateSettingsForm({ ...f, maxWaitMinutes: "" }).maxWaitMinutes).toBeDefined();
    expect(validateSettingsForm({ ...f, maxParallelChats: "0" }).maxParallelChats).toBeDefined();
    expect(validateSettingsForm({ ...f, maxParallelChats: "101" }).maxParallelChats).toBeDefined();
    expect(validateSettingsForm({ ...f, maxParallelChats: "100" })).toEqual({});
  });

  it("wants every text, within Telegram's limit", () => {
    const f = formFromSettings(defaults());
    expect(validateSettingsForm({ ...f, texts: { ...f.texts, completed: "  " } }).completed).toMatch(
      /default/,
    );
    expect(
      validateSettingsForm({ ...f, texts: { ...f.texts, beforeStart: "x".repeat(4097) } }).beforeStart,
    ).toMatch(/4,096/);
  });
});

describe("the send limit", () => {
  it("accepts 1 to 1000 messages per second, nothing else", () => {
    const f = formFromSettings(defaults());
    expect(f.messagesPerSecond).toBe("30");
    expect(validateSettingsForm({ ...f, messagesPerSecond: "1" })).toEqual({});
    expect(validateSettingsForm({ ...f, messagesPerSecond: "1000" })).toEqual({});
    for (const bad of ["0", "1001", "2.5", "", "abc"])
      expect(validateSettingsForm({ ...f, messagesPerSecond: bad })).toEqual({
        messagesPerSecond: "A whole number from 1 to 1,000.",
      });
  });

  it("is patched only when it changed, and the API's errors land on it", () => {
    const f = formFromSettings(defaults());
    expect(settingsPatch(defaults(), { ...f, messagesPerSecond: "200" })).toEqual({ messagesPerSecond: 200 });
    expect(settingsPatch(defaults(), { ...f, messagesPerSecond: "30" })).toBeNull();
    expect(errorKeyOf("settings.messagesPerSecond")).toBe("messagesPerSecond");
  });
});

describe("settingsPatch", () => {
  it("is null when nothing changed", () => {
    expect(settingsPatch(defaults(), formFromSettings(defaults()))).toBeNull();
  });

  it("sends only what changed, nested as the API wants it", () => {
    const f = formFromSettings(defaults());
    const patch = settingsPatch(defaults(), {
      ...f,
      sendLeadText: false,
      showOperatorName: true,
      maxWaitMinutes: "0",
      texts: { ...f.texts, completed: "Bye!", beforeStart: "Tap /start" },
    });
    expect(patch).toEqual({
      sendLeadText: false,
      beforeStartText: "Tap /start",
      operator: { showOperatorName: true, maxWaitMinutes: 0, texts: { completed: "Bye!" } },
    });
  });

  it("sends the login setting and the parallel chats alone", () => {
    const f = formFromSettings(defaults());
    expect(settingsPatch(defaults(), { ...f, loginDomainLinked: true })).toEqual({ loginDomainLinked: true });
    expect(settingsPatch(defaults(), { ...f, maxParallelChats: " 7 " })).toEqual({
      operator: { maxParallelChats: 7 },
    });
  });
});

describe("the operators' group", () => {
  it("is off and empty by default, and shows a stored group", () => {
    expect(formFromSettings(defaults())).toMatchObject({ groupEnabled: false, groupChatId: "" });
    expect(
      formFromSettings({ ...defaults(), operatorGroup: { chatId: -1001234567890, enabled: true } }),
    ).toMatchObject({ groupEnabled: true, groupChatId: "-1001234567890" });
  });

  it("wants a supergroup's id, and one at all to switch it on", () => {
    const f = formFromSettings(defaults());
    expect(groupChatIdOf(" -100 1234567890 ")).toBe(-1001234567890);
    expect(groupChatIdOf("")).toBeNull();
    for (const bad of ["1234567890", "-123456", "-100123", "-1001234567890x", "-100999999999999999999"])
      expect(groupChatIdOf(bad)).toBeNaN();
    expect(validateSettingsForm({ ...f, groupChatId: "-1001234567890" })).toEqual({});
    expect(validateSettingsForm({ ...f, groupChatId: "-4567" }).groupChatId).toMatch(/-100/);
    expect(validateSettingsForm({ ...f, groupEnabled: true }).groupChatId).toMatch(/Paste/);
    expect(validateSettingsForm({ ...f, groupEnabled: true, groupChatId: "-1001234567890" })).toEqual({});
  });

  it("sends only what changed of it", () => {
    const f = formFromSettings(defaults());
    expect(settingsPatch(defaults(), { ...f, groupEnabled: true, groupChatId: "-1001234567890" })).toEqual({
      operatorGroup: { enabled: true, chatId: -1001234567890 },
    });
    const stored = { ...defaults(), operatorGroup: { chatId: -1001234567890, enabled: true } };
    const g = formFromSettings(stored);
    expect(settingsPatch(stored, g)).toBeNull();
    expect(settingsPatch(stored, { ...g, groupEnabled: false })).toEqual({
      operatorGroup: { enabled: false },
    });
    expect(settingsPatch(stored, { ...g, groupEnabled: false, groupChatId: "" })).toEqual({
      operatorGroup: { enabled: false, chatId: null },
    });
  });
});

describe("errorKeyOf", () => {
  it("finds the field of an API error path", () => {
    expect(errorKeyOf("settings.operator.texts.completed")).toBe("completed");
    expect(errorKeyOf("settings.beforeStartText")).toBe("beforeStart");
    expect(errorKeyOf("settings.operator.maxWaitMinutes")).toBe("maxWaitMinutes");
    expect(errorKeyOf("settings.sendLeadText")).toBeNull();
    expect(errorKeyOf("settings.operatorGroup.chatId")).toBe("groupChatId");
    expect(errorKeyOf(null)).toBeNull();
  });
});
