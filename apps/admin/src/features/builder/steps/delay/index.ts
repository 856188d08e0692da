import { HourglassIcon } from "../../builder-icons";
import type { BuilderStepUI } from "../types";
import { DelayEditor } from "./editor";
import { DelayNodeBody } from "./node-body";

export const delayStepUI: BuilderStepUI<"delay"> = {
  icon: HourglassIcon,
  tile: "bg-slate-50 text-slate-600 ring-slate-200",
  accent: "bg-slate-500",
  minimap: "#64748b",
  Editor: DelayEditor,
  NodeBody: DelayNodeBody,
};
