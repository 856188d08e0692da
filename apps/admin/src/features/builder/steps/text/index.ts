import { TextIcon } from "@/components/ui/icons";
import type { BuilderStepUI } from "../types";
import { TextEditor } from "./editor";
import { TextNodeBody } from "./node-body";

export const textStepUI: BuilderStepUI<"text"> = {
  icon: TextIcon,
  tile: "bg-sky-50 text-sky-600 ring-sky-200",
  accent: "bg-sky-500",
  minimap: "#0ea5e9",
  Editor: TextEditor,
  NodeBody: TextNodeBody,
};
