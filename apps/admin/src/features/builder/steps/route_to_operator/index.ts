import { HeadsetIcon } from "../../builder-icons";
import type { BuilderStepUI } from "../types";
import { RouteToOperatorEditor } from "./editor";
import { RouteToOperatorNodeBody } from "./node-body";

export const routeToOperatorStepUI: BuilderStepUI<"route_to_operator"> = {
  icon: HeadsetIcon,
  tile: "bg-orange-50 text-orange-600 ring-orange-200",
  accent: "bg-orange-500",
  minimap: "#f97316",
  Editor: RouteToOperatorEditor,
  NodeBody: RouteToOperatorNodeBody,
};
