import { LockIcon } from "@/components/ui/icons";
import type { BuilderStepUI } from "../types";
import { LoginEditor } from "./editor";
import { LoginNodeBody } from "./node-body";

export const loginStepUI: BuilderStepUI<"login"> = {
  icon: LockIcon,
  tile: "bg-amber-50 text-amber-600 ring-amber-200",
  accent: "bg-amber-500",
  minimap: "#f59e0b",
  Editor: LoginEditor,
  NodeBody: LoginNodeBody,
};
