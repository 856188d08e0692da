import { ContactCardIcon } from "../../builder-icons";
import type { BuilderStepUI } from "../types";
import { UpdateContactEditor } from "./editor";
import { UpdateContactNodeBody } from "./node-body";

export const updateContactStepUI: BuilderStepUI<"update_contact"> = {
  icon: ContactCardIcon,
  tile: "bg-teal-50 text-teal-600 ring-teal-200",
  accent: "bg-teal-500",
  minimap: "#14b8a6",
  Editor: UpdateContactEditor,
  NodeBody: UpdateContactNodeBody,
};
