import { defaultEngineSettings, defaultOperatorTexts } from "@switchboard/flow";
import type { RouterInputs, RouterOutputs } from "@/lib/trpc";

/*
 * The bot settings panel's form: the stored BotSettings as editable fields, their checks (the API's
 * limits) and the patch `bots.updateSettings` is sent, with only what changed.
 */

export type BotSettings = RouterOutputs["bots"]["list"][number]["settings"];
export type SettingsPatch = RouterInputs["bots"]["updateSettings"]["settings"];

export type TextKey = "beforeStart" | "connected" | "noOperator" | "howToEnd" | "completed" | "afterMaxWait";

export const AUTO_TEXTS: { key: TextKey; label: string; when: string; default: string }[] = [
  {
    key: "beforeStart",
    label: "Before /start",
    when: "When “Wait for /start” is on and a new user writes anything else.",
    default: defaultEngineSettings.beforeStartText,
  },
  {
    key: "connected",
    label: "Operator connected",
    when: "When an operator takes the conversation (after their name when “show operator's name” is on).",
    default: defaultOperatorTexts.connected,
  },
  {
    key: "howToEnd",
    label: "How to end",
    when: "Right after “connected”.",
    default: defaultOperatorTexts.howToEnd,
  },
  {
    key: "noOperator",
    label: "No operator",
    when: "When nobody is in the bot's operator pool.",
    default: defaultOperatorTexts.noOperator,
  },
  {
    key: "afterMaxWait",
    label: "After the maximum waiting time",
    when: "When nobody took the conversation in time.",
    default: defaultOperatorTexts.afterMaxWait,
  },
  {
    key: "completed",
    label: "Consultation completed",
    when: "When the operator closes the conversation, or the user sends /end.",
    default: defaultOperatorTexts.completed,
  },
];

export const TEXT_LIMIT = 4096;
export const MAX_WAIT_LIMIT = 10_080;
export const PARALLEL_LIMIT = 100;
/** Telegram's paid broadcasts allow a bot up to 1000 messages a second; 30 is the free ceiling. */
export const SEND_LIMIT_MAX = 1000;

/** The largest supergroup id: "-100" followed by the group's own id (Bot API). */
export const SUPERGROUP_ID_MAX = -1_000_000_000_001;

export interface BotSettingsForm {
  /** Operators answer from a Telegram supergroup with topics (one per customer). */
  groupEnabled: boolean;
  /** The group's id as typed ("-1001234567890"); "" = none. */
  groupChatId: string;
  sendLeadText: boolean;
  loginDomainLinked: boolean;
  showOperatorName: boolean;
  /** As typed: whole minutes, 0 = no limit. */
  maxWaitMinutes: string;
  maxParallelChats: string;
  /** As typed: the bot's messages per second, 1–1000. */
  messagesPerSecond: string;
  texts: Record<TextKey, string>;
}

export type FormErrors = Partial<
  Record<"maxWaitMinutes" | "maxParallelChats" | "messagesPerSecond" | "groupChatId" | TextKey, string>
>;

export function formFromSettings(s: BotSettings): BotSettingsForm {
  const t = s.operator.texts;
  return {
    groupEnabled: s.operatorGroup?.enabled ?? false,
    groupChatId: s.operatorGroup?.chatId != null ? String(s.operatorGroup.chatId) : "",
    sendLeadText: s.sendLeadText,
    loginDomainLinked: s.loginDomainLinked,
    showOperatorName: s.operator.showOperatorName,
    maxWaitMinutes: String(s.operator.maxWaitMinutes),
    maxParallelChats: String(s.operator.maxParallelChats),
    messagesPerSecond: String(s.messagesPerSecond),
    texts: {
      beforeStart: s.beforeStartText,
      connected: t.connected,
      noOperator: t.noOperator,
      howToEnd: t.howToEnd,
      completed: t.completed,
      afterMaxWait: t.afterMaxWait,
    },
  };
}

const wholeNumber = (v: string) => (/^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN);

/** The typed group id as a number; null when empty; NaN when it is not a supergroup's id. */
export function groupChatIdOf(v: string): number | null {
  const t = v.trim().replace(/\s+/g, "");
  if (!t) return null;
  if (!/^-100\d{10,}$/.test(t)) return Number.NaN;
  const n = Number(t);
  return Number.isSafeInteger(n) && n <= SUPERGROUP_ID_MAX ? n : Number.NaN;
}

