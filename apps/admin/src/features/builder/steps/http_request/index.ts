import { GlobeIcon } from "../../builder-icons";
import type { BuilderStepUI } from "../types";
import { HttpRequestEditor } from "./editor";
import { HttpRequestNodeBody } from "./node-body";

export const httpRequestStepUI: BuilderStepUI<"http_request"> = {
  icon: GlobeIcon,
  tile: "bg-cyan-50 text-cyan-600 ring-cyan-200",
  accent: "bg-cyan-500",
  minimap: "#06b6d4",
  Editor: HttpRequestEditor,
  NodeBody: HttpRequestNodeBody,
};
