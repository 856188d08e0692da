import type { CustomFieldDefinition } from "@switchboard/flow";

/*
 * The variable picker of template fields: which variables a step can use, grouped, searchable, and
 * the token a choice inserts (at the caret: use-caret-insert.ts).
 */

export interface PickerItem {
  /** What goes between the braces: "vars.email", "fields.plan", "bot.promo", "name". */
  path: string;
  /** A human hint next to it: a field's label, the bots that have a bot variable. */
  hint: string;
}

export interface PickerGroup {
  id: "vars" | "contact" | "bot" | "tracker";
  label: string;
  items: PickerItem[];
  /** Shown when the group has nothing (before a search). */
  empty: string;
}

/** A bot variable key and the bots (usernames) that have it. */
export interface BotVariableInfo {
  key: string;
  bots: string[];
}

const CONTACT_BUILT_INS: PickerItem[] = [
  { path: "name", hint: "First name" },
  { path: "username", hint: "Telegram username" },
  { path: "chatId", hint: "Chat id" },
  { path: "createdAt", hint: "First contact (ISO time)" },
];

/** Keys any deep link can carry (`?start=utm_source-ads__utm_campaign-spring`); others may come too. */
const TRACKER_KEYS: PickerItem[] = [
  { path: "tracker.start", hint: "The whole deep-link payload" },
  { path: "tracker.clickid", hint: "Unique id of this click" },
  { path: "tracker.utm_source", hint: "utm_source-… in the payload" },
  { path: "tracker.utm_medium", hint: "utm_medium-… in the payload" },
  { path: "tracker.utm_campaign", hint: "utm_campaign-… in the payload" },
  { path: "tracker.utm_content", hint: "utm_content-… in the payload" },
  { path: "tracker.utm_term", hint: "utm_term-… in the payload" },
];

export function pickerGroups(input: {
  /** `vars.*` written by steps upstream of the edited one. */
  upstreamVariables: readonly string[];
  /** Variable → the steps before this one that set it ("Ask email, Menu"). */
  sources?: Readonly<Record<string, string>>;
  customFields: readonly CustomFieldDefinition[] | null;
  botVariables: readonly BotVariableInfo[] | null;
}): PickerGroup[] {
  return [
    {
      id: "vars",
      label: "This flow",
      items: input.upstreamVariables.map((v) => ({
        path: `vars.${v}`,
        hint: input.sources?.[v] ? `Set by ${input.sources[v]}` : "Set by a step before this one",
      })),
      empty: "No step before this one saves an answer yet.",
    },
    {
      id: "contact",
      label: "Contact",
      items: [
        ...CONTACT_BUILT_INS,
        ...(input.customFields ?? []).map((f) => ({ path: `fields.${f.key}`, hint: f.label })),
      ],
      empty: "",
    },
    {
      id: "bot",
      label: "Bot variables",
      items: (input.botVariables ?? []).map((v) => ({
        path: `bot.${v.key}`,
        hint: v.bots.map((b) => `@${b}`).join(", "),
      })),
      empty: input.botVariables ? "No bot variables yet (Bots → Settings → Variables)." : "Loading…",
    },
    { id: "tracker", label: "Deep link", items: TRACKER_KEYS, empty: "" },
  ];
}

/** The groups with the items whose path or hint contains every word of `query`; empty groups go. */
export function filterGroups(groups: readonly PickerGroup[], query: string): PickerGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...groups];
  return groups
    .map((g) => ({
      ...g,
      items: g.items.filter((i) => {
        const text = `${i.path} ${i.hint} ${g.label}`.toLowerCase();
        return words.every((w) => text.includes(w));
      }),
    }))
    .filter((g) => g.items.length > 0);
}

/**
 * `{{path}}`, or `{{path | "fallback"}}` when a fallback is given: what the message shows when the
 * value is missing or empty. Quotes and backslashes in it are escaped as the template syntax wants.
 */
export function templateToken(path: string, fallback?: string): string {
  const text = fallback?.trim();
  if (!text) return `{{${path}}}`;
  return `{{${path} | "${text.replace(/[\\"]/g, (c) => `\\${c}`)}"}}`;
}

/**
 * The bot variables the builder offers and checks for a flow: those of the bots that run it; when no
 * bot runs it (yet), those of every bot of the workspace. `running` says which case it is: only then
 * does the compiler warn about a `{{bot.KEY}}` none of them has.
 */
export function botVariablesFor(
  flowId: string,
  bots: readonly { id: string; username: string; entryFlowId: string | null }[],
  variables: readonly { botId: string; key: string }[],
): { running: boolean; variables: BotVariableInfo[] } {
  const runningBots = bots.filter((b) => b.entryFlowId === flowId);
  const chosen = runningBots.length > 0 ? runningBots : bots;
  const names = new Map(chosen.map((b) => [b.id, b.username]));
  const byKey = new Map<string, string[]>();
  for (const v of variables) {
    const name = names.get(v.botId);
    if (name === undefined) continue;
    const list = byKey.get(v.key);
    if (list) list.push(name);
    else byKey.set(v.key, [name]);
  }
  return {
    running: runningBots.length > 0,
    variables: [...byKey]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, list]) => ({ key, bots: list.sort() })),
  };
}
