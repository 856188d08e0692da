/*
 * The inbox's keyboard shortcuts: which key does what, and the list the `?` help shows. Pure: the
 * hook passes the key event's fields and whether the focus is in a text field.
 */
import { type InboxViewName, VIEWS } from "./views";

export type ShortcutAction =
  | { type: "next" }
  | { type: "previous" }
  | { type: "open" }
  | { type: "search" }
  | { type: "reply" }
  | { type: "note" }
  | { type: "close" }
  | { type: "take" }
  | { type: "view"; view: InboxViewName }
  | { type: "help" };

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The focus is in an input, a textarea, a select or an editable element. */
  typing: boolean;
  /** A dialog (confirm, modal) is open: it owns the keyboard. */
  dialogOpen?: boolean;
}

const SIMPLE: Record<string, ShortcutAction> = {
  j: { type: "next" },
  ArrowDown: { type: "next" },
  k: { type: "previous" },
  ArrowUp: { type: "previous" },
  Enter: { type: "open" },
  o: { type: "open" },
  "/": { type: "search" },
  r: { type: "reply" },
  n: { type: "note" },
  e: { type: "close" },
  c: { type: "close" },
  t: { type: "take" },
  "?": { type: "help" },
};

/** The action for a key press, or null (typing, a modifier held, a dialog open, or no such key). */
export function shortcutFor(input: KeyInput): ShortcutAction | null {
  if (input.typing || input.dialogOpen) return null;
  if (input.ctrlKey || input.metaKey || input.altKey) return null;
  const index = ["1", "2", "3", "4"].indexOf(input.key);
  if (index >= 0) return { type: "view", view: VIEWS[index] as InboxViewName };
  return SIMPLE[input.key] ?? null;
}

/** For `?`: every shortcut, in groups. */
export const SHORTCUT_HELP: { group: string; items: { keys: string[]; label: string }[] }[] = [
  {
    group: "Conversations",
    items: [
      { keys: ["j", "↓"], label: "Next conversation" },
      { keys: ["k", "↑"], label: "Previous conversation" },
      { keys: ["Enter", "o"], label: "Open the selected conversation" },
      { keys: ["1", "2", "3", "4"], label: "Waiting · Mine · All · Closed" },
      { keys: ["/"], label: "Search" },
    ],
  },
  {
    group: "The open conversation",
    items: [
      { keys: ["r"], label: "Write a reply" },
      { keys: ["n"], label: "Write a private note" },
      { keys: ["t"], label: "Take it" },
      { keys: ["e", "c"], label: "Close it (asks first)" },
    ],
  },
  {
    group: "In the reply box",
    items: [
      { keys: ["Enter"], label: "Send" },
      { keys: ["Shift", "Enter"], label: "New line" },
      { keys: [":"], label: "Canned replies: type : and a shortcut" },
      { keys: ["Esc"], label: "Leave the box (or close the suggestions)" },
    ],
  },
  { group: "Help", items: [{ keys: ["?"], label: "Show this list" }] },
];

/** The selected row after j/k: stays within the list; -1 (nothing selected) goes to the first. */
export function moveSelection(index: number, delta: 1 | -1, count: number): number {
  if (count <= 0) return -1;
  if (index < 0) return delta > 0 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, index + delta));
}
