import { defaultEngineSettings, defaultOperatorTexts } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import {
  type BotSettings,
  defaultBotSettings,
  engineSettingsOf,
  parseBotSettings,
} from "../src/bot-settings";
import { behaviourOf } from "../src/flows/live-flow";

const DEFAULTS: BotSettings = {
  messagesPerSecond: 30,
  waitForStart: false,
  beforeStartText: defaultEngineSettings.beforeStartText,
  sendLeadText: true,
  loginDomainLinked: false,
  operator: {
    maxParallelChats: 5,
    onlyMyClients: false,
    showOperatorName: false,
    maxWaitMinutes: 10,
    closeAfterMinutes: 0,
    texts: { ...defaultOperatorTexts },
  },
};

/** The defaults with some fields replaced (operator fields and texts merged one level deep). */
function withDefaults(over: {
  top?: Partial<Omit<BotSettings, "operator">>;
  operator?: Partial<Omit<BotSettings["operator"], "texts">>;
  texts?: Partial<BotSettings["operator"]["texts"]>;
}): BotSettings {
  return {
    ...DEFAULTS,
    ...over.top,
    operator: {
      ...DEFAULTS.operator,
      ...over.operator,
      texts: { ...DEFAULTS.operator.texts, ...over.texts },
    },
  };
}

describe("parseBotSettings", () => {
  it("defaultBotSettings are the documented defaults", () => {
    expect(defaultBotSettings()).toEqual(DEFAULTS);
  });

  it.each<[string, unknown]>([
    ["undefined", undefined],
    ["null", null],
    ["an empty object", {}],
    ["a string", "broken"],
    ["a number", 7],
    ["true", true],
    ["an array", []],
    ["an array with values", [1, 2]],
  ])("%s: all defaults", (_, raw) => {
    expect(parseBotSettings(raw)).toEqual(DEFAULTS);
  });

  it.each<[string, unknown, BotSettings]>([
    [
      "top-level values that are valid are kept",
      { waitForStart: true, beforeStartText: "Say /start", sendLeadText: false, loginDomainLinked: true },
      withDefaults({
        top: {
          waitForStart: true,
          beforeStartText: "Say /start",
          sendLeadText: false,
          loginDomainLinked: true,
        },
      }),
    ],
    [
      "the send limit keeps 1 to 1000 (paid broadcasts); outside that range it is 30",
      { messagesPerSecond: 1000 },
      withDefaults({ top: { messagesPerSecond: 1000 } }),
    ],
    ["a send limit of 1 is kept", { messagesPerSecond: 1 }, withDefaults({ top: { messagesPerSecond: 1 } })],
    ["a send limit over 1000 falls back", { messagesPerSecond: 1001 }, DEFAULTS],
    ["a send limit of 0 falls back", { messagesPerSecond: 0 }, DEFAULTS],
    ["a fractional send limit falls back", { messagesPerSecond: 2.5 }, DEFAULTS],
    [
      "a partial operator object keeps its values, the rest default",
      { operator: { maxParallelChats: 2, showOperatorName: true } },
      withDefaults({ operator: { maxParallelChats: 2, showOperatorName: true } }),
    ],
    [
      "a partial texts object keeps its texts, the rest default",
      { operator: { texts: { connected: "Hi, it's {{operator}}" } } },
      withDefaults({ texts: { connected: "Hi, it's {{operator}}" } }),
    ],
    [
      "wrong types fall back per field, valid siblings survive",
      {
        waitForStart: "yes",
        beforeStartText: 12,
        sendLeadText: null,
        loginDomainLinked: 1,
        operator: { maxParallelChats: "3", onlyMyClients: true, maxWaitMinutes: 30 },
      },
      withDefaults({ operator: { onlyMyClients: true, maxWaitMinutes: 30 } }),
    ],
    [
      "out-of-range and non-integer numbers fall back",
      {
        operator: {
          maxParallelChats: 0,
          maxWaitMinutes: -1,
          closeAfterMinutes: 1.5,
          showOperatorName: true,
        },
      },
      withDefaults({ operator: { showOperatorName: true } }),
    ],
    [
      "numbers at the edges of their ranges are kept",
      { operator: { maxParallelChats: 100, maxWaitMinutes: 0, closeAfterMinutes: 43_200 } },
      withDefaults({ operator: { maxParallelChats: 100, maxWaitMinutes: 0, closeAfterMinutes: 43_200 } }),
    ],
    [
      "a text over 4096 characters falls back",
      {
        beforeStartText: "x".repeat(4097),
        operator: { texts: { completed: "y".repeat(4097), noOperator: "Nobody" } },
      },
      withDefaults({ texts: { noOperator: "Nobody" } }),
    ],
    [
      "a non-object operator falls back to all operator defaults, the rest is kept",
      { waitForStart: true, operator: "broken" },
      withDefaults({ top: { waitForStart: true } }),
    ],
    ["an operator array falls back to all operator defaults", { operator: [1] }, DEFAULTS],
    ["operator: null falls back", { operator: null }, DEFAULTS],
    [
      "non-object texts fall back to the default texts, the other operator values are kept",
      { operator: { maxParallelChats: 9, texts: 5 } },
      withDefaults({ operator: { maxParallelChats: 9 } }),
    ],
    [
      "a text of the wrong type falls back alone",
      { operator: { texts: { connected: 5, howToEnd: "Send /end" } } },
      withDefaults({ texts: { howToEnd: "Send /end" } }),
    ],
  ])("%s", (_, raw, expected) => {
    expect(parseBotSettings(raw)).toEqual(expected);
  });

  it("unknown keys are dropped", () => {
    expect(parseBotSettings({ legacy: 1, operator: { legacy: 2, texts: { legacy: 3 } } })).toEqual(DEFAULTS);
  });

  it("the default texts are copies: changing a parsed result does not change the next one", () => {
    const first = parseBotSettings({ operator: "broken" });
    first.operator.texts.connected = "changed";
    expect(parseBotSettings({ operator: "broken" }).operator.texts.connected).toBe(
      defaultOperatorTexts.connected,
    );
    expect(defaultOperatorTexts.connected).not.toBe("changed");
  });
});

