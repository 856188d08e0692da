import type { BuilderStepUI } from "../types";
import { SetValuesEditor } from "./editor";
import { SetValuesIcon } from "./icon";
import { SetValuesNodeBody } from "./node-body";

export const setValuesStepUI: BuilderStepUI<"set_values"> = {
  icon: SetValuesIcon,
  tile: "bg-cyan-50 text-cyan-600 ring-cyan-200",
  accent: "bg-cyan-500",
  minimap: "#06b6d4",
  Editor: SetValuesEditor,
  NodeBody: SetValuesNodeBody,
};
