import { BriefcaseIcon } from "../../builder-icons";
import type { BuilderStepUI } from "../types";
import { CreateLeadEditor } from "./editor";
import { CreateLeadNodeBody } from "./node-body";

export const createLeadStepUI: BuilderStepUI<"create_lead"> = {
  icon: BriefcaseIcon,
  tile: "bg-fuchsia-50 text-fuchsia-600 ring-fuchsia-200",
  accent: "bg-fuchsia-500",
  minimap: "#d946ef",
  Editor: CreateLeadEditor,
  NodeBody: CreateLeadNodeBody,
};