describe("engineSettingsOf", () => {
  it("the defaults give the engine's defaults", () => {
    expect(engineSettingsOf(defaultBotSettings())).toEqual(defaultEngineSettings);
  });

  it("carries what the engine uses and nothing else", () => {
    const settings = parseBotSettings({
      waitForStart: true,
      beforeStartText: "Say /start first",
      sendLeadText: false,
      loginDomainLinked: true,
      operator: {
        maxParallelChats: 2,
        onlyMyClients: true,
        showOperatorName: true,
        maxWaitMinutes: 3,
        closeAfterMinutes: 60,
        texts: { connected: "Connected!", completed: "Bye" },
      },
    });
    expect(engineSettingsOf(settings)).toEqual({
      waitForStart: true,
      beforeStartText: "Say /start first",
      staleButtonText: defaultEngineSettings.staleButtonText,
      sendLeadText: false,
      operator: {
        maxWaitMinutes: 3,
        showOperatorName: true,
        texts: { ...defaultOperatorTexts, connected: "Connected!", completed: "Bye" },
      },
    });
  });
});

describe("the behaviour's settings (parsed once per distinct text)", () => {
  // No published version: behaviourOf reads nothing from the database.
  const rowWith = (settings: unknown) => ({
    workspaceId: "w",
    settings,
    flowId: null,
    versionId: null,
    variables: null,
  });
  const noDatabase = {} as Parameters<typeof behaviourOf>[0];

  it("a changed setting is read at once, and the same text gives the same parse", async () => {
    const before = await behaviourOf(noDatabase, rowWith({ waitForStart: true }));
    const again = await behaviourOf(noDatabase, rowWith({ waitForStart: true }));
    const after = await behaviourOf(noDatabase, rowWith({ waitForStart: false, messagesPerSecond: 50 }));
    expect(before.settings.waitForStart).toBe(true);
    expect(again.settings).toBe(before.settings);
    expect(after.settings.waitForStart).toBe(false);
    expect(after.settings.messagesPerSecond).toBe(50);
    expect((await behaviourOf(noDatabase, rowWith(null))).settings).toEqual(DEFAULTS);
  });
});
