"use client";

import { type BuilderFlow, BuilderProvider } from "./builder-context";
import { Canvas } from "./canvas";
import { Palette } from "./palette";
import { ShortcutSheet } from "./shortcut-sheet";
import { SidePanel } from "./side-panel";
import { StepSearchDialog } from "./step-search-dialog";
import { TopBar } from "./top-bar/top-bar";

export type { BuilderFlow } from "./builder-context";

/** The flow builder: top bar, step palette, canvas and the selected step's panel over its right side. */
export function Builder({ flow }: { flow: BuilderFlow }) {
  return (
    <BuilderProvider flow={flow}>
      <div className="flex h-full min-h-0 flex-col" data-testid="builder">
        <TopBar />
        <div className="flex min-h-0 flex-1">
          <Palette />
          <Canvas panel={<SidePanel />} />
        </div>
      </div>
      <StepSearchDialog />
      <ShortcutSheet />
    </BuilderProvider>
  );
}
