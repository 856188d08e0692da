import type { BuilderStepUI } from "../types";
import { ConditionEditor } from "./editor";
import { ConditionIcon } from "./icon";
import { ConditionNodeBody } from "./node-body";

export const conditionStepUI: BuilderStepUI<"condition"> = {
  icon: ConditionIcon,
  tile: "bg-orange-50 text-orange-600 ring-orange-200",
  accent: "bg-orange-500",
  minimap: "#f97316",
  Editor: ConditionEditor,
  NodeBody: ConditionNodeBody,
};
