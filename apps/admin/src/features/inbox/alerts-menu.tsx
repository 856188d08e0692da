"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { BellIcon } from "@/components/ui/icons";
import { Popover } from "@/components/ui/popover";
import { Toggle } from "@/components/ui/toggle";
import { useClickOutside } from "@/components/ui/use-click-outside";
import type { useDesktopNotifications } from "./use-desktop-notifications";

type Alerts = ReturnType<typeof useDesktopNotifications>;

const PERMISSION_TEXT: Record<Alerts["permission"], string> = {
  granted: "On: you get a notification when someone new waits while this tab is in the background.",
  denied: "Blocked in this browser. Allow notifications for this site in the browser's settings.",
  default: "Get a desktop notification when someone new waits while this tab is in the background.",
  unsupported: "This browser can't show desktop notifications.",
};

/** Desktop notifications (asked for from the button, never on load) and the sound toggle. */
export function AlertsMenu({ alerts }: { alerts: Alerts }) {
  const [open, setOpen] = useState(false);
  const ref = useClickOutside(open, () => setOpen(false));
  const on = alerts.permission === "granted" || alerts.sound;

  return (
    <div ref={ref} className="relative">
      <Button
        size="icon"
        variant="ghost"
        onClick={() => setOpen((o) => !o)}
        aria-label="Notifications and sound"
        title="Notifications and sound"
        aria-expanded={open}
        data-testid="inbox-alerts"
      >
        <BellIcon size={15} className={on ? "text-brand-600" : undefined} />
      </Button>
      {open && (
        <Popover className="w-72 space-y-3 p-3.5">
          <div>
            <p className="text-sm font-medium text-zinc-900">Desktop notifications</p>
            <p className="mt-0.5 text-xs text-zinc-500">{PERMISSION_TEXT[alerts.permission]}</p>
            {alerts.permission === "default" && (
              <Button
                size="sm"
                variant="primary"
                className="mt-2"
                onClick={() => void alerts.requestPermission()}
                data-testid="inbox-notifications-enable"
              >
                Turn on notifications
              </Button>
            )}
          </div>
          <div className="flex items-center justify-between gap-3 border-t border-zinc-100 pt-3">
            <div>
              <p className="text-sm font-medium text-zinc-900">Sound</p>
              <p className="text-xs text-zinc-500">A short beep for new waiting chats and messages.</p>
            </div>
            <Toggle
              checked={alerts.sound}
              onChange={alerts.toggleSound}
              label="Play a sound"
              data-testid="inbox-sound-toggle"
            />
          </div>
        </Popover>
      )}
    </div>
  );
}
