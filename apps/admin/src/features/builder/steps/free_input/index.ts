import { InputIcon } from "@/components/ui/icons";
import type { BuilderStepUI } from "../types";
import { FreeInputEditor } from "./editor";
import { FreeInputNodeBody } from "./node-body";

export const freeInputStepUI: BuilderStepUI<"free_input"> = {
  icon: InputIcon,
  tile: "bg-emerald-50 text-emerald-600 ring-emerald-200",
  accent: "bg-emerald-500",
  minimap: "#10b981",
  Editor: FreeInputEditor,
  NodeBody: FreeInputNodeBody,
};
