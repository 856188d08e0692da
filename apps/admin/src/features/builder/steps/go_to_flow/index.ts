import { FlowJumpIcon } from "../../builder-icons";
import type { BuilderStepUI } from "../types";
import { GoToFlowEditor } from "./editor";
import { GoToFlowNodeBody } from "./node-body";

export const goToFlowStepUI: BuilderStepUI<"go_to_flow"> = {
  icon: FlowJumpIcon,
  tile: "bg-indigo-50 text-indigo-600 ring-indigo-200",
  accent: "bg-indigo-500",
  minimap: "#6366f1",
  Editor: GoToFlowEditor,
  NodeBody: GoToFlowNodeBody,
};
