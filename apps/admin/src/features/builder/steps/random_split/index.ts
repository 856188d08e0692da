import type { BuilderStepUI } from "../types";
import { RandomSplitEditor } from "./editor";
import { RandomSplitIcon } from "./icon";
import { RandomSplitNodeBody } from "./node-body";

export const randomSplitStepUI: BuilderStepUI<"random_split"> = {
  icon: RandomSplitIcon,
  tile: "bg-fuchsia-50 text-fuchsia-600 ring-fuchsia-200",
  accent: "bg-fuchsia-500",
  minimap: "#d946ef",
  Editor: RandomSplitEditor,
  NodeBody: RandomSplitNodeBody,
};
