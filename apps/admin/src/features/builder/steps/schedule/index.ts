import { CalendarIcon } from "../../builder-icons";
import type { BuilderStepUI } from "../types";
import { ScheduleEditor } from "./editor";
import { ScheduleNodeBody } from "./node-body";

export const scheduleStepUI: BuilderStepUI<"schedule"> = {
  icon: CalendarIcon,
  tile: "bg-indigo-50 text-indigo-600 ring-indigo-200",
  accent: "bg-indigo-500",
  minimap: "#6366f1",
  Editor: ScheduleEditor,
  NodeBody: ScheduleNodeBody,
};
