import type { StepType } from "@switchboard/flow";
import type { ComponentType } from "react";
import { ButtonsIcon, InputIcon, TextIcon } from "@/components/ui/icons";

export interface StepMeta {
  icon: ComponentType<{ size?: number; className?: string }>;
  /** Icon tile in the palette and the node header. */
  tile: string;
  /** Accent strip at the top of a node. */
  accent: string;
  minimap: string;
}

/** Look of each step type. A new step type fails to compile until it gets an entry here. */
export const stepMeta: Record<StepType, StepMeta> = {
  text: {
    icon: TextIcon,
    tile: "bg-sky-50 text-sky-600 ring-sky-200",
    accent: "bg-sky-500",
    minimap: "#0ea5e9",
  },
  buttons: {
    icon: ButtonsIcon,
    tile: "bg-violet-50 text-violet-600 ring-violet-200",
    accent: "bg-violet-500",
    minimap: "#8b5cf6",
  },
  free_input: {
    icon: InputIcon,
    tile: "bg-emerald-50 text-emerald-600 ring-emerald-200",
    accent: "bg-emerald-500",
    minimap: "#10b981",
  },
};
