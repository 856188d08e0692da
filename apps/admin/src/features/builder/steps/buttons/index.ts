import { ButtonsIcon } from "@/components/ui/icons";
import type { BuilderStepUI } from "../types";
import { ButtonsEditor } from "./editor";
import { ButtonsNodeBody, ButtonsNodeOutputs } from "./node-body";

export const buttonsStepUI: BuilderStepUI<"buttons"> = {
  icon: ButtonsIcon,
  tile: "bg-violet-50 text-violet-600 ring-violet-200",
  accent: "bg-violet-500",
  minimap: "#8b5cf6",
  Editor: ButtonsEditor,
  NodeBody: ButtonsNodeBody,
  NodeOutputs: ButtonsNodeOutputs,
};
