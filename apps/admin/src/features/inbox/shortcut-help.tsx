import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { SHORTCUT_HELP } from "./shortcuts";

function Key({ k }: { k: string }) {
  return (
    <kbd className="inline-flex h-5 min-w-5 items-center justify-center rounded border border-zinc-300 bg-zinc-50 px-1 font-mono text-[11px] text-zinc-700 shadow-[0_1px_0_0] shadow-zinc-300">
      {k}
    </kbd>
  );
}

/** `?`: every keyboard shortcut of the inbox. */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal
      open={open}
      onClose={onClose}
      title="Keyboard shortcuts"
      description="They work whenever the focus isn't in a text field. Esc leaves a text field."
      className="max-w-lg"
      data-testid="inbox-shortcut-help"
      footer={<Button onClick={onClose}>Close</Button>}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {SHORTCUT_HELP.map((group) => (
          <section key={group.group}>
            <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
              {group.group}
            </h3>
            <ul className="space-y-1.5">
              {group.items.map((item) => (
                <li
                  key={item.label}
                  className="flex items-center justify-between gap-3 text-sm text-zinc-700"
                >
                  <span>{item.label}</span>
                  <span className="flex shrink-0 gap-1">
                    {item.keys.map((k) => (
                      <Key key={k} k={k} />
                    ))}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Modal>
  );
}
