"use client";

import { STEP_TYPES, stepRegistry } from "@switchboard/flow";
import { PlusIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import { useBuilder } from "./builder-context";
import { builderSteps } from "./steps";
import { DRAG_MIME } from "./use-add-step";

/** The step types, to drag onto the canvas or click to add. */
export function Palette() {
  const { addStep } = useBuilder();
  return (
    <div className="flex h-full w-60 shrink-0 flex-col border-r border-zinc-200 bg-white">
      <div className="border-b border-zinc-100 px-4 py-3">
        <h2 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Steps</h2>
        <p className="mt-0.5 text-xs text-zinc-400">Drag onto the canvas, or click to add.</p>
      </div>
      <div className="scrollbar-thin flex-1 space-y-1.5 overflow-y-auto p-3">
        {STEP_TYPES.map((type) => {
          const def = stepRegistry[type];
          const ui = builderSteps[type];
          const Icon = ui.icon;
          return (
            <button
              key={type}
              type="button"
              draggable
              data-testid={`palette-${type}`}
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_MIME, type);
                e.dataTransfer.setData("text/plain", type);
                e.dataTransfer.effectAllowed = "move";
              }}
              onClick={() => addStep(type)}
              title={`Add a ${def.label} step`}
              className="group flex w-full cursor-grab items-start gap-3 rounded-lg p-2.5 text-left ring-1 ring-transparent transition hover:bg-zinc-50 hover:ring-zinc-200 active:cursor-grabbing"
            >
              <span
                className={cn("flex size-8 shrink-0 items-center justify-center rounded-lg ring-1", ui.tile)}
              >
                <Icon size={16} />
              </span>
              <span className="min-w-0 flex-1">
                <span className="flex items-center justify-between text-sm font-medium text-zinc-900">
                  {def.label}
                  <PlusIcon
                    size={14}
                    className="text-zinc-300 opacity-0 transition group-hover:opacity-100"
                  />
                </span>
                <span className="mt-0.5 block text-xs leading-snug text-zinc-500">{def.description}</span>
              </span>
            </button>
          );
        })}
      </div>
      <div className="border-t border-zinc-100 p-3 text-[11px] leading-relaxed text-zinc-400">
        <p>
          <kbd className="rounded border border-zinc-200 bg-zinc-50 px-1 font-sans">Delete</kbd> removes the
          selection. Drag from an output dot to a step to connect.
        </p>
      </div>
    </div>
  );
}