export function validateSettingsForm(f: BotSettingsForm): FormErrors {
  const errors: FormErrors = {};
  const wait = wholeNumber(f.maxWaitMinutes);
  if (!Number.isInteger(wait) || wait > MAX_WAIT_LIMIT)
    errors.maxWaitMinutes = `Whole minutes from 0 (no limit) to ${MAX_WAIT_LIMIT.toLocaleString("en")} (a week).`;
  const parallel = wholeNumber(f.maxParallelChats);
  if (!Number.isInteger(parallel) || parallel < 1 || parallel > PARALLEL_LIMIT)
    errors.maxParallelChats = `A whole number from 1 to ${PARALLEL_LIMIT}.`;
  const perSecond = wholeNumber(f.messagesPerSecond);
  if (!Number.isInteger(perSecond) || perSecond < 1 || perSecond > SEND_LIMIT_MAX)
    errors.messagesPerSecond = `A whole number from 1 to ${SEND_LIMIT_MAX.toLocaleString("en")}.`;
  const group = groupChatIdOf(f.groupChatId);
  if (Number.isNaN(group))
    errors.groupChatId = "A supergroup's id: -100 and the group's number, e.g. -1001234567890.";
  else if (f.groupEnabled && group === null) errors.groupChatId = "Paste the group's id to switch this on.";
  for (const { key } of AUTO_TEXTS) {
    const text = f.texts[key];
    if (!text.trim()) errors[key] = "Write a text, or reset it to the default.";
    else if (Array.from(text).length > TEXT_LIMIT)
      errors[key] = `At most ${TEXT_LIMIT.toLocaleString("en")} characters (Telegram's limit).`;
  }
  return errors;
}

/** The changed settings only; null when nothing changed. Call on a valid form. */
export function settingsPatch(original: BotSettings, f: BotSettingsForm): SettingsPatch | null {
  const before = formFromSettings(original);
  const patch: SettingsPatch = {};
  const operator: NonNullable<SettingsPatch["operator"]> = {};
  const texts: NonNullable<NonNullable<SettingsPatch["operator"]>["texts"]> = {};

  if (f.sendLeadText !== before.sendLeadText) patch.sendLeadText = f.sendLeadText;
  const perSecond = Number(f.messagesPerSecond);
  if (perSecond !== original.messagesPerSecond) patch.messagesPerSecond = perSecond;
  if (f.loginDomainLinked !== before.loginDomainLinked) patch.loginDomainLinked = f.loginDomainLinked;
  if (f.texts.beforeStart !== before.texts.beforeStart) patch.beforeStartText = f.texts.beforeStart;
  if (f.showOperatorName !== before.showOperatorName) operator.showOperatorName = f.showOperatorName;
  const wait = Number(f.maxWaitMinutes);
  if (wait !== original.operator.maxWaitMinutes) operator.maxWaitMinutes = wait;
  const parallel = Number(f.maxParallelChats);
  if (parallel !== original.operator.maxParallelChats) operator.maxParallelChats = parallel;
  for (const key of ["connected", "noOperator", "howToEnd", "completed", "afterMaxWait"] as const)
    if (f.texts[key] !== before.texts[key]) texts[key] = f.texts[key];

  if (Object.keys(texts).length) operator.texts = texts;
  if (Object.keys(operator).length) patch.operator = operator;
  const group: NonNullable<SettingsPatch["operatorGroup"]> = {};
  if (f.groupEnabled !== before.groupEnabled) group.enabled = f.groupEnabled;
  const chatId = groupChatIdOf(f.groupChatId);
  if (chatId !== groupChatIdOf(before.groupChatId)) group.chatId = chatId;
  if (Object.keys(group).length) patch.operatorGroup = group;
  return Object.keys(patch).length ? patch : null;
}

/** Which form field an API error path ("settings.operator.texts.completed") is about. */
export function errorKeyOf(path: string | null): keyof FormErrors | null {
  const last = path?.split(".").pop();
  if (!last) return null;
  if (last === "beforeStartText") return "beforeStart";
  if (last === "maxWaitMinutes" || last === "maxParallelChats" || last === "messagesPerSecond") return last;
  if (path?.includes("operatorGroup")) return "groupChatId";
  return AUTO_TEXTS.some((t) => t.key === last) ? (last as TextKey) : null;
}
