"use client";

import { useEffect, useState } from "react";
import { Modal } from "@/components/ui/modal";
import { useBuilder } from "./builder-context";
import { SHORTCUTS, shortcutKeys } from "./shortcuts";

/** Every builder shortcut (`?`), straight from the list the keyboard handler uses. */
export function ShortcutSheet() {
  const { shortcutSheet } = useBuilder();
  const mac = useIsMac();
  const close = () => shortcutSheet.setOpen(false);
  return (
    <Modal
      open={shortcutSheet.open}
      onClose={close}
      title="Keyboard shortcuts"
      description="Outside text fields; fields keep their own undo, copy and paste."
      className="max-w-lg"
      data-testid="shortcut-sheet"
    >
      <ul className="divide-y divide-zinc-100">
        {SHORTCUTS.map((s) => (
          <li
            key={s.id}
            className="flex items-center justify-between gap-4 py-2"
            data-testid={`shortcut-${s.id}`}
          >
            <span className="text-sm text-zinc-700">{s.label}</span>
            <span className="flex shrink-0 flex-wrap items-center justify-end gap-1.5">
              {shortcutKeys(s, mac).map((keys, i) => (
                <span key={keys.join("+")} className="flex items-center gap-1">
                  {i > 0 && <span className="text-xs text-zinc-400">or</span>}
                  {keys.map((k) => (
                    <kbd
                      key={k}
                      className="min-w-6 rounded-md bg-zinc-50 px-1.5 py-0.5 text-center font-sans text-xs font-medium text-zinc-700 ring-1 ring-zinc-200"
                    >
                      {k}
                    </kbd>
                  ))}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </Modal>
  );
}

/** Whether to show ⌘ instead of Ctrl (after mount: the server can't know). */
function useIsMac() {
  const [mac, setMac] = useState(false);
  useEffect(() => setMac(/Mac|iPhone|iPad/.test(navigator.platform)), []);
  return mac;
}
