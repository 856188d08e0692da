/*
 * Every builder shortcut, in one list: the keyboard handler (use-builder-shortcuts.ts) matches keys
 * against it, the canvas takes its delete keys from it, and the shortcut sheet shows it — so the
 * sheet can't list a shortcut that doesn't work, nor miss one that does.
 */

export type ShortcutId =
  | "save"
  | "undo"
  | "redo"
  | "copy"
  | "paste"
  | "duplicate"
  | "search"
  | "shortcuts"
  | "delete"
  | "multiSelect";

/** One way to press a shortcut. `mod` is Ctrl (Cmd on a Mac); `shift` undefined means either. */
export interface KeyCombo {
  key: string;
  mod?: boolean;
  shift?: boolean;
}

export interface Shortcut {
  id: ShortcutId;
  label: string;
  combos: KeyCombo[];
  /** Also while typing in a text field (most shortcuts leave the field its own keys). */
  inFields?: boolean;
  /** The browser's own action goes ahead too (copy and paste: its clipboard events bring the data). */
  keepDefault?: boolean;
  /** Handled by React Flow itself (the canvas passes it these keys), not by the builder's handler. */
  canvas?: boolean;
  /** Shown instead of the keys, for what isn't a key press (e.g. "Shift + click"). */
  display?: string[][];
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: "save", label: "Save now", combos: [{ key: "s", mod: true }], inFields: true },
  { id: "undo", label: "Undo", combos: [{ key: "z", mod: true, shift: false }] },
  {
    id: "redo",
    label: "Redo",
    combos: [
      { key: "z", mod: true, shift: true },
      { key: "y", mod: true },
    ],
  },
  {
    id: "copy",
    label: "Copy the selected steps",
    combos: [{ key: "c", mod: true, shift: false }],
    keepDefault: true,
  },
  {
    id: "paste",
    label: "Paste steps (also into another flow)",
    combos: [{ key: "v", mod: true, shift: false }],
    keepDefault: true,
  },
  { id: "duplicate", label: "Duplicate the selected steps", combos: [{ key: "d", mod: true, shift: false }] },
  { id: "search", label: "Find a step by title or text", combos: [{ key: "k", mod: true }], inFields: true },
  { id: "shortcuts", label: "Show these shortcuts", combos: [{ key: "?" }] },
  {
    id: "delete",
    label: "Delete the selected steps or connections",
    combos: [{ key: "Delete" }, { key: "Backspace" }],
    canvas: true,
  },
  {
    id: "multiSelect",
    label: "Select several steps",
    combos: [],
    canvas: true,
    display: [
      ["Shift", "click"],
      ["Shift", "drag"],
    ],
  },
];

/** The keys React Flow should treat as a shortcut's (e.g. the canvas' deleteKeyCode). */
export function canvasKeys(id: ShortcutId): string[] {
  return SHORTCUTS.find((s) => s.id === id)?.combos.map((c) => c.key) ?? [];
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

function matches(combo: KeyCombo, e: KeyPress): boolean {
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey) return false;
  if (Boolean(combo.mod) !== mod) return false;
  if (combo.shift !== undefined && combo.shift !== e.shiftKey) return false;
  // Letters compare case-blind (Shift+Z reports "Z"); "?" and named keys as they are.
  return combo.key.length === 1 ? combo.key.toLowerCase() === e.key.toLowerCase() : combo.key === e.key;
}

/** The builder's shortcut a key press means (none of React Flow's own), or null. */
export function shortcutFor(e: KeyPress, inField: boolean): Shortcut | null {
  for (const s of SHORTCUTS) {
    if (s.canvas) continue;
    if (inField && !s.inFields) continue;
    if (s.combos.some((c) => matches(c, e))) return s;
  }
  return null;
}

/** The keys to show for a shortcut, one list per way to press it ("Ctrl", "Shift", "Z"). */
export function shortcutKeys(s: Shortcut, mac: boolean): string[][] {
  if (s.display) return s.display;
  return s.combos.map((c) => [
    ...(c.mod ? [mac ? "⌘" : "Ctrl"] : []),
    ...(c.shift ? ["Shift"] : []),
    c.key.length === 1 ? c.key.toUpperCase() : c.key,
  ]);
}
