import { WebhookIcon } from "../../builder-icons";
import type { BuilderStepUI } from "../types";
import { SendWebhookEditor } from "./editor";
import { SendWebhookNodeBody } from "./node-body";

export const sendWebhookStepUI: BuilderStepUI<"send_webhook"> = {
  icon: WebhookIcon,
  tile: "bg-teal-50 text-teal-600 ring-teal-200",
  accent: "bg-teal-500",
  minimap: "#14b8a6",
  Editor: SendWebhookEditor,
  NodeBody: SendWebhookNodeBody,
};
