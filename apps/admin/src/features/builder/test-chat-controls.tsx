"use client";

import type { ChatControl } from "./test-chat-model";

/** Buttons that play the outside world's part: operators, logins, schedule runs, timers. */
export function TestChatControls({
  controls,
  onControl,
}: {
  controls: ChatControl[];
  onControl: (control: ChatControl) => void;
}) {
  if (controls.length === 0) return null;
  return (
    <div className="border-t border-zinc-200 bg-zinc-50 px-3 py-2" data-testid="test-chat-controls">
      <p className="mb-1.5 text-[10px] font-semibold tracking-wide text-zinc-400 uppercase">Simulate</p>
      <div className="flex flex-wrap gap-1.5">
        {controls.map((c) => (
          <button
            key={c.id}
            type="button"
            onClick={() => onControl(c)}
            data-testid={`test-chat-control-${c.id}`}
            className="rounded-full bg-white px-2.5 py-1 text-xs font-medium text-zinc-700 shadow-sm ring-1 ring-zinc-300 transition hover:bg-brand-50 hover:text-brand-700 hover:ring-brand-300"
          >
            {c.label}
          </button>
        ))}
      </div>
    </div>
  );
}
